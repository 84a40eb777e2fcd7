/**
 * Base32 secrets (HOSTILE-INPUTS #5–#9): normalisation, exact refusals with positions, lenient
 * trailing bits, length limits, and the RFC 4648 §10 encoding vectors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase32,
  decodeBase32Secret,
  encodeBase32,
  MAX_SECRET_INPUT_LENGTH,
  normalizeBase32,
} from '../../../../main/core/otp/base32';
import { OTP_LIMITS } from '../../../../main/core/otp/types';

/** Decodes or fails the test; returns the key bytes as hex. */
function decodedHex(input: string): string {
  const outcome = decodeBase32Secret(input);
  if (!outcome.ok) throw new Error(`expected ${input} to decode: ${outcome.message}`);
  return outcome.secret.use(bytes => Buffer.from(bytes).toString('hex'));
}

const ascii = (text: string) => new TextEncoder().encode(text);

// "Hello!\xde\xad\xbe\xef" is the classic 80-bit example secret JBSWY3DPEHPK3PXP.
const EXAMPLE = 'JBSWY3DPEHPK3PXP';
const EXAMPLE_HEX = '48656c6c6f21deadbeef';

describe('normalizeBase32', () => {
  it.each([
    ['jbswy3dpehpk3pxp', EXAMPLE],
    ['JBSW Y3DP EHPK 3PXP', EXAMPLE],
    ['jbsw-y3dp-ehpk-3pxp', EXAMPLE],
    [' JBSW\tY3DP\nEHPK 3PXP ', EXAMPLE],
    ['MZXW6YQ=', 'MZXW6YQ'],
    ['MZXW6===', 'MZXW6'],
    ['MZXW6 = = =', 'MZXW6'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeBase32(input)).toBe(expected);
  });

  it('leaves characters outside the alphabet for the decoder to report', () => {
    expect(normalizeBase32('ab0c')).toBe('AB0C');
    expect(normalizeBase32('ﬅ')).toBe('ﬅ'); // would upper-case to "ST"
  });
});

describe('encodeBase32', () => {
  // RFC 4648 §10, without the padding.
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %j (RFC 4648 §10, unpadded)', (text, expected) => {
    expect(encodeBase32(ascii(text))).toBe(expected);
  });

  it('round-trips every byte string that is long enough to be a secret', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({
          minLength: OTP_LIMITS.minSecretBytes,
          maxLength: OTP_LIMITS.maxSecretBytes,
        }),
        bytes => {
          const encoded = encodeBase32(bytes);
          expect(encoded).toMatch(/^[A-Z2-7]+$/);
          expect(decodedHex(encoded)).toBe(Buffer.from(bytes).toString('hex'));
          expect(decodedHex(encoded.toLowerCase())).toBe(Buffer.from(bytes).toString('hex'));
        },
      ),
    );
  });
});

describe('decodeBase32Secret', () => {
  it.each([
    ['upper case', EXAMPLE],
    ['lower case (#7)', 'jbswy3dpehpk3pxp'],
    ['spaces (#7)', 'JBSW Y3DP EHPK 3PXP'],
    ['dashes (#7)', 'JBSW-Y3DP-EHPK-3PXP'],
    ['tabs, newlines and non-breaking spaces', 'JBSW\tY3DP\nEHPK\u00a03PXP'],
    ['padding', 'JBSWY3DPEHPK3PXP===='],
  ])('accepts a secret written in %s', (_case, input) => {
    expect(decodedHex(input)).toBe(EXAMPLE_HEX);
  });

  it('decodes the RFC test seeds to their ASCII bytes', () => {
    expect(decodedHex('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe(
      Buffer.from('12345678901234567890').toString('hex'),
    );
  });

  it('accepts non-zero trailing bits and drops them (#6)', () => {
    // In 7 characters (35 bits, 4 bytes) the last 3 bits encode nothing: 'Q' = 0b10000 is the
    // canonical ending of "foob"; 'R' = 0b10001 and 'X' = 0b10111 set those bits.
    const base = 'JBSWY3DPEHPK3PXPMZXW6Y';
    expect(decodedHex(`${base}R`)).toBe(decodedHex(`${base}Q`));
    expect(decodedHex(`${base}X`)).toBe(decodedHex(`${base}Q`));
  });

  it('accepts lengths no encoder produces by dropping the leftover bits (#6)', () => {
    // 17 characters = 85 bits: 10 whole bytes and 5 bits that are ignored.
    expect(decodedHex(`${EXAMPLE}A`)).toBe(EXAMPLE_HEX);
    expect(decodedHex(`${EXAMPLE}7`)).toBe(EXAMPLE_HEX);
  });

  it.each([
    ['"0"', 5, 'JBSW0Y3DPEHPK3PXP'],
    ['"1"', 1, '1BSWY3DPEHPK3PXP'],
    ['"8"', 16, 'JBSWY3DPEHPK3PX8'],
    ['"9"', 3, 'JB9WY3DPEHPK3PXP'],
    ['"!"', 2, 'J!BSWY3DPEHPK3PXP'],
    ['U+00DF', 4, 'JBSßWY3DPEHPK3PXP'],
  ])(
    'refuses %s at position %i naming the character and the position (#5)',
    (shown, position, input) => {
      const outcome = decodeBase32Secret(input);
      expect(outcome).toMatchObject({ ok: false, reason: 'bad-base32' });
      if (outcome.ok) return;
      expect(outcome.message).toContain(`${shown} at position ${position}`);
      expect(outcome.message).not.toContain(input);
    },
  );

  it('counts positions in characters as the user sees them, separators included', () => {
    const outcome = decodeBase32Secret('JBSW Y3DP 0HPK 3PXP');
    expect(outcome.ok ? '' : outcome.message).toContain('position 11');
  });

  it('hints at the letter a misread digit probably was', () => {
    const outcome = decodeBase32Secret('JBSWY3DPEHPK3PX0');
    expect(outcome.ok ? '' : outcome.message).toContain('letter O');
  });

  it('names invisible and non-ASCII characters by code point', () => {
    const outcome = decodeBase32Secret('JBSWY3DP\u0000EHPK3PXP');
    expect(outcome).toMatchObject({ ok: false, reason: 'bad-base32' });
    expect(outcome.ok ? '' : outcome.message).toContain('U+0000 at position 9');
    const emoji = decodeBase32Secret('JBSWY3DP😀EHPK3PXP');
    expect(emoji.ok ? '' : emoji.message).toContain('U+1F600 at position 9');
  });

  it('refuses characters that upper-case to base32 letters', () => {
    expect(decodeBase32Secret('JBSWY3DPEHPK3PXPﬅ')).toMatchObject({
      ok: false,
      reason: 'bad-base32',
    });
  });

  it('refuses padding in the middle of the secret', () => {
    const outcome = decodeBase32Secret('JBSWY3DP==EHPK3PXP');
    expect(outcome).toMatchObject({ ok: false, reason: 'bad-base32' });
    expect(outcome.ok ? '' : outcome.message).toContain('position 9');
  });

  it.each(['', '   ', '----', '===', ' - = '])('calls %j a missing secret (#4)', input => {
    expect(decodeBase32Secret(input)).toMatchObject({ ok: false, reason: 'missing-secret' });
  });

  it.each([
    ['1 byte', 'ME'],
    ['5 bytes', 'MZXW6YTB'],
    ['9 bytes (72 bits)', 'JBSWY3DPEHPK3PX'],
  ])('refuses a secret of %s as too short (#8)', (_case, input) => {
    const outcome = decodeBase32Secret(input);
    expect(outcome).toMatchObject({ ok: false, reason: 'secret-too-short' });
    expect(outcome.ok ? '' : outcome.message).toContain('80 bits');
  });

  it('accepts exactly 80 bits, the smallest secret in common use (#8)', () => {
    expect(decodedHex('JBSWY3DPEHPK3PXP')).toHaveLength(20);
  });

  it('accepts the largest allowed secret and refuses one byte more', () => {
    const largest = encodeBase32(new Uint8Array(OTP_LIMITS.maxSecretBytes).fill(7));
    expect(decodeBase32Secret(largest).ok).toBe(true);
    const tooLarge = encodeBase32(new Uint8Array(OTP_LIMITS.maxSecretBytes + 1).fill(7));
    expect(decodeBase32Secret(tooLarge)).toMatchObject({ ok: false, reason: 'secret-too-long' });
  });

  it('refuses huge input before looking at its characters (#9)', () => {
    const huge = 'A'.repeat(1_000_000);
    const started = performance.now();
    expect(decodeBase32Secret(huge)).toMatchObject({ ok: false, reason: 'secret-too-long' });
    expect(performance.now() - started).toBeLessThan(50);
    expect(decodeBase32Secret(` ${'A'.repeat(MAX_SECRET_INPUT_LENGTH)}`)).toMatchObject({
      ok: false,
      reason: 'secret-too-long',
    });
  });

  it('accepts grouped input right up to the raw length cap', () => {
    const encoded = encodeBase32(new Uint8Array(OTP_LIMITS.maxSecretBytes).fill(0xa5));
    const grouped = (encoded.match(/.{1,4}/g) ?? []).join(' - ');
    const input = grouped.padEnd(MAX_SECRET_INPUT_LENGTH, ' ');
    expect(input).toHaveLength(MAX_SECRET_INPUT_LENGTH);
    expect(decodeBase32Secret(input).ok).toBe(true);
  });

  it('never throws and never puts the input into its message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), input => {
        const outcome = decodeBase32Secret(input);
        if (!outcome.ok && input.length >= 12) expect(outcome.message).not.toContain(input);
      }),
    );
  });
});

describe('decodeBase32', () => {
  it('inverts encodeBase32 for every length, with no OTP length policy', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), bytes => {
        expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
      }),
    );
  });

  it('accepts lower case and trailing padding from other tools', () => {
    expect(decodeBase32('mzxw6===')).toEqual(new TextEncoder().encode('foo'));
  });

  it.each(['', '====', 'MZXW6!', 'MZ=XW6', 'MZXW1', 'MZXW6 ', 'MZ-XW6', 'ABC', 'MZXW6Y'])(
    'returns undefined for %j',
    text => {
      expect(decodeBase32(text)).toBeUndefined();
    },
  );
});
