/**
 * Byte/text codecs the importers share (core, pure): strict base64 (standard and URL alphabets),
 * hex, and constant-time comparison. Decoders return undefined instead of throwing, so a damaged
 * file becomes a message, never an exception; they never say which character was wrong (the
 * text may be a secret).
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE: ReadonlyMap<string, number> = new Map([
  ...Array.from(STANDARD, (char, value): [string, number] => [char, value]),
  ['-', 62],
  ['_', 63],
]);

/**
 * Decodes base64 in either alphabet (RFC 4648 §4 and §5), padding optional, surrounding
 * whitespace ignored. Undefined when anything else is present or the length is impossible.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.trim().replace(/={1,2}$/u, '');
  if (body.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of body) {
    const value = DECODE.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Standard base64 with `=` padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out += STANDARD.charAt((triple >> 18) & 63) + STANDARD.charAt((triple >> 12) & 63);
    out += i + 1 < bytes.length ? STANDARD.charAt((triple >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? STANDARD.charAt(triple & 63) : '=';
  }
  return out;
}

/** Lower- or upper-case hex, even length; undefined otherwise. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/u.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Equality that does not stop at the first difference (MAC and password-check comparisons). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The first `length` bytes as text, for sniffing (never fails: bad UTF-8 becomes U+FFFD). */
export function headText(bytes: Uint8Array, length = 256): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, length));
}
