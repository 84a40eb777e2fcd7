/**
 * The `.tessera` backup envelope (core, pure; FORMAT.md is the specification): a JSON header
 * with the Argon2id parameters, salt, AES-256-GCM nonce and a key-check value, authenticated as
 * the cipher's associated data, a SHA-256 checksum, and the ciphertext. Salt and nonce are
 * parameters (the service supplies fresh random bytes), so files are reproducible in tests.
 * Every failure is a value with a distinct reason; nothing here throws on hostile input.
 */
import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { parseJsonBytes } from '../interop/json';
import { MAX_IMPORT_BYTES } from '../interop/types';
import {
  checkKdfParams,
  deriveBackupKeys,
  keyCheckValue,
  wipeKeys,
  type Argon2idParams,
  type BackupKeys,
} from './kdf';
import { decodePayload, encodePayload, type BackupDevice, type DecodedPayload } from './payload';

export const BACKUP_FORMAT = 'tessera-backup';
export const BACKUP_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_CHECK_BYTES = 32;
/** Largest backup file read (the import limit: 10,000 devices fit in well under 16 MiB). */
export const MAX_BACKUP_BYTES = MAX_IMPORT_BYTES;

export const BACKUP_FAILURES = [
  /** Not a Tessera backup at all (another app's export, random bytes). */
  'wrong-format',
  /** Written by a newer Tessera: refused, never rewritten in an older layout. */
  'unsupported-version',
  /** Empty, or cut short (incomplete JSON, ciphertext shorter than its tag). */
  'truncated',
  /** Valid JSON from Tessera, but fields missing or of the wrong type. */
  'malformed',
  /** Over the size limit. */
  'too-large',
  /** Key-derivation parameters outside KDF_BOUNDS (checked before deriving). */
  'unsafe-parameters',
  /** The checksum does not match: changed after it was written (by accident or not). */
  'damaged',
  'password-required',
  /** The key-check value does not match the passphrase. */
  'wrong-password',
  /** The passphrase is right, but the ciphertext or header does not authenticate. */
  'tampered',
  /** Authenticated, but the device list inside does not validate. */
  'invalid-contents',
] as const;
export type BackupFailureReason = (typeof BACKUP_FAILURES)[number];

export type BackupFailure = {
  readonly ok: false;
  readonly reason: BackupFailureReason;
  readonly message: string;
};

const fail = (reason: BackupFailureReason, message: string): BackupFailure => ({
  ok: false,
  reason,
  message,
});

const Base64 = z
  .string()
  .max(2 * MAX_BACKUP_BYTES)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u);

const BackupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    memoryKiB: z.number().int(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
    salt: Base64,
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), nonce: Base64 }),
  keyCheck: Base64,
  checksum: Base64,
  ciphertext: Base64,
});
type BackupFileJson = z.infer<typeof BackupFileSchema>;

/** A file whose header passed every check that needs no passphrase. */
export interface ParsedBackup {
  readonly kdf: Argon2idParams;
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
  readonly keyCheck: Uint8Array;
  /** The associated data: canonical header bytes. */
  readonly aad: Uint8Array;
  /** Ciphertext followed by the 16-byte GCM tag. */
  readonly sealed: Uint8Array;
}

export type HeaderOutcome = { readonly ok: true; readonly value: ParsedBackup } | BackupFailure;
export type OpenOutcome = { readonly ok: true; readonly value: DecodedPayload } | BackupFailure;

const encoder = new TextEncoder();

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and no white space: the
 * bytes authenticated as associated data. The header holds only ASCII strings and integers, so
 * this is unambiguous.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function checksumOf(aad: Uint8Array, sealed: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(aad).update(sealed).digest());
}

export interface SealParams {
  readonly kdf: Argon2idParams;
  /** Fresh random bytes for every file (16 recommended). */
  readonly salt: Uint8Array;
  /** Fresh random bytes for every file, exactly 12. */
  readonly nonce: Uint8Array;
}

/**
 * Encrypts an already encoded payload with keys derived for `params` (split from sealBackup so
 * the benchmark can time the part that is not key derivation). Returns the file's text.
 */
export function sealPayload(plaintext: Uint8Array, keys: BackupKeys, params: SealParams): string {
  if (params.nonce.length !== NONCE_BYTES) throw new RangeError('The nonce must be 12 bytes.');
  const problem = checkKdfParams(params.kdf, params.salt.length);
  if (problem !== undefined) throw new RangeError(problem);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: {
      name: 'argon2id',
      memoryKiB: params.kdf.memoryKiB,
      iterations: params.kdf.iterations,
      parallelism: params.kdf.parallelism,
      salt: toBase64(params.salt),
    },
    cipher: { name: 'aes-256-gcm', nonce: toBase64(params.nonce) },
    keyCheck: toBase64(keyCheckValue(keys)),
  } as const;
  const aad = encoder.encode(canonicalJson(header));
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, params.nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(aad);
  const sealed = new Uint8Array(
    Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]),
  );
  const file: BackupFileJson = {
    ...header,
    checksum: toBase64(checksumOf(aad, sealed)),
    ciphertext: toBase64(sealed),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Makes a complete backup file: Argon2id, then sealPayload. The result is the file's text. */
export async function sealBackup(
  devices: readonly BackupDevice[],
  passphrase: string,
  params: SealParams,
  createdAtMs: number,
): Promise<string> {
  const problem = checkKdfParams(params.kdf, params.salt.length);
  if (problem !== undefined) throw new RangeError(problem);
  const plaintext = encodePayload(devices, createdAtMs);
  const keys = await deriveBackupKeys(passphrase, params.salt, params.kdf);
  try {
    return sealPayload(plaintext, keys, params);
  } finally {
    wipeKeys(keys);
    plaintext.fill(0);
  }
}

const LOOKS_LIKE_OURS = /^\s*\{\s*"format"\s*:\s*"tessera-backup"/u;

/** True when the bytes start like a Tessera backup (for format sniffing). */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 200));
  return LOOKS_LIKE_OURS.test(head.replace(/^\uFEFF/u, ''));
}

/**
 * Every check that needs no passphrase, in this order: size, JSON (a cut-off file is
 * "truncated"), format, version (before anything else is interpreted: a newer version may
 * change the rest), checksum over the header and ciphertext (so accidental damage anywhere is
 * "damaged", not a wrong passphrase), field types, then the KDF bounds (HOSTILE #31).
 */
export function readBackupHeader(bytes: Uint8Array): HeaderOutcome {
  if (bytes.length === 0) return fail('truncated', 'The backup file is empty (0 bytes).');
  const json = parseJsonBytes(bytes, MAX_BACKUP_BYTES);
  if (!json.ok) {
    if (json.reason === 'too-large') return fail('too-large', json.message);
    if (looksLikeBackup(bytes)) {
      return fail(
        'truncated',
        'The backup file is incomplete: it ends early (cut off while copying or downloading?).',
      );
    }
    return fail('wrong-format', 'This is not a Tessera backup (.tessera) file.');
  }
  const raw = json.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('wrong-format', 'This is not a Tessera backup (.tessera) file.');
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) {
    const hint =
      'header' in record && 'db' in record
        ? ' It looks like an Aegis vault: use Import from… → Aegis instead.'
        : '';
    return fail('wrong-format', `This is not a Tessera backup (.tessera) file.${hint}`);
  }
  if (typeof record.version === 'number' && record.version > BACKUP_VERSION) {
    return fail(
      'unsupported-version',
      `This backup was made by a newer version of Tessera (format version ${record.version}). Update Tessera to restore it.`,
    );
  }
  if (record.version !== BACKUP_VERSION) {
    return fail('malformed', 'The backup file has no valid format version.');
  }
  const { checksum, ciphertext, ...header } = record;
  if (typeof checksum !== 'string' || typeof ciphertext !== 'string') {
    return fail('malformed', 'The backup file has no checksum or no ciphertext.');
  }
  if (!Base64.safeParse(checksum).success || !Base64.safeParse(ciphertext).success) {
    return fail('damaged', 'The backup file is damaged: its checksum or ciphertext is not base64.');
  }
  const aad = encoder.encode(canonicalJson(header));
  const sealed = fromBase64(ciphertext);
  const expected = checksumOf(aad, sealed);
  const stored = fromBase64(checksum);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    return fail(
      'damaged',
      'The backup file is damaged or was modified after it was written (its checksum does not match). Nothing was restored.',
    );
  }
  const parsed = BackupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return fail(
      'malformed',
      `The backup file does not match the Tessera backup layout (at ${where === '' ? 'top level' : where}).`,
    );
  }
  const file = parsed.data;
  const salt = fromBase64(file.kdf.salt);
  const kdf = {
    memoryKiB: file.kdf.memoryKiB,
    iterations: file.kdf.iterations,
    parallelism: file.kdf.parallelism,
  };
  const problem = checkKdfParams(kdf, salt.length);
  if (problem !== undefined) return fail('unsafe-parameters', problem);
  const nonce = fromBase64(file.cipher.nonce);
  const keyCheck = fromBase64(file.keyCheck);
  if (nonce.length !== NONCE_BYTES || keyCheck.length !== KEY_CHECK_BYTES) {
    return fail('malformed', 'The backup header has a nonce or key check of the wrong length.');
  }
  if (sealed.length <= TAG_BYTES) {
    return fail('truncated', 'The backup file is incomplete: its ciphertext is cut short.');
  }
  return { ok: true, value: { kdf, salt, nonce, keyCheck, aad, sealed } };
}

/** Decrypts with keys already derived for this file's header (see readBackupHeader). */
export function openWithKeys(parsed: ParsedBackup, keys: BackupKeys): OpenOutcome {
  const check = keyCheckValue(keys);
  if (!timingSafeEqual(check, parsed.keyCheck)) {
    return fail('wrong-password', 'Wrong passphrase for this backup. Nothing was restored.');
  }
  const body = parsed.sealed.subarray(0, parsed.sealed.length - TAG_BYTES);
  const tag = parsed.sealed.subarray(parsed.sealed.length - TAG_BYTES);
  let plaintext: Uint8Array;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, parsed.nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(parsed.aad);
    decipher.setAuthTag(tag);
    plaintext = new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch {
    return fail(
      'tampered',
      'The passphrase is right, but the backup was modified after it was written: its contents do not authenticate. Nothing was restored.',
    );
  }
  try {
    const decoded = decodePayload(plaintext);
    return decoded.ok ? decoded : fail(decoded.reason, decoded.message);
  } finally {
    plaintext.fill(0);
  }
}

/** Reads a backup file: header checks, Argon2id, key check, AES-GCM, payload validation. */
export async function openBackup(
  bytes: Uint8Array,
  passphrase: string | undefined,
): Promise<OpenOutcome> {
  const header = readBackupHeader(bytes);
  if (!header.ok) return header;
  if (passphrase === undefined || passphrase === '') {
    return fail('password-required', 'This backup is encrypted: enter its passphrase.');
  }
  const keys = await deriveBackupKeys(passphrase, header.value.salt, header.value.kdf);
  try {
    return openWithKeys(header.value, keys);
  } finally {
    wipeKeys(keys);
  }
}
