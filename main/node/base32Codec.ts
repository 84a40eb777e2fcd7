/**
 * RFC 4648 §6 base32, as the keychain stores seeds: upper-case, unpadded (node adapter layer).
 * Deliberately tiny and private to the keychain adapter, so the storage format does not depend on
 * the URI parser's lenient decoder. SECURITY: the text it handles is a seed; no function here may
 * put that text (or any part of it) into an error message or a log.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Value of each character code in ALPHABET, or -1. Built once; 128 entries cover ASCII. */
const VALUES: readonly number[] = (() => {
  const values = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) {
    values[ALPHABET.charCodeAt(i)] = i;
  }
  return values;
})();

/**
 * Lengths (mod 8) that no whole number of bytes encodes to: RFC 4648 §6 produces 2, 4, 5, 7 or 8
 * characters per final group, never 1, 3 or 6.
 */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

/** Encodes bytes as upper-case RFC 4648 base32 without `=` padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff; // at most 12 live bits; mask keeps it small
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >>> bits) & 31);
    }
  }
  if (bits > 0) {
    out += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  }
  return out;
}

/**
 * Decodes the text this module's `encodeBase32` wrote. Tolerates trailing `=` padding and
 * lower case (an item written by another tool), and non-zero trailing bits (decoders differ,
 * HOSTILE-INPUTS #6). Returns undefined for anything else (empty text, a character outside the
 * alphabet, an impossible length) instead of throwing, so the caller decides what to report.
 * SECURITY: never echoes the input, not even the offending position's character.
 */
export function decodeBase32(text: string): Uint8Array | undefined {
  const body = text.replace(/=+$/, '');
  if (body.length === 0 || IMPOSSIBLE_REMAINDERS.has(body.length % 8)) {
    return undefined;
  }
  const out = new Uint8Array(Math.floor((body.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < body.length; i++) {
    let code = body.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) {
      code -= 0x20; // a-z → A-Z
    }
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0) {
      return undefined;
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
