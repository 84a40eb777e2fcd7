/**
 * MFA serial ARNs (`arn:aws:iam::<12-digit id>:mfa/<path><name>`): the suggestion for a new
 * device and the checks on what a user types or pastes.
 */
import { describe, expect, it } from 'vitest';
import { parseMfaSerialArn, suggestSerialArn } from '../../../../main/core/device/arn';

describe('suggestSerialArn', () => {
  it('builds the default-path ARN in the commercial partition', () => {
    expect(suggestSerialArn('123456789012', 'alice')).toBe('arn:aws:iam::123456789012:mfa/alice');
  });

  it('keeps "@" and other IAM name characters in the device name', () => {
    expect(suggestSerialArn('123456789012', 'alice@example.com')).toBe(
      'arn:aws:iam::123456789012:mfa/alice@example.com',
    );
  });

  it('builds ARNs for the China and GovCloud partitions', () => {
    expect(suggestSerialArn('123456789012', 'a', 'aws-cn')).toBe(
      'arn:aws-cn:iam::123456789012:mfa/a',
    );
    expect(suggestSerialArn('123456789012', 'a', 'aws-us-gov')).toBe(
      'arn:aws-us-gov:iam::123456789012:mfa/a',
    );
  });

  it('produces what parseMfaSerialArn reads back', () => {
    const arn = suggestSerialArn('000011112222', 'root-account-mfa-device');
    expect(parseMfaSerialArn(arn)).toEqual({
      ok: true,
      partition: 'aws',
      accountId: '000011112222',
      path: '/',
      deviceName: 'root-account-mfa-device',
    });
  });

  it('produces an ARN that is refused when the label name is not an IAM name', () => {
    expect(parseMfaSerialArn(suggestSerialArn('123456789012', 'alice smith')).ok).toBe(false);
  });
});

describe('parseMfaSerialArn', () => {
  it.each([
    ['arn:aws:iam::123456789012:mfa/alice', 'aws', '/', 'alice'],
    ['arn:aws:iam::123456789012:mfa/alice@example.com', 'aws', '/', 'alice@example.com'],
    ['arn:aws:iam::123456789012:mfa/Bob_+=,.@-1', 'aws', '/', 'Bob_+=,.@-1'],
    ['arn:aws:iam::123456789012:mfa/division_abc/alice', 'aws', '/division_abc/', 'alice'],
    ['arn:aws:iam::123456789012:mfa/a/b/c/alice', 'aws', '/a/b/c/', 'alice'],
    ['arn:aws-cn:iam::123456789012:mfa/alice', 'aws-cn', '/', 'alice'],
    ['arn:aws-us-gov:iam::123456789012:mfa/alice', 'aws-us-gov', '/', 'alice'],
    [`arn:aws:iam::123456789012:mfa/${'n'.repeat(128)}`, 'aws', '/', 'n'.repeat(128)],
    ['  arn:aws:iam::123456789012:mfa/alice\n', 'aws', '/', 'alice'],
  ])('reads %j', (text, partition, path, deviceName) => {
    expect(parseMfaSerialArn(text)).toEqual({
      ok: true,
      partition,
      accountId: '123456789012',
      path,
      deviceName,
    });
  });

  it.each([
    ['empty text', '', 'serial number'],
    ['not an ARN', 'GAHT12345678', 'looks like'],
    ['too few parts', 'arn:aws:iam::123456789012', 'looks like'],
    ['an unknown partition', 'arn:aws-eu:iam::123456789012:mfa/alice', 'partition'],
    ['another service', 'arn:aws:sts::123456789012:mfa/alice', 'not an IAM ARN'],
    ['a region', 'arn:aws:iam:us-east-1:123456789012:mfa/alice', 'no region'],
    ['an 11-digit account', 'arn:aws:iam::12345678901:mfa/alice', '12 digits'],
    ['a 13-digit account', 'arn:aws:iam::1234567890123:mfa/alice', '12 digits'],
    ['an alias for the account', 'arn:aws:iam::acme:mfa/alice', '12 digits'],
    ['an IAM user ARN', 'arn:aws:iam::123456789012:user/alice', 'IAM user'],
    ['the root ARN', 'arn:aws:iam::123456789012:root', 'IAM root'],
    ['another resource', 'arn:aws:iam::123456789012:something/alice', ':mfa/'],
    ['no device name', 'arn:aws:iam::123456789012:mfa/', 'without an MFA device name'],
    ['a path without a name', 'arn:aws:iam::123456789012:mfa/path/', 'without an MFA device name'],
    ['a space in the name', 'arn:aws:iam::123456789012:mfa/alice smith', 'only letters'],
    ['a colon in the name', 'arn:aws:iam::123456789012:mfa/alice:x', 'only letters'],
    ['a non-ASCII name', 'arn:aws:iam::123456789012:mfa/jos\u00e9', 'only letters'],
    ['a 129-character name', `arn:aws:iam::123456789012:mfa/${'n'.repeat(129)}`, '128'],
    ['a space in the path', 'arn:aws:iam::123456789012:mfa/my path/alice', 'path'],
    ['an empty path segment', 'arn:aws:iam::123456789012:mfa//alice', 'path'],
    [
      'a path over 512 characters',
      `arn:aws:iam::123456789012:mfa/${'p'.repeat(512)}/alice`,
      'path',
    ],
    ['huge input', `arn:aws:iam::123456789012:mfa/${'n'.repeat(100_000)}`, 'too long'],
    ['upper-case prefix', 'ARN:AWS:IAM::123456789012:mfa/alice', 'looks like'],
  ])('refuses %s with a message saying what is wrong', (_case, text, messagePart) => {
    const outcome = parseMfaSerialArn(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain(messagePart);
  });
});
