/**
 * Shared vocabulary of the importers and exporters (core, pure). One module per foreign format
 * lives beside this file; each turns the bytes of an export into entries plus per-entry errors,
 * so one bad entry never aborts the rest (issue 6, HOSTILE-INPUTS #33).
 */
import type { OtpParams } from '../otp/types';
import type { OtpSecret } from '../secret';

/** The formats `tessera import --format` accepts (the CLI names). */
export const IMPORT_FORMATS = [
  'tessera',
  'aegis',
  '2fas',
  'google-migration',
  'andotp',
  'bitwarden',
  'freeotp-plus',
  'ente',
  'authenticator-pro',
  'otpauth-list',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats `tessera export --format` writes. */
export const EXPORT_FORMATS = ['tessera', 'aegis', 'otpauth-list'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One account read from a foreign file, validated (see entry.ts). The caller owns `secret` and
 * must store or wipe it. Text fields are cleaned display text (normalizeDisplayText).
 */
export interface ImportedEntry {
  readonly issuer: string;
  readonly accountName: string;
  readonly secret: OtpSecret;
  readonly params: OtpParams;
  /** Group / folder / category names the source app kept for this entry (cleaned, deduplicated). */
  readonly groups: readonly string[];
  readonly favorite: boolean;
  /** Non-fatal remarks for this entry (e.g. a short secret), for the preview. */
  readonly warnings: readonly string[];
}

/** Why one entry of a file was skipped. `reason` is for the user and never holds the secret. */
export interface EntryError {
  /** 0-based position of the entry in the source file (its list order). */
  readonly index: number;
  /** Issuer / name of the entry when they could be read, to help the user find it. */
  readonly label?: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly entries: readonly ImportedEntry[];
  readonly errors: readonly EntryError[];
}

/** Why a whole file could not be read. Distinct reasons get distinct, actionable messages. */
export const IMPORT_FAILURES = [
  /** The file is encrypted and no password was given. */
  'password-required',
  /** Authentication failed: wrong password (or, indistinguishably, a damaged file). */
  'wrong-password',
  /** Authentication of the data failed where the password was checked separately. */
  'tampered',
  /** Not this format at all (e.g. an Aegis file given as 2FAS). */
  'wrong-format',
  /** The right format, but broken: truncated, bad JSON, fields of the wrong type. */
  'malformed',
  /** A version of the format this build does not know (e.g. written by a newer app). */
  'unsupported-version',
  /** Size, depth or count limits exceeded, or KDF parameters outside safe bounds. */
  'too-large',
  /** A Bitwarden export restricted to one account: only Bitwarden itself can open it. */
  'account-restricted',
] as const;
export type ImportFailureReason = (typeof IMPORT_FAILURES)[number];

export type ImportOutcome =
  | { readonly ok: true; readonly value: ImportResult }
  | { readonly ok: false; readonly reason: ImportFailureReason; readonly message: string };

export interface ImportInput {
  readonly bytes: Uint8Array;
  /** Password for encrypted exports; never logged, never echoed in messages. */
  readonly password?: string;
}

/** Every importer has this shape; async because key derivation (hash-wasm, WebCrypto) is. */
export interface Importer {
  readonly format: ImportFormat;
  /** For pickers and messages, e.g. "Aegis vault (.json)". */
  readonly title: string;
  /** Cheap content sniffing (HOSTILE #35): true when the bytes look like this format. */
  sniff(bytes: Uint8Array): boolean;
  /** Whether this file needs a password (to ask before import). */
  isEncrypted(bytes: Uint8Array): boolean;
  read(input: ImportInput): Promise<ImportOutcome>;
}

/** Largest file any importer reads (HOSTILE #34): checked before decoding or JSON.parse. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Most entries one file may yield. */
export const MAX_IMPORT_ENTRIES = 10_000;
