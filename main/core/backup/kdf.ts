/**
 * Key derivation for `.tessera` backups (core, pure): Argon2id (RFC 9106) through hash-wasm, with
 * the parameters bound-checked before anything runs (HOSTILE-INPUTS #31), because they come from
 * the file and a hostile file could otherwise ask for 4 GiB of memory or 2^40 passes.
 * See FORMAT.md for why the output is 64 bytes and how it is split.
 */
import { createHmac } from 'node:crypto';
import { argon2id } from 'hash-wasm';

export interface Argon2idParams {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * Defaults for new backups. Measured on the development machine (2 shared cores, Node 22,
 * hash-wasm 4.13): 64 MiB / t=3 / p=1 takes 0.27–0.35 s per derivation (bench/backup.ts prints
 * the figure for the machine it runs on). RFC 9106 §4's second recommended option is 64 MiB / t=3.
 */
export const DEFAULT_KDF: Argon2idParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

/**
 * What a file may ask for. 1 GiB of memory and 64 passes are far beyond any sane setting but
 * still finish (about 20 s here at the combined cap below); anything larger is refused unread.
 */
export const KDF_BOUNDS = {
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 64,
  maxParallelism: 16,
  /** memoryKiB × iterations: the work a derivation does (2^22 KiB-passes ≈ 4 GiB touched). */
  maxWork: 4 * 1024 * 1024,
  minSaltBytes: 16,
  maxSaltBytes: 64,
} as const;

/** Why a set of parameters is refused, for the user; undefined when they are acceptable. */
export function checkKdfParams(params: Argon2idParams, saltBytes: number): string | undefined {
  const { memoryKiB, iterations, parallelism } = params;
  if (
    !Number.isSafeInteger(parallelism) ||
    parallelism < 1 ||
    parallelism > KDF_BOUNDS.maxParallelism
  ) {
    return `The file asks for a key-derivation parallelism of ${String(parallelism)}; Tessera accepts 1 to ${KDF_BOUNDS.maxParallelism}.`;
  }
  if (
    !Number.isSafeInteger(memoryKiB) ||
    memoryKiB < 8 * parallelism ||
    memoryKiB > KDF_BOUNDS.maxMemoryKiB
  ) {
    return `The file asks for ${describeKiB(memoryKiB)} of memory for key derivation; Tessera accepts at most ${describeKiB(KDF_BOUNDS.maxMemoryKiB)}. It was not made by Tessera, or it was modified.`;
  }
  if (
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > KDF_BOUNDS.maxIterations
  ) {
    return `The file asks for ${String(iterations)} key-derivation passes; Tessera accepts 1 to ${KDF_BOUNDS.maxIterations}.`;
  }
  if (memoryKiB * iterations > KDF_BOUNDS.maxWork) {
    return 'The file asks for more key-derivation work than Tessera will do (it would take minutes). It was not made by Tessera, or it was modified.';
  }
  if (saltBytes < KDF_BOUNDS.minSaltBytes || saltBytes > KDF_BOUNDS.maxSaltBytes) {
    return `The key-derivation salt is ${saltBytes} bytes long; Tessera accepts ${KDF_BOUNDS.minSaltBytes} to ${KDF_BOUNDS.maxSaltBytes}.`;
  }
  return undefined;
}

function describeKiB(kib: number): string {
  if (!Number.isFinite(kib)) return 'an impossible amount';
  return kib >= 1024 * 1024
    ? `${(kib / 1024 / 1024).toFixed(0)} GiB`
    : `${Math.round(kib / 1024)} MiB`;
}

/** The two independent halves of one Argon2id output. The caller wipes them when done. */
export interface BackupKeys {
  /** AES-256-GCM key. */
  readonly encryptionKey: Uint8Array;
  /** Only ever used to compute the key-check value stored in the header. */
  readonly checkKey: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * The passphrase as Argon2id sees it: NFC-normalised UTF-8, so the same passphrase typed on
 * macOS (which may produce decomposed accents) and on Windows derives the same key.
 */
export function passphraseBytes(passphrase: string): Uint8Array {
  return encoder.encode(passphrase.normalize('NFC'));
}

/**
 * Argon2id(passphrase, salt) → 64 bytes: bytes 0–31 are the AES key, bytes 32–63 the check key.
 * Call checkKdfParams first; this function trusts its arguments.
 */
export async function deriveBackupKeys(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2idParams,
): Promise<BackupKeys> {
  const password = passphraseBytes(passphrase);
  const output = await argon2id({
    password,
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 64,
    outputType: 'binary',
  });
  password.fill(0);
  const keys = { encryptionKey: output.slice(0, 32), checkKey: output.slice(32, 64) };
  output.fill(0);
  return keys;
}

const KEY_CHECK_LABEL = encoder.encode('tessera-backup key check v1');

/** HMAC-SHA-256(checkKey, "tessera-backup key check v1"): tells a wrong passphrase apart. */
export function keyCheckValue(keys: BackupKeys): Uint8Array {
  return new Uint8Array(createHmac('sha256', keys.checkKey).update(KEY_CHECK_LABEL).digest());
}

export function wipeKeys(keys: BackupKeys): void {
  keys.encryptionKey.fill(0);
  keys.checkKey.fill(0);
}
