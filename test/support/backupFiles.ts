/**
 * Helpers to build and mutate `.tessera` files in tests (test support): small KDF parameters so
 * tests run in milliseconds, and a re-checksum for "deliberate" tampering that gets past the
 * unkeyed checksum (FORMAT.md) so the later checks are exercised.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../main/core/backup/envelope';
import type { SealParams } from '../../main/core/backup/envelope';

export const FAST_KDF = { memoryKiB: 256, iterations: 1, parallelism: 1 } as const;

export function fastParams(seed = 1): SealParams {
  return {
    kdf: FAST_KDF,
    salt: Uint8Array.from({ length: 16 }, (_, i) => (i * 7 + seed) & 0xff),
    nonce: Uint8Array.from({ length: 12 }, (_, i) => (i * 13 + seed) & 0xff),
  };
}

export type BackupJson = Record<string, unknown> & {
  kdf: Record<string, unknown>;
  cipher: Record<string, unknown>;
  keyCheck: string;
  checksum: string;
  ciphertext: string;
};

export const encodeText = (text: string) => new TextEncoder().encode(text);

/** Flips one bit of a base64 field's decoded bytes. */
export function flipBase64(value: string, byteIndex: number, bit = 0): string {
  const bytes = Buffer.from(value, 'base64');
  const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes[index] = (bytes[index] ?? 0) ^ (1 << bit);
  return bytes.toString('base64');
}

/** Recomputes the checksum after a change, as a deliberate attacker would. */
export function rechecksum(file: BackupJson): BackupJson {
  const { checksum: _checksum, ciphertext, ...header } = file;
  const digest = createHash('sha256')
    .update(canonicalJson(header))
    .update(Buffer.from(ciphertext, 'base64'))
    .digest('base64');
  return { ...file, checksum: digest };
}

export function serialize(file: BackupJson): Uint8Array {
  return encodeText(`${JSON.stringify(file, null, 2)}\n`);
}
