/**
 * Key derivation and decryption for encrypted third-party exports (core, pure: WebCrypto through
 * globalThis.crypto.subtle, Argon2id through hash-wasm). KDF parameters read from a file are
 * bound-checked by the callers BEFORE anything runs (HOSTILE #31) against KDF_BOUNDS. Decryption
 * returns undefined on an authentication or padding failure; it never throws for bad input.
 */
import { argon2id } from 'hash-wasm';

/** The largest work a file may ask of us: above these, refuse instead of hanging the machine. */
export const KDF_BOUNDS = {
  maxPbkdf2Iterations: 10_000_000,
  maxArgon2MemoryKiB: 1024 * 1024,
  maxArgon2Iterations: 64,
  maxArgon2Parallelism: 16,
  maxSaltBytes: 1024,
} as const;

const subtle = (): typeof globalThis.crypto.subtle => globalThis.crypto.subtle;
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
/** WebCrypto wants ArrayBuffer-backed views; copy anything else (e.g. a subarray of a Buffer). */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => Uint8Array.from(bytes);

export type PasswordInput = string | Uint8Array;
const passwordBytes = (password: PasswordInput): Uint8Array<ArrayBuffer> =>
  typeof password === 'string' ? utf8(password) : own(password);

export async function pbkdf2(
  password: PasswordInput,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256' | 'SHA-512',
  lengthBytes: number,
): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', passwordBytes(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', salt: own(salt), iterations, hash },
    key,
    lengthBytes * 8,
  );
  return new Uint8Array(bits);
}

export async function argon2idKey(
  password: PasswordInput,
  salt: Uint8Array,
  params: { iterations: number; memoryKiB: number; parallelism: number },
  lengthBytes = 32,
): Promise<Uint8Array> {
  return argon2id({
    password: passwordBytes(password),
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: lengthBytes,
    outputType: 'binary',
  });
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', own(data)));
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const hmacKey = await subtle().importKey(
    'raw',
    own(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle().sign('HMAC', hmacKey, own(data)));
}

/** HKDF-Expand (RFC 5869 §2.3) with SHA-256, as Bitwarden stretches its master key. */
export async function hkdfExpandSha256(
  prk: Uint8Array,
  info: string,
  lengthBytes: number,
): Promise<Uint8Array> {
  const out = new Uint8Array(lengthBytes);
  let previous: Uint8Array = new Uint8Array(0);
  for (let block = 1, offset = 0; offset < lengthBytes; block++) {
    const input = new Uint8Array(previous.length + info.length + 1);
    input.set(previous);
    input.set(utf8(info), previous.length);
    input[input.length - 1] = block;
    previous = await hmacSha256(prk, input);
    out.set(previous.subarray(0, lengthBytes - offset), offset);
    offset += previous.length;
  }
  return out;
}

/** AES-GCM with a 128-bit tag appended to the ciphertext; undefined when authentication fails. */
export async function aesGcmDecrypt(
  keyBytes: Uint8Array,
  iv: Uint8Array,
  ciphertextAndTag: Uint8Array,
  additionalData?: Uint8Array,
): Promise<Uint8Array | undefined> {
  if (![16, 24, 32].includes(keyBytes.length) || iv.length === 0 || ciphertextAndTag.length < 16) {
    return undefined;
  }
  try {
    const key = await subtle().importKey('raw', own(keyBytes), 'AES-GCM', false, ['decrypt']);
    const params = {
      name: 'AES-GCM',
      iv: own(iv),
      ...(additionalData === undefined ? {} : { additionalData: own(additionalData) }),
    };
    return new Uint8Array(await subtle().decrypt(params, key, own(ciphertextAndTag)));
  } catch {
    return undefined;
  }
}

/** AES-CBC with PKCS#7 padding; undefined when the padding is wrong (usually: wrong key). */
export async function aesCbcDecrypt(
  keyBytes: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Promise<Uint8Array | undefined> {
  if (![16, 24, 32].includes(keyBytes.length) || iv.length !== 16) return undefined;
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) return undefined;
  try {
    const key = await subtle().importKey('raw', own(keyBytes), 'AES-CBC', false, ['decrypt']);
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-CBC', iv: own(iv) }, key, own(ciphertext)),
    );
  } catch {
    return undefined;
  }
}
