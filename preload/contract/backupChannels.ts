/**
 * Contract rows — Encrypted backup, restore, import and export (issue 6). Spread into the table
 * in contract.ts. Std code (no electron, node:* or DOM). Paths never cross IPC: main shows the
 * file dialogs and keeps the chosen file; the renderer gets a file id and a name. Passphrases
 * cross once, renderer → main, and are never returned; no result holds a seed.
 */
import { z } from 'zod';
import { event, invoke } from './define';

/** Format names, as in main/core/interop/types.ts (kept in step by a unit test). */
export const ImportFormatName = z.enum([
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
]);
export type ImportFormatName = z.infer<typeof ImportFormatName>;
export const ExportFormatName = z.enum(['tessera', 'aegis', 'otpauth-list']);
export type ExportFormatName = z.infer<typeof ExportFormatName>;

export const Passphrase = z.string().min(1).max(1024);
const Token = z.string().min(1).max(64);

export const ConflictChoiceName = z.enum(['skip', 'replace', 'keep-both']);
export type ConflictChoiceName = z.infer<typeof ConflictChoiceName>;

const Failure = <R extends z.ZodType>(reason: R) =>
  z.object({ ok: z.literal(false), reason, message: z.string() });

export const FailureReason = z.enum([
  'cancelled',
  'file-error',
  'not-available',
  'keychain-unavailable',
  'nothing-to-export',
  'password-required',
  'wrong-password',
  'tampered',
  'wrong-format',
  'malformed',
  'unsupported-version',
  'too-large',
  'account-restricted',
  'expired',
]);
export type FailureReason = z.infer<typeof FailureReason>;

export const OpenedFileView = z.object({
  fileId: Token,
  name: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Formats whose sniffers accept the file (may be empty). */
  detected: z.array(ImportFormatName),
  /** Formats this build can read. */
  available: z.array(ImportFormatName),
});
export type OpenedFileView = z.infer<typeof OpenedFileView>;
export const OpenFileOutcome = z.union([
  z.object({ ok: z.literal(true), file: OpenedFileView }),
  Failure(FailureReason),
]);
export type OpenFileOutcome = z.infer<typeof OpenFileOutcome>;

export const PreviewItemView = z.object({
  index: z.number().int().nonnegative(),
  issuer: z.string(),
  accountName: z.string(),
  type: z.enum(['totp', 'hotp']),
  status: z.enum(['new', 'present', 'conflict']),
  conflict: z.enum(['same-id', 'same-secret-other-params', 'same-label-other-secret']).nullable(),
  /** The stored device it matches or conflicts with, as "issuer:account". */
  existingLabel: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type PreviewItemView = z.infer<typeof PreviewItemView>;

export const ImportPreviewView = z.object({
  token: Token,
  kind: z.enum(['import', 'restore']),
  format: ImportFormatName,
  items: z.array(PreviewItemView),
  errors: z.array(
    z.object({ index: z.number().int(), label: z.string().nullable(), reason: z.string() }),
  ),
  counts: z.object({
    new: z.number().int(),
    present: z.number().int(),
    conflict: z.number().int(),
    errors: z.number().int(),
  }),
  /** For a restore: when the backup was made (Unix ms). */
  createdAtMs: z.number().nullable(),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewView>;
export const PreviewOutcome = z.union([
  z.object({ ok: z.literal(true), preview: ImportPreviewView }),
  Failure(FailureReason),
]);
export type PreviewOutcome = z.infer<typeof PreviewOutcome>;

export const ApplySummaryView = z.object({
  added: z.number().int(),
  replaced: z.number().int(),
  skipped: z.number().int(),
  present: z.number().int(),
  errors: z.number().int(),
});
export type ApplySummaryView = z.infer<typeof ApplySummaryView>;
export const ApplyOutcome = z.union([
  z.object({ ok: z.literal(true), summary: ApplySummaryView }),
  Failure(FailureReason),
]);
export type ApplyOutcome = z.infer<typeof ApplyOutcome>;

export const WriteOutcome = z.union([
  z.object({
    ok: z.literal(true),
    name: z.string(),
    /** Devices written. */
    count: z.number().int(),
    /** Devices left out because the keychain has no seed for them. */
    missing: z.number().int(),
  }),
  Failure(FailureReason),
]);
export type WriteOutcome = z.infer<typeof WriteOutcome>;

export const BackupStatusView = z.object({
  devices: z.number().int(),
  /** Devices never written into a backup (the reminder banner shows when > 0). */
  neverBackedUp: z.number().int(),
  /** Devices changed since their last backup. */
  changedSinceBackup: z.number().int(),
  lastBackupAt: z.number().nullable(),
});
export type BackupStatusView = z.infer<typeof BackupStatusView>;

export const ProgressView = z.object({
  operation: z.enum(['backup', 'restore', 'import', 'export']),
  step: z.enum([
    'reading',
    'deriving-key',
    'encrypting',
    'decrypting',
    'storing',
    'writing',
    'done',
  ]),
  /** For `storing`: secrets written so far, of `total` (the keychain can take a while). */
  done: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const backupChannels = {
  'backup.status': invoke(z.tuple([]), BackupStatusView),
  /** Asks for a path (save dialog), then writes an encrypted backup of every device there. */
  'backup.create': invoke(z.tuple([Passphrase]), WriteOutcome),
  /** Shows the open dialog; main keeps the file. */
  'interop.openFile': invoke(z.tuple([z.enum(['import', 'restore'])]), OpenFileOutcome),
  'backup.restorePreview': invoke(z.tuple([Token, Passphrase]), PreviewOutcome),
  'backup.restoreApply': invoke(z.tuple([Token, ConflictChoiceName]), ApplyOutcome),
  'interop.importPreview': invoke(
    z.tuple([Token, ImportFormatName, Passphrase.nullable()]),
    PreviewOutcome,
  ),
  'interop.importApply': invoke(z.tuple([Token, ConflictChoiceName]), ApplyOutcome),
  /** Forgets a preview (its seeds are wiped) or an opened file. */
  'interop.discard': invoke(z.tuple([Token]), z.void()),
  /** Asks for a path, then writes the export; `aegis` needs a password, `otpauth-list` none. */
  'interop.export': invoke(z.tuple([ExportFormatName, Passphrase.nullable()]), WriteOutcome),
  'backup.progressChanged': event(ProgressView),
} as const;
