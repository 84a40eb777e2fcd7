/**
 * Properties of the otpauth:// parser and formatter (fast-check): format then parse is the
 * identity on valid devices, and the parser never throws, whatever it is given — arbitrary text,
 * structured near-URIs, and valid or hostile URIs (HOSTILE-INPUTS.md) with random mutations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../../main/core/device/device';
import { encodeBase32 } from '../../../../main/core/otp/base32';
import {
  formatOtpauthUri,
  normalizeDisplayText,
  parseOtpauthUri,
  URI_REJECTIONS,
  type UriParseOutcome,
} from '../../../../main/core/otp/otpauthUri';
import { HASH_ALGORITHMS, OTP_LIMITS, type OtpParams } from '../../../../main/core/otp/types';
import { OtpSecret } from '../../../../main/core/secret';
import { MAX_URI_LENGTH } from '../../../../preload/contract/contract';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** Characters that stress the label and query grammar, plus scripts, emoji and bidi/format. */
const awkward = fc.constantFrom(
  ' ',
  '@',
  '+',
  '%',
  ':',
  '&',
  '=',
  '?',
  '#',
  '/',
  '\\',
  ';',
  ',',
  '.',
  '-',
  '_',
  '~',
  "'",
  '"',
  '<',
  '>',
  '%3A',
  '%20',
  '%2B',
  '%ZZ',
  '%E0%A4%A',
  'é',
  'e\u0301',
  '微',
  'ب',
  '👩‍💻',
  '🇫🇷',
  '\u202e',
  '\u200b',
  '\u200d',
  '\t',
  '\n',
  '\u00a0',
);
const textUnit = fc.oneof(
  { arbitrary: awkward, weight: 3 },
  {
    arbitrary: fc.constantFrom(
      'a',
      'b',
      'c',
      'x',
      'y',
      'z',
      'A',
      'B',
      'X',
      'Z',
      '0',
      '1',
      '8',
      '9',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Names as the parser stores them: already cleaned (a fixed point of normalizeDisplayText). */
const displayText = (maxLength: number, maxUnits = 24) =>
  fc
    .string({ unit: textUnit, maxLength: maxUnits })
    .map(text => normalizeDisplayText(text))
    .filter((text): text is string => text !== undefined && text.length <= maxLength);

const algorithm = fc.constantFrom(...HASH_ALGORITHMS);
const digits = fc.integer({ min: OTP_LIMITS.minDigits, max: OTP_LIMITS.maxDigits });
const params: fc.Arbitrary<OtpParams> = fc.oneof(
  fc.record({
    type: fc.constant('totp' as const),
    algorithm,
    digits,
    periodSeconds: fc.oneof(
      fc.constantFrom(30, 60, OTP_LIMITS.minPeriodSeconds, OTP_LIMITS.maxPeriodSeconds),
      fc.integer({ min: OTP_LIMITS.minPeriodSeconds, max: OTP_LIMITS.maxPeriodSeconds }),
    ),
  }),
  fc.record({
    type: fc.constant('hotp' as const),
    algorithm,
    digits,
    counter: fc.oneof(
      fc.constantFrom(0, 1, 2 ** 31, 2 ** 32, OTP_LIMITS.maxCounter),
      fc.nat(),
      fc.maxSafeNat(),
    ),
  }),
);

const device = fc.record({
  issuer: displayText(TEXT_LIMITS.issuer),
  accountName: displayText(TEXT_LIMITS.accountName),
  params,
  bytes: fc.uint8Array({ minLength: 10, maxLength: 64 }),
});

function expectRoundTrip(
  issuer: string,
  accountName: string,
  otpParams: OtpParams,
  bytes: Uint8Array,
): void {
  const secret = OtpSecret.fromBytes(bytes);
  const uri = formatOtpauthUri({ issuer, accountName, params: otpParams, secret });
  const outcome = parseOtpauthUri(uri);
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message} for ${uri}`);
  const back = outcome.value;
  expect(back.issuer).toBe(issuer);
  expect(back.accountName).toBe(accountName);
  expect(back.labelIssuer).toBeUndefined();
  expect(back.params).toEqual(otpParams);
  expect(back.secret.equals(secret)).toBe(true);
  expect(back.warnings.map(warning => warning.kind)).toEqual(
    bytes.length < OTP_LIMITS.recommendedSecretBytes ? ['weak-secret'] : [],
  );
}

/** The invariants every outcome must satisfy, whatever the input was. */
function expectWellFormed(outcome: UriParseOutcome, secretsNotToEcho: readonly string[]): void {
  if (!outcome.ok) {
    expect(URI_REJECTIONS).toContain(outcome.reason);
    expect(outcome.message.length).toBeGreaterThan(0);
    for (const secret of secretsNotToEcho) expect(outcome.message).not.toContain(secret);
    return;
  }
  const { issuer, accountName, labelIssuer, params: p, secret } = outcome.value;
  expect(normalizeDisplayText(issuer)).toBe(issuer);
  expect(normalizeDisplayText(accountName)).toBe(accountName);
  expect(issuer.length).toBeLessThanOrEqual(TEXT_LIMITS.issuer);
  expect(accountName.length).toBeLessThanOrEqual(TEXT_LIMITS.accountName);
  if (labelIssuer !== undefined) expect(labelIssuer.length).toBeLessThanOrEqual(TEXT_LIMITS.issuer);
  expect(HASH_ALGORITHMS).toContain(p.algorithm);
  expect(p.digits).toBeGreaterThanOrEqual(OTP_LIMITS.minDigits);
  expect(p.digits).toBeLessThanOrEqual(OTP_LIMITS.maxDigits);
  if (p.type === 'totp') {
    expect(Number.isInteger(p.periodSeconds)).toBe(true);
    expect(p.periodSeconds).toBeGreaterThanOrEqual(OTP_LIMITS.minPeriodSeconds);
    expect(p.periodSeconds).toBeLessThanOrEqual(OTP_LIMITS.maxPeriodSeconds);
  } else {
    expect(Number.isSafeInteger(p.counter) && p.counter >= 0).toBe(true);
  }
  expect(secret.byteLength).toBeGreaterThanOrEqual(OTP_LIMITS.minSecretBytes);
  expect(secret.byteLength).toBeLessThanOrEqual(OTP_LIMITS.maxSecretBytes);
}

/** One row per relevant HOSTILE-INPUTS.md case, used as seeds for mutation. */
const HOSTILE_SEEDS = [
  'https://example.com/enroll',
  'WIFI:S:home;T:WPA;P:hunter2;;',
  'BEGIN:VCARD\nEND:VCARD',
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8',
  `OTPAUTH://TOTP/Example:alice?secret=${SECRET}`,
  `otpauth://steam/Steam:alice?secret=${SECRET}`,
  'otpauth://totp/x?secret=',
  'otpauth://totp/x?secret=JBSWY3DP0HPK3PXP',
  'otpauth://totp/x?secret=JBSWY3DPEHPK3PXR',
  'otpauth://totp/x?secret=jbsw%20y3dp-ehpk=3pxp===',
  'otpauth://totp/x?secret=ME',
  `otpauth://totp/x?secret=${'A'.repeat(3000)}`,
  `otpauth://totp/x?secret=${SECRET}&digits=-1`,
  `otpauth://totp/x?secret=${SECRET}&period=29.5`,
  `otpauth://totp/x?secret=${SECRET}&algorithm=SHA3-256`,
  `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740993`,
  `otpauth://totp/x?secret=${SECRET}&secret=JBSWY3DPEHPK3PXP`,
  `otpauth://totp/?secret=${SECRET}`,
  `otpauth://totp/:?secret=${SECRET}`,
  `otpauth://totp/Evil:alice?secret=${SECRET}&issuer=Bank`,
  `otpauth://totp/%E0%A4%A:alice?secret=${SECRET}`,
  `otpauth://totp/C++:a+b?secret=${SECRET}&issuer=C+%2B`,
  `otpauth://totp/%E2%80%AEAmazon%00:alice?secret=${SECRET}`,
  `otpauth://totp/${'i'.repeat(300)}:a?secret=${SECRET}`,
  `otpauth://totp/x?secret=${SECRET}&image=http%3A%2F%2Ftracker%2Fpx.png`,
];

const fragment = fc.oneof(
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%ZZ',
    '%00',
    '%3A',
    '%C0%AF',
    ':',
    '&',
    '=',
    '?',
    '#',
    '/',
    '+',
    ' ',
    '&secret=',
    '&secret=JBSWY3DPEHPK3PXP',
    '&digits=',
    '&period=',
    '&counter=',
    '&algorithm=',
    '&issuer=',
    'otpauth://',
    '\u0000',
    '\u202e',
    '\ud800',
    '\udc00',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const mutation = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'truncate', 'repeat'),
  at: fc.nat(),
  text: fragment,
});

function mutate(
  uri: string,
  mutations: readonly { op: string; at: number; text: string }[],
): string {
  let out = uri;
  for (const { op, at, text } of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    switch (op) {
      case 'insert':
        out = out.slice(0, i) + text + out.slice(i);
        break;
      case 'delete':
        out = out.slice(0, i) + out.slice(i + 1 + (at % 5));
        break;
      case 'replace':
        out = out.slice(0, i) + text + out.slice(i + text.length);
        break;
      case 'truncate':
        out = out.slice(0, i);
        break;
      default:
        out = out.slice(0, i) + out.slice(i, i + 1 + (at % 12)) + out.slice(i);
    }
  }
  return out;
}

describe('formatOtpauthUri and parseOtpauthUri', () => {
  it('give back every valid device exactly (format then parse is the identity)', () => {
    fc.assert(
      fc.property(device, ({ issuer, accountName, params: p, bytes }) => {
        expectRoundTrip(issuer, accountName, p, bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('give back devices with names at their length limits, ASCII worst case included', () => {
    const limitText = (max: number) =>
      fc
        .string({
          unit: fc.constantFrom('a', ':', '%', '+', ' ', '@', '#', '&'),
          minLength: max - 2,
          maxLength: max,
        })
        .map(text => normalizeDisplayText(text) ?? '');
    fc.assert(
      fc.property(
        limitText(TEXT_LIMITS.issuer),
        limitText(TEXT_LIMITS.accountName),
        params,
        fc.uint8Array({ minLength: 10, maxLength: OTP_LIMITS.maxSecretBytes }),
        (issuer, accountName, p, bytes) => {
          expectRoundTrip(issuer, accountName, p, bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse only for length when very long non-ASCII names do not fit in one URI', () => {
    // 256 + 512 CJK characters percent-encode to about 9 kB: more than MAX_URI_LENGTH. This is
    // the one case where the round trip cannot hold; it must fail cleanly, never misparse.
    const issuer = '微'.repeat(TEXT_LIMITS.issuer);
    const accountName = '信'.repeat(TEXT_LIMITS.accountName);
    const uri = formatOtpauthUri({
      issuer,
      accountName,
      params: { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
      secret: OtpSecret.fromBytes(new Uint8Array(20).fill(3)),
    });
    expect(uri.length).toBeGreaterThan(MAX_URI_LENGTH);
    expect(parseOtpauthUri(uri)).toMatchObject({ ok: false, reason: 'uri-too-long' });
  });
});

describe('parseOtpauthUri', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), text => {
        expectWellFormed(parseOtpauthUri(text), []);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text after an otpauth:// prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('otpauth://', 'OTPAUTH://totp/', 'otpauth://hotp/', 'otpauth://totp?'),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (prefix, tail) => {
          expectWellFormed(parseOtpauthUri(prefix + tail), []);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on structured near-URIs with random labels and parameters', () => {
    const key = fc.constantFrom(
      'secret',
      'issuer',
      'algorithm',
      'digits',
      'period',
      'counter',
      'image',
      'SECRET',
      'Digits',
      '',
    );
    const value = fc.oneof(
      fc.constantFrom(
        SECRET,
        'JBSWY3DPEHPK3PXP',
        'SHA256',
        'sha-512',
        'md5',
        '6',
        '8',
        '30',
        '0',
        '-1',
        '9007199254740992',
        '%ZZ',
        '',
      ),
      fc.string({ unit: textUnit, maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('totp', 'hotp', 'TOTP', 'steam', 'motp', '', 'x'),
        fc.string({ unit: textUnit, maxLength: 30 }),
        fc.array(fc.tuple(key, value), { maxLength: 8 }),
        (type, label, pairs) => {
          const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
          expectWellFormed(parseOtpauthUri(`otpauth://${type}/${label}?${query}`), []);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated valid URIs and never echoes their secret', () => {
    fc.assert(
      fc.property(device, fc.array(mutation, { minLength: 1, maxLength: 5 }), (d, mutations) => {
        const secret = OtpSecret.fromBytes(d.bytes);
        const uri = formatOtpauthUri({ ...d, secret });
        expectWellFormed(parseOtpauthUri(mutate(uri, mutations)), [encodeBase32(d.bytes)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated hostile inputs (HOSTILE-INPUTS.md seeds)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE_SEEDS),
        fc.array(mutation, { maxLength: 5 }),
        (seed, mutations) => {
          expectWellFormed(parseOtpauthUri(mutate(seed, mutations)), [SECRET]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeDisplayText', () => {
  it('is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), text => {
        const once = normalizeDisplayText(text);
        if (once !== undefined) expect(normalizeDisplayText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
