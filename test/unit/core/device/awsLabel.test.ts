/**
 * AWS MFA labels (`Amazon Web Services:<device-name>@<account-id-or-alias>`): IDs, aliases,
 * device names containing '@', non-AWS issuers and look-alikes; also end to end from a QR URI.
 */
import { describe, expect, it } from 'vitest';
import { parseAwsLabel } from '../../../../main/core/device/awsLabel';
import { parseOtpauthUri } from '../../../../main/core/otp/otpauthUri';

const AWS = 'Amazon Web Services';

describe('parseAwsLabel', () => {
  it.each([
    ['alice@123456789012', { deviceName: 'alice', accountId: '123456789012' }],
    [
      'root-account-mfa-device@000000000000',
      { deviceName: 'root-account-mfa-device', accountId: '000000000000' },
    ],
    [
      'alice@example.com@123456789012',
      { deviceName: 'alice@example.com', accountId: '123456789012' },
    ],
    ['a@b@c@123456789012', { deviceName: 'a@b@c', accountId: '123456789012' }],
    ['alice@my-company', { deviceName: 'alice', alias: 'my-company' }],
    ['bob+ci=1,x.y_z-w@acme', { deviceName: 'bob+ci=1,x.y_z-w', alias: 'acme' }],
    ['alice@abc', { deviceName: 'alice', alias: 'abc' }],
    ['alice@a1-b2-c3', { deviceName: 'alice', alias: 'a1-b2-c3' }],
    [`alice@${'a'.repeat(63)}`, { deviceName: 'alice', alias: 'a'.repeat(63) }],
    // Numbers that are not 12 digits long are valid aliases by the IAM alias rules.
    ['alice@123456789', { deviceName: 'alice', alias: '123456789' }],
    ['alice@1234567890123', { deviceName: 'alice', alias: '1234567890123' }],
  ])('reads %j', (accountName, expected) => {
    expect(parseAwsLabel(AWS, accountName)).toEqual(expected);
  });

  it('sets exactly one of accountId and alias', () => {
    expect(parseAwsLabel(AWS, 'alice@123456789012')).not.toHaveProperty('alias');
    expect(parseAwsLabel(AWS, 'alice@acme')).not.toHaveProperty('accountId');
  });

  it.each(['amazon web services', 'AMAZON WEB SERVICES', 'Amazon web Services'])(
    'accepts the issuer in any case: %j',
    issuer => {
      expect(parseAwsLabel(issuer, 'alice@123456789012')).toEqual({
        deviceName: 'alice',
        accountId: '123456789012',
      });
    },
  );

  it.each([
    ['no "@"', 'alice'],
    ['an empty device name', '@123456789012'],
    ['an empty account', 'alice@'],
    ['an alias with "--"', 'alice@my--company'],
    ['an alias with a leading "-"', 'alice@-acme'],
    ['an alias with a trailing "-"', 'alice@acme-'],
    ['an alias that is too short', 'alice@ab'],
    ['an alias that is too long', `alice@${'a'.repeat(64)}`],
    ['an upper-case alias', 'alice@Acme'],
    ['an alias with "_"', 'alice@my_company'],
    ['an alias with "."', 'alice@my.company'],
    ['an email domain after the last "@"', 'alice@example.com'],
  ])('returns undefined for %s', (_case, accountName) => {
    expect(parseAwsLabel(AWS, accountName)).toBeUndefined();
  });

  it.each([
    ['another issuer', 'Example'],
    ['no issuer', ''],
    ['a look-alike missing a letter', 'Amazon Web Service'],
    ['a look-alike with a Cyrillic "а"', 'Amаzon Web Services'],
    ['a look-alike with an accent', 'Amazon Web Servíces'],
    ['a look-alike with doubled spaces', 'Amazon  Web Services'],
    ['a longer name', 'Amazon Web Services Evil'],
    ['"AWS"', 'AWS'],
  ])('returns undefined for %s', (_case, issuer) => {
    expect(parseAwsLabel(issuer, 'alice@123456789012')).toBeUndefined();
  });
});

describe('parseAwsLabel on parsed QR codes', () => {
  const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  function fromUri(uri: string) {
    const outcome = parseOtpauthUri(uri);
    if (!outcome.ok) throw new Error(outcome.message);
    return parseAwsLabel(outcome.value.issuer, outcome.value.accountName);
  }

  it('reads the label of a real-shaped AWS QR code', () => {
    expect(
      fromUri(
        `otpauth://totp/Amazon%20Web%20Services:alice@example.com@123456789012?secret=${SECRET}&issuer=Amazon%20Web%20Services`,
      ),
    ).toEqual({ deviceName: 'alice@example.com', accountId: '123456789012' });
  });

  it('reads it when the issuer comes only from the label prefix', () => {
    expect(
      fromUri(`otpauth://totp/Amazon%20Web%20Services:ci-bot@acme-prod?secret=${SECRET}`),
    ).toEqual({ deviceName: 'ci-bot', alias: 'acme-prod' });
  });

  it('ignores an AWS label prefix when the issuer parameter names someone else', () => {
    expect(
      fromUri(
        `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SECRET}&issuer=Evil`,
      ),
    ).toBeUndefined();
  });

  it('sees through a zero-width character once the parser has stripped it', () => {
    expect(
      fromUri(
        `otpauth://totp/%E2%80%8BAmazon%20Web%20Services:alice@123456789012?secret=${SECRET}`,
      ),
    ).toEqual({ deviceName: 'alice', accountId: '123456789012' });
  });
});
