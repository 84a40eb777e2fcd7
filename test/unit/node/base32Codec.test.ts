import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../../main/node/base32Codec';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

// RFC 4648 §10 test vectors, without the padding the keychain format leaves out.
const RFC_VECTORS: readonly [string, string][] = [
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('encodeBase32', () => {
  it.each(RFC_VECTORS)('encodes %j as the RFC 4648 vector %s, unpadded', (text, encoded) => {
    expect(encodeBase32(ascii(text))).toBe(encoded);
  });

  it('encodes the RFC 4226 test key as its well-known base32 form', () => {
    expect(encodeBase32(ascii('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });
});

describe('decodeBase32', () => {
  it.each(RFC_VECTORS)('decodes the RFC 4648 vector for %j', (text, encoded) => {
    expect(decodeBase32(encoded)).toEqual(ascii(text));
  });

  it('accepts = padding and lower case', () => {
    expect(decodeBase32('mzxw6yq=')).toEqual(ascii('foob'));
    expect(decodeBase32('MZXW6YTBOI======')).toEqual(ascii('foobar'));
  });

  it('accepts non-zero trailing bits leniently', () => {
    // 'Y' ends in 00 and 'Z' in 01: the two low bits fall outside the one decoded byte.
    expect(decodeBase32('MZ')).toEqual(ascii('f'));
    expect(decodeBase32('MZ')).toEqual(decodeBase32('MY'));
  });

  it.each([
    ['empty text', ''],
    ['only padding', '===='],
    ['a digit outside the alphabet', 'MZXW1YQ'],
    ['a space', 'MZXW 6YQ'],
    ['a non-ASCII letter', 'MZXWÉYQ'],
    ['padding in the middle', 'MZ=W6YQ'],
    ['an impossible length (1 mod 8)', 'MZXW6YTBO'],
    ['an impossible length (3 mod 8)', 'MZX'],
    ['an impossible length (6 mod 8)', 'MZXW6Y'],
  ])('returns undefined for %s', (_label, text) => {
    expect(decodeBase32(text)).toBeUndefined();
  });

  it('round-trips any byte string through encodeBase32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 128 }), bytes => {
        const encoded = encodeBase32(bytes);
        expect(encoded).toMatch(/^[A-Z2-7]+$/);
        expect(decodeBase32(encoded)).toEqual(bytes);
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), text => {
        const decoded = decodeBase32(text);
        expect(decoded === undefined || decoded instanceof Uint8Array).toBe(true);
      }),
    );
  });
});
