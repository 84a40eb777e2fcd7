import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../main/core/device/device';
import { parseReenteredSecret } from '../../../../main/core/device/reenteredSecret';
import { OtpSecret } from '../../../../main/core/secret';

const RFC_SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const device: Device = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'totp',
  issuer: 'GitHub',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  tags: [],
  favorite: false,
  order: 0,
  createdAt: 1,
  updatedAt: 1,
};
const rfcSeed = OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));

describe('parseReenteredSecret', () => {
  it('accepts base32 as typed (spaces, lower case) with the device’s own settings', () => {
    const outcome = parseReenteredSecret(device, ' gezd gnbv gy3t qojq gezd gnbv gy3t qojq ');
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value.secret.equals(rfcSeed)).toBe(true);
  });

  it('accepts a URI with the same code settings, whatever its names', () => {
    const outcome = parseReenteredSecret(
      device,
      `otpauth://totp/Other:bob?secret=${RFC_SEED_B32}&digits=6&period=30`,
    );
    expect(outcome.ok).toBe(true);
  });

  it.each([
    ['digits=8', /8-digit SHA1 codes every 30 s.*6-digit SHA1 codes every 30 s/],
    ['period=60', /every 60 s/],
    ['algorithm=SHA256', /SHA256/],
  ])('refuses a URI with other code settings (%s)', (param, message) => {
    const outcome = parseReenteredSecret(
      device,
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&${param}`,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'mismatch' });
    if (!outcome.ok) expect(outcome.message).toMatch(message);
  });

  it('refuses an HOTP URI for a TOTP device', () => {
    const outcome = parseReenteredSecret(
      device,
      `otpauth://hotp/GitHub:alice?secret=${RFC_SEED_B32}&counter=1`,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it.each([
    ['JBSWY3DP0HPK3PXP', 'bad-base32'],
    ['', 'missing-secret'],
    ['GEZDGNBV', 'secret-too-short'],
    ['https://example.com/', 'not-otpauth'],
    ['otpauth-migration://offline?data=AA', 'google-migration'],
  ])('refuses %j with the reason of an add (%s)', (text, reason) => {
    expect(parseReenteredSecret(device, text)).toMatchObject({ ok: false, reason });
  });
});
