/**
 * The AWS config file parser and the `mfa_serial` lookup behind `tessera code --profile`:
 * section and key forms the AWS CLI accepts, comments, continuation lines, and
 * `source_profile` chains with their failure modes.
 */
import { describe, expect, it } from 'vitest';
import { findMfaSerial, parseAwsConfig } from '../../../../main/core/aws/awsConfigFile';

const ARN = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER_ARN = 'arn:aws:iam::210987654321:mfa/bob';

const settingsOf = (text: string, profile: string) =>
  Object.fromEntries(parseAwsConfig(text).get(profile) ?? []);

describe('parseAwsConfig', () => {
  it('reads [default] as "default" and [profile name] as "name"', () => {
    const profiles = parseAwsConfig(
      `[default]\nregion = eu-west-1\n\n[profile dev]\nmfa_serial = ${ARN}\n`,
    );
    expect([...profiles.keys()]).toEqual(['default', 'dev']);
    expect(settingsOf(`[profile dev]\nmfa_serial = ${ARN}\n`, 'dev')).toEqual({ mfa_serial: ARN });
  });

  it('accepts "=" or ":" between key and value, with or without spaces, and keys in any case', () => {
    const text = `[profile a]\nMFA_Serial=${ARN}\nRegion : us-east-1\nOutput\t=\tjson\n`;
    expect(settingsOf(text, 'a')).toEqual({
      mfa_serial: ARN,
      region: 'us-east-1',
      output: 'json',
    });
  });

  it('keeps the colons of a value that is an ARN', () => {
    expect(settingsOf(`[profile a]\nmfa_serial:${ARN}`, 'a').mfa_serial).toBe(ARN);
  });

  it('skips "#" and ";" comment lines and drops comments that follow white space', () => {
    const text = [
      '# my profiles',
      '; another comment',
      '[profile a] # the main one',
      `mfa_serial = ${ARN}   # my phone`,
      'region = eu-west-1 ; Ireland',
      'role_session_name = a#b;c',
      '  # an indented comment',
    ].join('\n');
    expect(settingsOf(text, 'a')).toEqual({
      mfa_serial: ARN,
      region: 'eu-west-1',
      role_session_name: 'a#b;c',
    });
  });

  it('reads CRLF and CR line ends and ignores a UTF-8 byte order mark', () => {
    expect(settingsOf(`\uFEFF[profile a]\r\nmfa_serial = ${ARN}\r\n`, 'a').mfa_serial).toBe(ARN);
    expect(settingsOf(`[profile a]\rmfa_serial = ${ARN}\r`, 'a').mfa_serial).toBe(ARN);
  });

  it('treats indented lines under a key as its continuation, not as keys of the profile', () => {
    const text = [
      '[profile a]',
      's3 =',
      '  max_concurrent_requests = 20',
      `  mfa_serial = ${OTHER_ARN}`,
      'region = eu-west-1',
    ].join('\n');
    expect(settingsOf(text, 'a')).toEqual({ s3: '', region: 'eu-west-1' });
  });

  it('reads keys that are all indented alike as keys', () => {
    const text = `[profile a]\n  region = eu-west-1\n  mfa_serial = ${ARN}\n`;
    expect(settingsOf(text, 'a')).toEqual({ region: 'eu-west-1', mfa_serial: ARN });
  });

  it('ignores sections that are not profiles, and keys before any section', () => {
    const text = [
      `mfa_serial = ${OTHER_ARN}`,
      '[sso-session corp]',
      'sso_region = us-east-1',
      '[services local]',
      '[dev]',
      `mfa_serial = ${OTHER_ARN}`,
      '[profilex]',
      '[profile ok]',
      `mfa_serial = ${ARN}`,
    ].join('\n');
    expect([...parseAwsConfig(text).keys()]).toEqual(['ok']);
  });

  it('accepts extra spaces in a header and quoted names with spaces, and skips unquoted ones', () => {
    const text = `[ profile   spaced ]\nregion = a\n[profile "my team"]\nregion = b\n[profile two words]\nregion = c\n`;
    expect([...parseAwsConfig(text).keys()]).toEqual(['spaced', 'my team']);
  });

  it('prefers [profile default] over [default], in either order', () => {
    const both = [`[profile default]\nmfa_serial = ${ARN}`, `[default]\nmfa_serial = ${OTHER_ARN}`];
    expect(settingsOf(both.join('\n'), 'default').mfa_serial).toBe(ARN);
    expect(settingsOf([...both].reverse().join('\n'), 'default').mfa_serial).toBe(ARN);
  });

  it('merges a repeated section, the last value of a key winning', () => {
    const text = `[profile a]\nregion = x\nmfa_serial = ${OTHER_ARN}\n[profile b]\n[profile a]\nmfa_serial = ${ARN}\n`;
    expect(settingsOf(text, 'a')).toEqual({ region: 'x', mfa_serial: ARN });
  });

  it('reads section names case-sensitively, as the AWS CLI does', () => {
    expect([...parseAwsConfig('[profile Dev]\n[profile dev]\n').keys()]).toEqual(['Dev', 'dev']);
  });

  it('returns no profiles for an empty file or one with only comments', () => {
    expect(parseAwsConfig('').size).toBe(0);
    expect(parseAwsConfig('# nothing\n;here\n\n').size).toBe(0);
  });
});

describe('findMfaSerial', () => {
  const config = parseAwsConfig(
    [
      '[default]',
      `mfa_serial = ${ARN}`,
      '[profile base]',
      `mfa_serial = ${OTHER_ARN}`,
      '[profile admin]',
      'role_arn = arn:aws:iam::210987654321:role/Admin',
      'source_profile = base',
      '[profile deep]',
      'source_profile = admin',
      '[profile own]',
      `mfa_serial = ${ARN}`,
      'source_profile = base',
      '[profile blank]',
      'mfa_serial =',
      'source_profile = default',
      '[profile ping]',
      'source_profile = pong',
      '[profile pong]',
      'source_profile = ping',
      '[profile self]',
      'source_profile = self',
      '[profile lost]',
      'source_profile = nowhere',
      '[profile bare]',
      'region = eu-west-1',
    ].join('\n'),
  );

  it("finds a profile's own mfa_serial", () => {
    expect(findMfaSerial(config, 'base')).toEqual({
      ok: true,
      serialArn: OTHER_ARN,
      from: 'base',
      chain: ['base'],
    });
    expect(findMfaSerial(config, 'default')).toMatchObject({ ok: true, serialArn: ARN });
  });

  it('follows source_profile, over several profiles, when a profile has no mfa_serial', () => {
    expect(findMfaSerial(config, 'admin')).toEqual({
      ok: true,
      serialArn: OTHER_ARN,
      from: 'base',
      chain: ['admin', 'base'],
    });
    expect(findMfaSerial(config, 'deep')).toMatchObject({
      ok: true,
      from: 'base',
      chain: ['deep', 'admin', 'base'],
    });
  });

  it("prefers the profile's own mfa_serial to its source profile's, and skips an empty one", () => {
    expect(findMfaSerial(config, 'own')).toMatchObject({ serialArn: ARN, from: 'own' });
    expect(findMfaSerial(config, 'blank')).toMatchObject({ serialArn: ARN, from: 'default' });
  });

  it('stops a source_profile loop instead of following it forever', () => {
    expect(findMfaSerial(config, 'ping')).toEqual({
      ok: false,
      reason: 'loop',
      chain: ['ping', 'pong', 'ping'],
    });
    expect(findMfaSerial(config, 'self')).toEqual({
      ok: false,
      reason: 'loop',
      chain: ['self', 'self'],
    });
  });

  it('reports a missing profile, naming the one a chain leads to', () => {
    expect(findMfaSerial(config, 'nope')).toEqual({
      ok: false,
      reason: 'no-profile',
      chain: ['nope'],
    });
    expect(findMfaSerial(config, 'lost')).toEqual({
      ok: false,
      reason: 'no-profile',
      chain: ['lost', 'nowhere'],
    });
  });

  it('reports a profile with neither mfa_serial nor source_profile', () => {
    expect(findMfaSerial(config, 'bare')).toEqual({
      ok: false,
      reason: 'no-mfa-serial',
      chain: ['bare'],
    });
  });
});
