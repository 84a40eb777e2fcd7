/**
 * Google Authenticator transfer QR codes as SVG text (core, pure: `qrcode` renders in memory).
 * The SVGs contain secrets: they are built on an explicit, confirmed user action, shown on
 * screen, and never written to disk or logged (issue 6, "transfer QR codes shown on screen").
 */
import QRCode from 'qrcode';
import { encodeMigrationUris, type MigrationExportEntry } from './googleMigration';
import type { EntryError } from './types';

/** Accounts per QR code: Google Authenticator's own exports hold about ten. */
export const DEFAULT_ACCOUNTS_PER_QR = 10;

export interface TransferQrCode {
  /** 1-based position, for "code 2 of 3". */
  readonly number: number;
  readonly total: number;
  /** A standalone `<svg>` element; dark modules on a white, quiet-zoned background. */
  readonly svg: string;
}

export interface TransferQrSet {
  readonly codes: readonly TransferQrCode[];
  readonly skipped: readonly EntryError[];
}

/**
 * Renders the transfer QR codes for `entries`. `batchId` must be a fresh random number per
 * export (it lets the phone tell two exports apart).
 */
export async function transferQrCodes(
  entries: readonly MigrationExportEntry[],
  batchId: number,
  accountsPerQr = DEFAULT_ACCOUNTS_PER_QR,
): Promise<TransferQrSet> {
  const { uris, skipped } = encodeMigrationUris(entries, accountsPerQr, batchId);
  const codes = await Promise.all(
    uris.map(async (uri, index) => ({
      number: index + 1,
      total: uris.length,
      svg: await QRCode.toString(uri, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
        color: { dark: '#000000ff', light: '#ffffffff' },
      }),
    })),
  );
  return { codes, skipped };
}
