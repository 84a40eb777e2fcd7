/**
 * Base32 for OTP secrets (core, pure): the RFC 4648 §6 alphabet, written out here so that the
 * validation and the messages are ours (HOSTILE-INPUTS #5–#9). Decoding is tolerant of what people
 * type or paste (case, spaces, dashes, `=` padding, leftover bits) and strict about everything
 * else. Messages never contain the secret; at most they name one character that is not base32.
 */
import { OtpSecret } from '../secret';
import { OTP_LIMITS } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Character -> 5-bit value, upper and lower case. A table rather than `toUpperCase()` on arbitrary
 * input: some Unicode characters upper-case to several ASCII letters ('ﬅ' -> "ST").
 */
const VALUES: ReadonlyMap<string, number> = new Map(
  Array.from({ length: ALPHABET.length }, (_, value): [string, number][] => [
    [ALPHABET.charAt(value), value],
    [ALPHABET.charAt(value).toLowerCase(), value],
  ]).flat(),
);

/**
 * Longest raw secret text looked at, before any normalisation or decoding (HOSTILE #9). Equal to
 * the manual-entry form's limit; generous for OTP_LIMITS.maxSecretBytes (410 base32 characters)
 * plus grouping spaces.
 */
export const MAX_SECRET_INPUT_LENGTH = 1024;

/** Why a secret was refused; a subset of the contract's AddFailure. */
export type Base32Rejection =
  'missing-secret' | 'bad-base32' | 'secret-too-short' | 'secret-too-long';

/** Result of decoding a user- or URI-supplied secret. The caller owns (and should wipe) `secret`. */
export type Base32SecretOutcome =
  | { readonly ok: true; readonly secret: OtpSecret }
  | { readonly ok: false; readonly reason: Base32Rejection; readonly message: string };

/** Characters people put between groups of a secret; they carry no data. */
function isSeparator(char: string): boolean {
  return char === '-' || /^\s$/u.test(char);
}

/**
 * Canonical form of a typed or pasted base32 secret: upper case, without whitespace, dashes and
 * trailing `=` padding. Does not validate; characters outside the alphabet are left in place for
 * {@link decodeBase32Secret} to report.
 */
export function normalizeBase32(input: string): string {
  let out = '';
  for (const char of input) {
    if (!isSeparator(char)) out += char >= 'a' && char <= 'z' ? char.toUpperCase() : char;
  }
  return out.replace(/=+$/u, '');
}

/** How to show one offending character: printable ASCII as itself, anything else as U+XXXX. */
function describeChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return codePoint > 0x20 && codePoint < 0x7f
    ? `"${char}"`
    : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 0, 1 and 8 are the usual misreadings of O, I/L and B; base32 leaves them out for that reason. */
const MISREAD_HINTS: Readonly<Record<string, string>> = {
  '0': ' Did you mean the letter O?',
  '1': ' Did you mean the letter I or L?',
  '8': ' Did you mean the letter B?',
};

function badBase32(message: string): Base32SecretOutcome {
  return { ok: false, reason: 'bad-base32', message };
}

/**
 * Decodes a base32 OTP secret as typed by a user or found in an otpauth:// URI.
 *
 * Accepts lower case, whitespace, dashes and trailing `=` padding. Rejects any other character,
 * naming it and its 1-based position in `input` (counted in characters, separators included, so
 * it matches what the user sees). Bits left over at the end (non-zero trailing bits, or a length
 * no encoder produces) are dropped, as Google Authenticator and `otpauth` do (HOSTILE #6).
 * Enforces OTP_LIMITS.minSecretBytes..maxSecretBytes on the decoded key, and
 * {@link MAX_SECRET_INPUT_LENGTH} on the raw text before looking at it.
 */
export function decodeBase32Secret(input: string): Base32SecretOutcome {
  if (input.length > MAX_SECRET_INPUT_LENGTH) {
    return {
      ok: false,
      reason: 'secret-too-long',
      message: `The secret is longer than ${MAX_SECRET_INPUT_LENGTH} characters; no authenticator uses keys that long.`,
    };
  }

  const values: number[] = [];
  let paddingAt = 0; // 1-based position of the first '=' seen, 0 while none
  let position = 0;
  for (const char of input) {
    position += 1;
    if (isSeparator(char)) continue;
    if (char === '=') {
      if (paddingAt === 0) paddingAt = position;
      continue;
    }
    if (paddingAt !== 0) {
      return badBase32(
        `The secret has padding ("=") at position ${paddingAt} before its end; "=" may only appear at the end.`,
      );
    }
    const value = VALUES.get(char);
    if (value === undefined) {
      return badBase32(
        `The secret contains ${describeChar(char)} at position ${position}, which is not a base32 character (A–Z and 2–7).${MISREAD_HINTS[char] ?? ''}`,
      );
    }
    values.push(value);
  }

  if (values.length === 0) {
    return { ok: false, reason: 'missing-secret', message: 'The secret is empty.' };
  }

  const byteLength = Math.floor((values.length * 5) / 8);
  if (byteLength < OTP_LIMITS.minSecretBytes) {
    return {
      ok: false,
      reason: 'secret-too-short',
      message: `The secret is only ${byteLength * 8} bits long; at least ${OTP_LIMITS.minSecretBytes * 8} bits (${Math.ceil((OTP_LIMITS.minSecretBytes * 8) / 5)} characters) are needed.`,
    };
  }
  if (byteLength > OTP_LIMITS.maxSecretBytes) {
    return {
      ok: false,
      reason: 'secret-too-long',
      message: `The secret is ${byteLength} bytes long; at most ${OTP_LIMITS.maxSecretBytes} bytes are accepted.`,
    };
  }

  const bytes = packValues(values);
  const secret = OtpSecret.fromBytes(bytes);
  bytes.fill(0); // OtpSecret keeps its own copy
  values.fill(0);
  return { ok: true, secret };
}

/**
 * Plain RFC 4648 decoding with no OTP policy (no length limits, no messages), for text Tessera
 * stored itself, such as keychain items. Stricter about form than decodeBase32Secret, because
 * damage must show: no separators, and no length an encoder cannot produce (1, 3 or 6 characters
 * past a multiple of 8); lower case and trailing padding from other tools are fine. Undefined for
 * anything else. SECURITY: says nothing about the input, so no part of a seed reaches an error.
 */
export function decodeBase32(text: string): Uint8Array | undefined {
  const body = text.replace(/=+$/u, '');
  if (body.length === 0 || IMPOSSIBLE_REMAINDERS.has(body.length % 8)) return undefined;
  const values: number[] = [];
  for (const char of body) {
    const value = VALUES.get(char);
    if (value === undefined) return undefined;
    values.push(value);
  }
  const bytes = packValues(values);
  values.fill(0);
  return bytes;
}

/** Lengths (mod 8) no RFC 4648 encoder produces: 5, 15 or 30 bits cannot end a byte string. */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

/** 5-bit values → bytes. The leftover trailing bits (< 8) are dropped on purpose (HOSTILE #6). */
function packValues(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(Math.floor((values.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const value of values) {
    buffer = ((buffer << 5) | value) & 0xffff; // never more than 12 live bits, so 16 suffice
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** RFC 4648 base32 of `bytes`: upper case, without `=` padding (the Key Uri Format's form). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >> bits) & 0x1f);
    }
  }
  if (bits > 0) {
    out += ALPHABET.charAt((buffer << (5 - bits)) & 0x1f);
  }
  return out;
}
