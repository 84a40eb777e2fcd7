/**
 * Contract rows — Google Authenticator transfer QR codes shown on screen (issue 6, "export to
 * a phone"). Spread into the table in contract.ts. The SVGs encode secrets: main makes them only
 * when the renderer says the user confirmed, the renderer keeps them in memory while the dialog
 * is open, and nothing stores them.
 */
import { z } from 'zod';
import { invoke } from './define';

export const TransferQrView = z.object({
  /** 1-based, for "code 2 of 3". */
  number: z.number().int().positive(),
  total: z.number().int().positive(),
  /** A standalone <svg> element (black modules on white). */
  svg: z.string().max(500_000),
});
export type TransferQrView = z.infer<typeof TransferQrView>;

export const TransferSkippedView = z.object({
  label: z.string().max(1200),
  reason: z.string().max(500),
});

export const TransferOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    codes: z.array(TransferQrView).max(1000),
    /** How many devices the codes hold. */
    accounts: z.number().int().nonnegative(),
    /** Devices left out: Google Authenticator cannot hold them, or their secret is missing. */
    skipped: z.array(TransferSkippedView).max(10_000),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['no-devices', 'nothing-transferable']),
    message: z.string().max(500),
  }),
]);
export type TransferOutcome = z.infer<typeof TransferOutcome>;

export const transferChannels = {
  /** Transfer QR codes for every device; `confirmed` records the user's explicit consent. */
  'transfer.qrCodes': invoke(z.tuple([z.object({ confirmed: z.literal(true) })]), TransferOutcome),
} as const;
