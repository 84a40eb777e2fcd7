/**
 * otpauth:// parsing and formatting (Key Uri Format) against HOSTILE-INPUTS.md #1–#21: a table of
 * accepted URIs with the fields they must give, a table of refused URIs with their exact reason,
 * and the manual-entry form. Row numbers in names refer to HOSTILE-INPUTS.md.
 */
import { describe, expect, it } from 'vitest';
import {
  formatOtpauthUri,
  normalizeDisplayText,
  parseManualEntry,
  parseOtpauthUri,
  URI_REJECTIONS,
  type ParsedOtpDevice,
  type UriParseOutcome,
  type UriRejection,
} from '../../../../main/core/otp/otpauthUri';
import { encodeBase32 } from '../../../../main/core/otp/base32';
import type { OtpParams } from '../../../../main/core/otp/types';
import { OtpSecret } from '../../../../main/core/secret';
import {
  ADD_FAILURES,
  MAX_URI_LENGTH,
  type ManualEntryInput,
} from '../../../../preload/contract/contract';

/** 160-bit RFC 4226 seed ("12345678901234567890"): no weak-secret warning. */
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET_HEX = Buffer.from('12345678901234567890').toString('hex');
/** 80-bit secret from Google's Key Uri Format page: accepted with a weak-secret warning. */
const WEAK = 'JBSWY3DPEHPK3PXP';

function parsed(uri: string): ParsedOtpDevice {
  const outcome = parseOtpauthUri(uri);
  if (!outcome.ok)
    throw new Error(`expected ${uri} to parse, got ${outcome.reason}: ${outcome.message}`);
  return outcome.value;
}

interface Expected {
  issuer: string;
  accountName: string;
  labelIssuer?: string;
  params: OtpParams;
  warnings?: string[];
  secretHex?: string;
}

const totp = (over: Partial<{ algorithm: string; digits: number; periodSeconds: number }> = {}) =>
  ({ type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30, ...over }) as OtpParams;
const hotp = (counter: number, over: Partial<{ algorithm: string; digits: number }> = {}) =>
  ({ type: 'hotp', algorithm: 'SHA1', digits: 6, counter, ...over }) as OtpParams;

const AWS_SECRET = encodeBase32(new Uint8Array(40).map((_, i) => i * 7));

const accepted: [name: string, uri: string, expected: Expected][] = [
  [
    "Google's Key Uri Format example",
    `otpauth://totp/Example:alice@google.com?secret=${WEAK}&issuer=Example`,
    {
      issuer: 'Example',
      accountName: 'alice@google.com',
      params: totp(),
      warnings: ['weak-secret'],
      secretHex: '48656c6c6f21deadbeef',
    },
  ],
  [
    'every parameter spelled out',
    `otpauth://totp/ACME%20Co:john.doe@email.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30`,
    { issuer: 'ACME Co', accountName: 'john.doe@email.com', params: totp(), secretHex: SECRET_HEX },
  ],
  [
    'an AWS virtual MFA device',
    `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`,
    { issuer: 'Amazon Web Services', accountName: 'alice@123456789012', params: totp() },
  ],
  [
    'upper-case scheme and type (#3)',
    `OTPAUTH://TOTP/Example:alice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'mixed-case scheme, type and parameter names (#3)',
    `OtpAuth://Hotp/Example:alice?Secret=${SECRET}&COUNTER=3&Algorithm=sha256`,
    { issuer: 'Example', accountName: 'alice', params: hotp(3, { algorithm: 'SHA256' }) },
  ],
  [
    'HOTP with counter 0',
    `otpauth://hotp/Example:alice?secret=${SECRET}&counter=0`,
    { issuer: 'Example', accountName: 'alice', params: hotp(0) },
  ],
  [
    'HOTP with the largest exact counter, 2^53-1 (#13)',
    `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740991`,
    { issuer: '', accountName: 'x', params: hotp(Number.MAX_SAFE_INTEGER) },
  ],
  [
    'lower-case sha1 (#12)',
    `otpauth://totp/x?secret=${SECRET}&algorithm=sha1`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'SHA256, 8 digits, 60 s',
    `otpauth://totp/x?secret=${SECRET}&algorithm=SHA256&digits=8&period=60`,
    {
      issuer: '',
      accountName: 'x',
      params: totp({ algorithm: 'SHA256', digits: 8, periodSeconds: 60 }),
    },
  ],
  [
    'SHA512 and 7 digits',
    `otpauth://totp/x?secret=${SECRET}&algorithm=SHA512&digits=7`,
    { issuer: '', accountName: 'x', params: totp({ algorithm: 'SHA512', digits: 7 }) },
  ],
  [
    'SHA-256 written with a hyphen (#12)',
    `otpauth://totp/x?secret=${SECRET}&algorithm=SHA-256`,
    { issuer: '', accountName: 'x', params: totp({ algorithm: 'SHA256' }) },
  ],
  [
    'sha-512 and sha-1 written with a hyphen (#12)',
    `otpauth://totp/x?secret=${SECRET}&algorithm=sha-512`,
    { issuer: '', accountName: 'x', params: totp({ algorithm: 'SHA512' }) },
  ],
  [
    'the shortest period, 1 s (#11)',
    `otpauth://totp/x?secret=${SECRET}&period=1`,
    { issuer: '', accountName: 'x', params: totp({ periodSeconds: 1 }) },
  ],
  [
    'the longest period, 300 s (#11)',
    `otpauth://totp/x?secret=${SECRET}&period=300`,
    { issuer: '', accountName: 'x', params: totp({ periodSeconds: 300 }) },
  ],
  [
    'a space after the label colon',
    `otpauth://totp/Example:%20alice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'a literal space after the label colon',
    `otpauth://totp/Example: alice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'a percent-encoded label colon',
    `otpauth://totp/Example%3Aalice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'a lower-case percent-encoded label colon',
    `otpauth://totp/Example%3aalice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'an encoded colon inside the issuer before the literal separator',
    `otpauth://totp/A%3AB:alice%3Awork?secret=${SECRET}&issuer=A%3AB`,
    { issuer: 'A:B', accountName: 'alice:work', params: totp() },
  ],
  [
    'further colons belonging to the account',
    `otpauth://totp/Example:alice:work?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice:work', params: totp() },
  ],
  [
    'an empty label (#15)',
    `otpauth://totp/?secret=${SECRET}`,
    { issuer: '', accountName: '', params: totp() },
  ],
  [
    'a label that is only ":" (#15)',
    `otpauth://totp/:?secret=${SECRET}`,
    { issuer: '', accountName: '', params: totp() },
  ],
  [
    'a label that is only "Issuer:" (#15)',
    `otpauth://totp/Issuer:?secret=${SECRET}`,
    { issuer: 'Issuer', accountName: '', params: totp() },
  ],
  [
    'no slash and no label after the type (#15)',
    `otpauth://totp?secret=${SECRET}`,
    { issuer: '', accountName: '', params: totp() },
  ],
  [
    'the issuer only in the label prefix',
    `otpauth://totp/Example:alice?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'the issuer only in the parameter',
    `otpauth://totp/alice?secret=${SECRET}&issuer=Example`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'an empty issuer parameter next to a label prefix',
    `otpauth://totp/Example:alice?secret=${SECRET}&issuer=`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'a label prefix that disagrees with the issuer parameter (#16)',
    `otpauth://totp/Evil:alice?secret=${SECRET}&issuer=Bank`,
    {
      issuer: 'Bank',
      accountName: 'alice',
      labelIssuer: 'Evil',
      params: totp(),
      warnings: ['issuer-mismatch'],
    },
  ],
  [
    'a label prefix that differs from the issuer only in case',
    `otpauth://totp/github:alice?secret=${SECRET}&issuer=GitHub`,
    { issuer: 'GitHub', accountName: 'alice', params: totp() },
  ],
  [
    '"+" in the path as a literal plus (#18)',
    `otpauth://totp/C++:a+b@example.com?secret=${SECRET}&issuer=C%2B%2B`,
    { issuer: 'C++', accountName: 'a+b@example.com', params: totp() },
  ],
  [
    '"+" in the issuer parameter as a space, as form encoding writes it (#18)',
    `otpauth://totp/ACME%20Co:bob?secret=${SECRET}&issuer=ACME+Co`,
    { issuer: 'ACME Co', accountName: 'bob', params: totp() },
  ],
  [
    'a lower-case secret with %20, "+" and dashes (#7)',
    `otpauth://totp/x?secret=${SECRET.slice(0, 8).toLowerCase()}%20${SECRET.slice(8, 16)}+${SECRET.slice(16, 24)}-${SECRET.slice(24)}`,
    { issuer: '', accountName: 'x', params: totp(), secretHex: SECRET_HEX },
  ],
  [
    'a secret with "=" padding, percent-encoded or not (#7)',
    `otpauth://totp/x?secret=MZXW6YTBOJUWU23MNU%3D%3D%3D===`,
    {
      issuer: '',
      accountName: 'x',
      params: totp(),
      warnings: ['weak-secret'],
      secretHex: Buffer.from('foobarijklm').toString('hex'),
    },
  ],
  [
    'a secret whose last character has non-zero trailing bits (#6)',
    `otpauth://totp/x?secret=${WEAK.slice(0, -1)}R`,
    { issuer: '', accountName: 'x', params: totp(), warnings: ['weak-secret'] },
  ],
  [
    'unknown image= and icon= parameters, ignored and never fetched (#21)',
    `otpauth://totp/x?secret=${SECRET}&image=http%3A%2F%2Ftracker.example%2Fpx.png&icon=%ZZ&image=other`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'a repeated parameter with the same value (#14)',
    `otpauth://totp/x?secret=${SECRET}&secret=${SECRET}&digits=6&digits=6`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'empty pairs and a parameter without "="',
    `otpauth://totp/x?&secret=${SECRET}&&flag&`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'a period on an HOTP URI, ignored',
    `otpauth://hotp/x?secret=${SECRET}&counter=5&period=abc`,
    { issuer: '', accountName: 'x', params: hotp(5) },
  ],
  [
    'a counter on a TOTP URI, ignored',
    `otpauth://totp/x?secret=${SECRET}&counter=-1`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'Chinese issuer, emoji account with ZWJ (#20)',
    `otpauth://totp/${encodeURIComponent('微信')}:${encodeURIComponent('👩‍💻 dev')}?secret=${SECRET}`,
    { issuer: '微信', accountName: '👩‍💻 dev', params: totp() },
  ],
  [
    'raw (unencoded) non-ASCII text, as some QR writers produce (#20)',
    `otpauth://totp/بنك:علي?secret=${SECRET}`,
    { issuer: 'بنك', accountName: 'علي', params: totp() },
  ],
  [
    'a right-to-left override, stripped (#19)',
    `otpauth://totp/%E2%80%AEAmazon%20Web%20Services:alice?secret=${SECRET}`,
    { issuer: 'Amazon Web Services', accountName: 'alice', params: totp() },
  ],
  [
    'zero-width characters and BOM, stripped (#19)',
    `otpauth://totp/Ama%E2%80%8Bzon:al%EF%BB%BFice?secret=${SECRET}`,
    { issuer: 'Amazon', accountName: 'alice', params: totp() },
  ],
  [
    'control characters, stripped (#19)',
    `otpauth://totp/Ex%07am%0Aple:al%C2%85ice%1B?secret=${SECRET}`,
    { issuer: 'Example', accountName: 'alice', params: totp() },
  ],
  [
    'decomposed accents, NFC-normalised (#19)',
    `otpauth://totp/Cafe%CC%81:jose%CC%81?secret=${SECRET}`,
    { issuer: 'Café', accountName: 'josé', params: totp() },
  ],
  [
    'white space and a newline around the whole URI',
    ` \totpauth://totp/x?secret=${SECRET}\r\n`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'a fragment, dropped',
    `otpauth://totp/x?secret=${SECRET}#digits=9`,
    { issuer: '', accountName: 'x', params: totp() },
  ],
  [
    'issuer and account at their length limits (#20)',
    `otpauth://totp/${'i'.repeat(256)}:${'a'.repeat(512)}?secret=${SECRET}`,
    { issuer: 'i'.repeat(256), accountName: 'a'.repeat(512), params: totp() },
  ],
];

describe('parseOtpauthUri', () => {
  it.each(accepted)('accepts %s', (_name, uri, expected) => {
    const device = parsed(uri);
    expect(device.issuer).toBe(expected.issuer);
    expect(device.accountName).toBe(expected.accountName);
    expect(device.labelIssuer).toBe(expected.labelIssuer);
    expect(device.params).toEqual(expected.params);
    expect(device.warnings.map(warning => warning.kind)).toEqual(expected.warnings ?? []);
    if (expected.secretHex !== undefined) {
      expect(device.secret.use(bytes => Buffer.from(bytes).toString('hex'))).toBe(
        expected.secretHex,
      );
    }
  });

  const rejected: [row: string, uri: string, reason: UriRejection][] = [
    ['#1 web link', 'https://example.com/enroll?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
    ['#1 plain http link', 'http://example.com', 'not-otpauth'],
    ['#1 Wi-Fi login', 'WIFI:S:home;T:WPA;P:hunter2;;', 'not-otpauth'],
    ['#1 vCard', 'BEGIN:VCARD\nVERSION:3.0\nN:Doe;John\nEND:VCARD', 'not-otpauth'],
    ['#1 MeCard', 'MECARD:N:Doe,John;TEL:123;;', 'not-otpauth'],
    ['#1 email address', 'mailto:alice@example.com', 'not-otpauth'],
    ['#1 plain text', 'hello, world', 'not-otpauth'],
    ['#1 a bare base32 secret', 'JBSWY3DPEHPK3PXP', 'not-otpauth'],
    ['#1 empty text', '', 'not-otpauth'],
    ['#1 unknown scheme', 'ftp://files.example.com/x', 'not-otpauth'],
    ['#1 otpauth without a colon', 'otpauth//totp/x?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
    [
      '#2 Google Authenticator transfer',
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8',
      'google-migration',
    ],
    ['#2 transfer, upper case', 'OTPAUTH-MIGRATION://offline?data=AA', 'google-migration'],
    ['#3 steam type', `otpauth://steam/Steam:alice?secret=${SECRET}`, 'unsupported-type'],
    ['#3 motp type', `otpauth://motp/x?secret=${SECRET}&pin=1234`, 'unsupported-type'],
    ['#3 yandex type', `otpauth://yandex/x?secret=${SECRET}`, 'unsupported-type'],
    ['#3 unknown type', `otpauth://foo/x?secret=${SECRET}`, 'unsupported-type'],
    ['#3 steam:// scheme', `steam://${SECRET}`, 'unsupported-type'],
    ['no type', `otpauth:///x?secret=${SECRET}`, 'malformed-uri'],
    ['nothing after the scheme', 'otpauth://', 'malformed-uri'],
    ['no slashes after the scheme', `otpauth:totp/x?secret=${SECRET}`, 'malformed-uri'],
    ['#4 no secret', 'otpauth://totp/x?issuer=Example', 'missing-secret'],
    ['#4 no query at all', 'otpauth://totp/Example:alice', 'missing-secret'],
    ['#4 empty secret', 'otpauth://totp/x?secret=&issuer=Example', 'missing-secret'],
    ['#4 secret without "="', 'otpauth://totp/x?secret', 'missing-secret'],
    ['#4 secret of spaces only', 'otpauth://totp/x?secret=%20+%20', 'missing-secret'],
    ['#5 "0" in the secret', 'otpauth://totp/x?secret=JBSWY3DP0HPK3PXP', 'bad-base32'],
    ['#5 "1" in the secret', 'otpauth://totp/x?secret=1BSWY3DPEHPK3PXP', 'bad-base32'],
    ['#5 "8" in the secret', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PX8', 'bad-base32'],
    ['#5 "9" in the secret', 'otpauth://totp/x?secret=JBSWY3DPEHPK3P9P', 'bad-base32'],
    [
      '#5 base64 characters in the secret',
      'otpauth://totp/x?secret=JBSWY3DP%2FHPK3PXP',
      'bad-base32',
    ],
    ['#8 one-byte secret', 'otpauth://totp/x?secret=ME', 'secret-too-short'],
    ['#8 72-bit secret', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PX', 'secret-too-short'],
    ['#9 2000-character secret', `otpauth://totp/x?secret=${'A'.repeat(2000)}`, 'secret-too-long'],
    [
      '#9 URI one over the cap',
      `otpauth://totp/x?secret=${SECRET}&x=${'a'.repeat(MAX_URI_LENGTH)}`.slice(
        0,
        MAX_URI_LENGTH + 1,
      ),
      'uri-too-long',
    ],
    ['#9 URI of a megabyte', `otpauth://totp/x?secret=${'A'.repeat(1_000_000)}`, 'uri-too-long'],
    ['#10 digits=0', `otpauth://totp/x?secret=${SECRET}&digits=0`, 'bad-digits'],
    ['#10 digits=-1', `otpauth://totp/x?secret=${SECRET}&digits=-1`, 'bad-digits'],
    ['#10 digits=5', `otpauth://totp/x?secret=${SECRET}&digits=5`, 'bad-digits'],
    ['#10 digits=9', `otpauth://totp/x?secret=${SECRET}&digits=9`, 'bad-digits'],
    ['#10 digits=10', `otpauth://totp/x?secret=${SECRET}&digits=10`, 'bad-digits'],
    ['#10 digits=99', `otpauth://totp/x?secret=${SECRET}&digits=99`, 'bad-digits'],
    ['#10 digits=six', `otpauth://totp/x?secret=${SECRET}&digits=six`, 'bad-digits'],
    ['#10 digits=6.0', `otpauth://totp/x?secret=${SECRET}&digits=6.0`, 'bad-digits'],
    ['#10 digits empty', `otpauth://totp/x?secret=${SECRET}&digits=`, 'bad-digits'],
    ['#10 digits with a space', `otpauth://totp/x?secret=${SECRET}&digits=%206`, 'bad-digits'],
    ['#11 period=0', `otpauth://totp/x?secret=${SECRET}&period=0`, 'bad-period'],
    ['#11 period=-30', `otpauth://totp/x?secret=${SECRET}&period=-30`, 'bad-period'],
    ['#11 period=3600', `otpauth://totp/x?secret=${SECRET}&period=3600`, 'bad-period'],
    ['#11 period=301', `otpauth://totp/x?secret=${SECRET}&period=301`, 'bad-period'],
    ['#11 period=30s', `otpauth://totp/x?secret=${SECRET}&period=30s`, 'bad-period'],
    ['#11 period=29.5', `otpauth://totp/x?secret=${SECRET}&period=29.5`, 'bad-period'],
    ['#11 period=1e2', `otpauth://totp/x?secret=${SECRET}&period=1e2`, 'bad-period'],
    ['#11 period empty', `otpauth://totp/x?secret=${SECRET}&period=`, 'bad-period'],
    ['#12 MD5', `otpauth://totp/x?secret=${SECRET}&algorithm=MD5`, 'unsupported-algorithm'],
    [
      '#12 SHA3-256',
      `otpauth://totp/x?secret=${SECRET}&algorithm=SHA3-256`,
      'unsupported-algorithm',
    ],
    ['#12 SHA224', `otpauth://totp/x?secret=${SECRET}&algorithm=SHA224`, 'unsupported-algorithm'],
    [
      '#12 empty algorithm',
      `otpauth://totp/x?secret=${SECRET}&algorithm=`,
      'unsupported-algorithm',
    ],
    [
      '#12 look-alike long s',
      `otpauth://totp/x?secret=${SECRET}&algorithm=%C5%BFha1`,
      'unsupported-algorithm',
    ],
    ['#13 HOTP without counter', `otpauth://hotp/x?secret=${SECRET}`, 'missing-counter'],
    [
      '#13 HOTP with empty counter',
      `otpauth://hotp/x?secret=${SECRET}&counter=`,
      'missing-counter',
    ],
    ['#13 negative counter', `otpauth://hotp/x?secret=${SECRET}&counter=-1`, 'bad-counter'],
    ['#13 fractional counter', `otpauth://hotp/x?secret=${SECRET}&counter=1.5`, 'bad-counter'],
    ['#13 counter word', `otpauth://hotp/x?secret=${SECRET}&counter=one`, 'bad-counter'],
    [
      '#13 counter 2^53',
      `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740992`,
      'bad-counter',
    ],
    [
      '#13 counter 2^53+1',
      `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740993`,
      'bad-counter',
    ],
    [
      '#13 counter 2^64-1',
      `otpauth://hotp/x?secret=${SECRET}&counter=18446744073709551615`,
      'bad-counter',
    ],
    [
      '#14 two different secrets',
      `otpauth://totp/x?secret=${SECRET}&secret=${WEAK}`,
      'duplicate-parameter',
    ],
    [
      '#14 secrets differing in key case',
      `otpauth://totp/x?secret=${SECRET}&SECRET=${WEAK}`,
      'duplicate-parameter',
    ],
    [
      '#14 two issuers',
      `otpauth://totp/x?secret=${SECRET}&issuer=Bank&issuer=Evil`,
      'duplicate-parameter',
    ],
    [
      '#14 two digit counts',
      `otpauth://totp/x?secret=${SECRET}&digits=6&digits=8`,
      'duplicate-parameter',
    ],
    [
      '#17 truncated UTF-8 in the label',
      `otpauth://totp/%E0%A4%A:alice?secret=${SECRET}`,
      'bad-encoding',
    ],
    ['#17 %ZZ in the label', `otpauth://totp/Ex%ZZ:alice?secret=${SECRET}`, 'bad-encoding'],
    ['#17 %ZZ in the issuer', `otpauth://totp/x?secret=${SECRET}&issuer=%ZZ`, 'bad-encoding'],
    ['#17 %ZZ in the secret', `otpauth://totp/x?secret=${SECRET}%ZZ`, 'bad-encoding'],
    ['#17 overlong UTF-8 for "/"', `otpauth://totp/%C0%AF:alice?secret=${SECRET}`, 'bad-encoding'],
    ['#17 UTF-8 encoded surrogate', `otpauth://totp/%ED%A0%80?secret=${SECRET}`, 'bad-encoding'],
    ['#17 a lone "%"', `otpauth://totp/100%:alice?secret=${SECRET}`, 'bad-encoding'],
    ['#19 NUL in the account', `otpauth://totp/Example:alice%00?secret=${SECRET}`, 'bad-encoding'],
    [
      '#19 NUL in the issuer',
      `otpauth://totp/x?secret=${SECRET}&issuer=Bank%00Evil`,
      'bad-encoding',
    ],
    [
      '#20 issuer over 256 characters',
      `otpauth://totp/${'i'.repeat(257)}:a?secret=${SECRET}`,
      'field-too-long',
    ],
    [
      '#20 issuer parameter of 5000 characters',
      `otpauth://totp/a?secret=${SECRET}&issuer=${'i'.repeat(5000)}`,
      'field-too-long',
    ],
    [
      '#20 account over 512 characters',
      `otpauth://totp/${'a'.repeat(513)}?secret=${SECRET}`,
      'field-too-long',
    ],
    [
      '#20 mismatching label issuer over 256 characters',
      `otpauth://totp/${'e'.repeat(257)}:a?secret=${SECRET}&issuer=Bank`,
      'field-too-long',
    ],
  ];

  it.each(rejected)('refuses %s', (_row, uri, reason) => {
    const outcome = parseOtpauthUri(uri);
    expect(outcome).toMatchObject({ ok: false, reason });
  });

  it.each(rejected)('never echoes the URI or its secret when refusing %s', (_row, uri) => {
    const outcome = parseOtpauthUri(uri);
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.message.length).toBeGreaterThan(10);
    if (uri.length > 8) expect(outcome.message).not.toContain(uri.trim());
    for (const match of uri.matchAll(/secret=([^&#]*)/giu)) {
      const value = match[1] ?? '';
      if (value.length >= 8) expect(outcome.message).not.toContain(value);
    }
    for (const secret of [SECRET, WEAK, 'hunter2']) expect(outcome.message).not.toContain(secret);
  });

  it('only uses reasons that the contract knows', () => {
    for (const reason of URI_REJECTIONS) expect(ADD_FAILURES).toContain(reason);
    const used = new Set(rejected.map(([, , reason]) => reason));
    expect([...used].sort()).toEqual([...URI_REJECTIONS].sort());
  });

  it.each([
    ['https://example.com/x', 'This is a web link, not an authenticator code.'],
    ['WIFI:S:home;P:x;;', 'This is a Wi-Fi network login, not an authenticator code.'],
    ['BEGIN:VCARD\nEND:VCARD', 'This is a contact card (vCard), not an authenticator code.'],
    ['just some words', 'This is plain text, not an authenticator code.'],
    ['ftp://host/path', 'This is a "ftp:" link, not an authenticator code.'],
    ['Note: call back', 'This is plain text, not an authenticator code.'],
  ])('says what a non-authenticator code is, by its kind only (#1): %j', (text, message) => {
    expect(parseOtpauthUri(text)).toEqual({ ok: false, reason: 'not-otpauth', message });
  });

  it('says that Steam, mOTP and Yandex codes are not supported yet (#3)', () => {
    for (const type of ['steam', 'motp', 'yandex']) {
      const outcome = parseOtpauthUri(`otpauth://${type}/x?secret=${SECRET}`);
      expect(outcome.ok ? '' : outcome.message).toContain('not supported yet');
    }
  });

  it('names the bad base32 character and its position within the secret (#5)', () => {
    const outcome = parseOtpauthUri('otpauth://totp/x?secret=JBSWY3DP0HPK3PXP');
    expect(outcome.ok ? '' : outcome.message).toContain('"0" at position 9');
  });

  it('names the duplicated parameter but none of its values (#14)', () => {
    const outcome = parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&secret=${WEAK}`);
    expect(outcome.ok ? '' : outcome.message).toContain('"secret"');
  });

  it('refuses an oversized URI without scanning it (#9)', () => {
    const huge = `otpauth://totp/x?secret=${'A'.repeat(10_000_000)}`;
    const started = performance.now();
    expect(parseOtpauthUri(huge)).toMatchObject({ ok: false, reason: 'uri-too-long' });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('accepts a URI of exactly the maximum length', () => {
    const head = `otpauth://totp/x?secret=${SECRET}&pad=`;
    const uri = head + 'a'.repeat(MAX_URI_LENGTH - head.length);
    expect(uri).toHaveLength(MAX_URI_LENGTH);
    expect(parseOtpauthUri(uri).ok).toBe(true);
  });

  it('warns about an 80-bit secret but not about a 128-bit one (#8)', () => {
    expect(parsed(`otpauth://totp/x?secret=${WEAK}`).warnings).toEqual([
      { kind: 'weak-secret', message: expect.stringContaining('80 bits') as unknown },
    ]);
    const secret128 = encodeBase32(new Uint8Array(16).fill(1));
    expect(parsed(`otpauth://totp/x?secret=${secret128}`).warnings).toEqual([]);
  });

  it('shows both issuers in the mismatch warning and prefers the parameter (#16)', () => {
    const device = parsed(`otpauth://totp/Evil:alice?secret=${SECRET}&issuer=Bank`);
    expect(device.issuer).toBe('Bank');
    expect(device.labelIssuer).toBe('Evil');
    expect(device.warnings[0]?.message).toContain('"Evil"');
    expect(device.warnings[0]?.message).toContain('"Bank"');
  });

  it('gives a secret that never appears in JSON or logs', () => {
    const device = parsed(`otpauth://totp/x?secret=${SECRET}`);
    expect(() => JSON.stringify(device)).toThrow();
    expect(String(device.secret)).toBe('OtpSecret(<redacted>)');
  });
});

describe('normalizeDisplayText', () => {
  it.each([
    ['  Example  ', 'Example'],
    ['\u202eevil\u202c', 'evil'],
    ['\u2066Bank\u2069', 'Bank'],
    ['A\u200bB\u2060C\ufeff', 'ABC'],
    ['tab\there', 'tabhere'],
    ['C1\u0085\u009bx', 'C1x'],
    ['e\u0301', 'é'],
    ['👩\u200d💻', '👩\u200d💻'],
    ['\u0645\u06cc\u200c\u0634\u0648\u0645', '\u0645\u06cc\u200c\u0634\u0648\u0645'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
  ])('cleans %j to %j (#19)', (input, expected) => {
    expect(normalizeDisplayText(input)).toBe(expected);
  });

  it('refuses text containing NUL (#19)', () => {
    expect(normalizeDisplayText('a\u0000b')).toBeUndefined();
  });

  it('is idempotent', () => {
    for (const text of [' \u202e x\u0301 ', 'a\u0300\u0316', '\ud83d']) {
      const once = normalizeDisplayText(text) ?? '';
      expect(normalizeDisplayText(once)).toBe(once);
    }
  });
});

describe('formatOtpauthUri', () => {
  const secret = OtpSecret.fromBytes(Buffer.from('12345678901234567890'));

  it('writes the canonical form with every parameter explicit', () => {
    expect(
      formatOtpauthUri({
        issuer: 'Amazon Web Services',
        accountName: 'alice@123456789012',
        params: totp(),
        secret,
      }),
    ).toBe(
      `otpauth://totp/Amazon%20Web%20Services:alice%40123456789012?secret=${SECRET}&issuer=Amazon%20Web%20Services&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('writes the counter for HOTP and leaves out an empty issuer', () => {
    expect(
      formatOtpauthUri({ issuer: '', accountName: 'bob', params: hotp(42, { digits: 8 }), secret }),
    ).toBe(`otpauth://hotp/bob?secret=${SECRET}&algorithm=SHA1&digits=8&counter=42`);
  });

  it('percent-encodes ":" "+" and "%" inside names so the literal ":" is the only separator', () => {
    const uri = formatOtpauthUri({
      issuer: 'A:B+C%',
      accountName: 'x:y',
      params: totp(),
      secret,
    });
    expect(uri).toContain('otpauth://totp/A%3AB%2BC%25:x%3Ay?');
    expect(uri).toContain('&issuer=A%3AB%2BC%25&');
    expect(parsed(uri)).toMatchObject({ issuer: 'A:B+C%', accountName: 'x:y' });
  });

  it('puts a leading ":" before an account containing ":" when there is no issuer', () => {
    const uri = formatOtpauthUri({ issuer: '', accountName: 'x:y', params: totp(), secret });
    expect(uri).toContain('otpauth://totp/:x%3Ay?');
    expect(parsed(uri)).toMatchObject({ issuer: '', accountName: 'x:y' });
  });

  it('never throws on text with lone surrogates', () => {
    expect(() =>
      formatOtpauthUri({ issuer: '\ud800', accountName: 'a', params: totp(), secret }),
    ).not.toThrow();
  });

  it.each(accepted)('gives back what it formats for the accepted URI: %s', (_name, uri) => {
    const first = parsed(uri);
    const again = parsed(formatOtpauthUri(first));
    expect(again.issuer).toBe(first.issuer);
    expect(again.accountName).toBe(first.accountName);
    expect(again.params).toEqual(first.params);
    expect(again.secret.equals(first.secret)).toBe(true);
    expect(again.labelIssuer).toBeUndefined();
  });
});

describe('parseManualEntry', () => {
  const base: ManualEntryInput = {
    type: 'totp',
    issuer: 'Example',
    accountName: 'alice',
    secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq',
    algorithm: 'SHA1',
    digits: 6,
  };
  const entry = (over: Partial<ManualEntryInput>): UriParseOutcome =>
    parseManualEntry({ ...base, ...over });

  it('accepts a typed secret and defaults the period to 30 s', () => {
    const outcome = entry({});
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value).toMatchObject({
      issuer: 'Example',
      accountName: 'alice',
      params: totp(),
      warnings: [],
    });
    expect(outcome.value.secret.use(bytes => Buffer.from(bytes).toString('hex'))).toBe(SECRET_HEX);
  });

  it('accepts HOTP with a counter, SHA512 and 8 digits', () => {
    const outcome = entry({ type: 'hotp', counter: 7, algorithm: 'SHA512', digits: 8 });
    expect(outcome.ok && outcome.value.params).toEqual(hotp(7, { algorithm: 'SHA512', digits: 8 }));
  });

  it('cleans the names as the URI parser does', () => {
    const outcome = entry({ issuer: ' \u202eAmazon ', accountName: 'jose\u0301' });
    expect(outcome).toMatchObject({ ok: true, value: { issuer: 'Amazon', accountName: 'josé' } });
  });

  it('warns about a weak secret', () => {
    const outcome = entry({ secret: WEAK });
    expect(outcome.ok && outcome.value.warnings.map(warning => warning.kind)).toEqual([
      'weak-secret',
    ]);
  });

  it.each<[string, Partial<ManualEntryInput>, UriRejection]>([
    ['an empty secret', { secret: '' }, 'missing-secret'],
    ['a secret of spaces', { secret: '  -  ' }, 'missing-secret'],
    ['a secret with "8"', { secret: 'JBSWY3DPEHPK3PX8' }, 'bad-base32'],
    ['a short secret', { secret: 'MZXW6YTB' }, 'secret-too-short'],
    ['5 digits', { digits: 5 }, 'bad-digits'],
    ['9 digits', { digits: 9 }, 'bad-digits'],
    ['a fractional digit count', { digits: 6.5 }, 'bad-digits'],
    ['period 0', { periodSeconds: 0 }, 'bad-period'],
    ['period 3600', { periodSeconds: 3600 }, 'bad-period'],
    ['HOTP without a counter', { type: 'hotp' }, 'missing-counter'],
    ['a negative counter', { type: 'hotp', counter: -1 }, 'bad-counter'],
    ['a counter above 2^53-1', { type: 'hotp', counter: 2 ** 53 }, 'bad-counter'],
    ['NUL in the issuer', { issuer: 'Bank\u0000' }, 'bad-encoding'],
    ['an issuer over 256 characters', { issuer: 'i'.repeat(257) }, 'field-too-long'],
    ['an account over 512 characters', { accountName: 'a'.repeat(513) }, 'field-too-long'],
  ])('refuses %s', (_case, over, reason) => {
    const outcome = entry(over);
    expect(outcome).toMatchObject({ ok: false, reason });
    if (!outcome.ok) expect(outcome.message).not.toContain(base.secret);
  });

  it('round-trips through formatOtpauthUri', () => {
    const outcome = entry({ issuer: 'A:B', accountName: 'c+d e' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(parsed(formatOtpauthUri(outcome.value))).toMatchObject({
      issuer: 'A:B',
      accountName: 'c+d e',
      params: totp(),
    });
  });
});
