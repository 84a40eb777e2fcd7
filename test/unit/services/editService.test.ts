/**
 * The issue-4 rows over the real services (in-memory adapters, fake clock): one-write edits,
 * the add preview (nothing stored), re-entering a missing secret, and the confirmed reveal and
 * copy of a secret — refused by the router when the confirmation is not in the arguments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RevealOutcome } from '../../../preload/contract/editChannels';
import { OtpSecret } from '../../../main/core/secret';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

const GITHUB = `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`;
const rfcSeed = () => OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));

async function added(uri = GITHUB): Promise<string> {
  const outcome = await t.app.devices.addFromUri(uri);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.device.id;
}

const snapshot = async () => JSON.stringify((await t.vault.load()).document);

describe('devices.edit', () => {
  it('saves names, group, tags and AWS details in one write', async () => {
    t = await startTestTessera();
    const id = await added();
    const generation = (await t.vault.load()).document.generation;
    const outcome = await t.transport.invoke('devices.edit', id, {
      issuer: 'GitHub',
      accountName: 'alice@work',
      group: 'Work',
      tags: ['code', 'daily'],
      aws: null,
    });
    expect(outcome).toEqual({ ok: true });
    expect((await t.vault.load()).document.generation).toBe(generation + 1);
    expect(t.app.devices.list()[0]).toMatchObject({
      accountName: 'alice@work',
      group: { kind: 'custom', label: 'Work' },
      tags: ['code', 'daily'],
    });
  });

  it('refuses a bad ARN with the field and changes nothing', async () => {
    t = await startTestTessera();
    const id = await added();
    const before = await snapshot();
    const outcome = await t.transport.invoke('devices.edit', id, {
      issuer: 'Renamed',
      accountName: 'alice',
      group: '',
      tags: [],
      aws: {
        accountId: '123456789012',
        alias: null,
        deviceName: 'alice',
        principal: { kind: 'unknown' },
        serialArn: 'arn:aws:iam::123456789012:role/alice',
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid', field: 'serialArn' });
    expect(await snapshot()).toBe(before);
  });

  it('says when the device no longer exists', async () => {
    t = await startTestTessera();
    const outcome = await t.app.devices.edit('00000000-0000-4000-8000-00000000ffff', {
      issuer: 'x',
      accountName: '',
      group: '',
      tags: [],
      aws: null,
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'not-found', field: null });
  });
});

describe('devices.previewUri / previewManual', () => {
  it('shows what would be stored, and stores nothing', async () => {
    t = await startTestTessera();
    const before = await snapshot();
    const outcome = await t.transport.invoke(
      'devices.previewUri',
      `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${RFC_SEED_B32}&issuer=Amazon%20Web%20Services&digits=8&period=60&algorithm=SHA256`,
    );
    expect(outcome).toEqual({
      ok: true,
      preview: {
        type: 'totp',
        issuer: 'Amazon Web Services',
        accountName: 'alice@123456789012',
        labelIssuer: null,
        algorithm: 'SHA256',
        digits: 8,
        periodSeconds: 60,
        counter: null,
        groupLabel: 'AWS 123456789012',
        aws: { accountId: '123456789012', alias: null, deviceName: 'alice' },
      },
      warnings: [],
    });
    expect(await snapshot()).toBe(before);
    expect(t.secrets.size).toBe(0);
  });

  it('warns about the same secret and the same label before anything is stored', async () => {
    t = await startTestTessera();
    await added();
    const outcome = t.app.devices.previewManual({
      type: 'totp',
      issuer: 'github',
      accountName: 'ALICE',
      secret: RFC_SEED_B32.toLowerCase(),
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: 30,
    });
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(outcome.warnings.map(w => w.kind)).toEqual(['duplicate-secret', 'duplicate-label']);
    expect(outcome.warnings[0]?.message).toContain('GitHub');
    expect(t.secrets.size).toBe(1);
  });

  it('refuses what an add would refuse, with the same reason', async () => {
    t = await startTestTessera();
    expect(
      await t.transport.invoke('devices.previewUri', 'otpauth://totp/x?secret=AB0'),
    ).toMatchObject({ ok: false, reason: 'bad-base32' });
  });

  it('does not use up a device id', async () => {
    t = await startTestTessera();
    await t.transport.invoke('devices.previewUri', GITHUB);
    expect(await added()).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('says the keychain is unavailable before the user confirms', async () => {
    const secrets = new InMemorySecretStore();
    secrets.unavailable = true;
    t = await startTestTessera({ secrets });
    expect(await t.transport.invoke('devices.previewUri', GITHUB)).toMatchObject({
      ok: false,
      reason: 'keychain-unavailable',
    });
  });
});

describe('devices.reenterSecret', () => {
  async function withMissingSecret(): Promise<{ id: string; vault: InMemoryVaultStore }> {
    const secrets = new InMemorySecretStore();
    const vault = new InMemoryVaultStore();
    t = await startTestTessera({ secrets, vault });
    const id = await added();
    await t.app.stop();
    await secrets.delete(id);
    t = await startTestTessera({ secrets, vault });
    expect(t.app.devices.list()[0]?.secretStatus).toBe('missing');
    return { id, vault };
  }

  it('stores a new seed for the existing metadata, and codes come back', async () => {
    const { id } = await withMissingSecret();
    const before = await snapshot();
    const outcome = await t.transport.invoke(
      'devices.reenterSecret',
      id,
      'gezd gnbv gy3t qojq gezd gnbv gy3t qojq',
    );
    expect(outcome).toEqual({ ok: true, warnings: [] });
    expect((await t.secrets.get(id))?.equals(rfcSeed())).toBe(true);
    expect(t.app.devices.list()[0]).toMatchObject({ id, issuer: 'GitHub', secretStatus: 'ok' });
    expect(t.app.devices.status().missingSecrets).toBe(0);
    expect(await snapshot()).toBe(before);
    expect(t.app.codes.current().some(code => code.deviceId === id)).toBe(true);
  });

  it('refuses a URI for other code settings, bad base32, and a second re-entry', async () => {
    const { id } = await withMissingSecret();
    expect(
      await t.transport.invoke(
        'devices.reenterSecret',
        id,
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&digits=8`,
      ),
    ).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await t.transport.invoke('devices.reenterSecret', id, 'AB0CD')).toMatchObject({
      ok: false,
      reason: 'bad-base32',
    });
    expect(t.secrets.size).toBe(0);
    expect(await t.transport.invoke('devices.reenterSecret', id, RFC_SEED_B32)).toMatchObject({
      ok: true,
    });
    expect(await t.transport.invoke('devices.reenterSecret', id, RFC_SEED_B32)).toMatchObject({
      ok: false,
      reason: 'has-secret',
    });
  });
});

describe('devices.revealSecret / copySecret', () => {
  it('is refused by the router unless the arguments state the confirmation', async () => {
    t = await startTestTessera();
    const id = await added();
    for (const args of [[id], [id, {}], [id, { confirmed: false }], [id, { confirmed: 'yes' }]]) {
      await expect(t.transport.invoke('devices.revealSecret', ...args)).rejects.toThrow(
        /Invalid arguments/,
      );
      await expect(t.transport.invoke('devices.copySecret', ...args)).rejects.toThrow(
        /Invalid arguments/,
      );
    }
    expect(t.clipboard.writes).toEqual([]);
  });

  it('reveals the secret, its URI and a QR code once confirmed', async () => {
    t = await startTestTessera();
    const id = await added();
    const outcome = (await t.transport.invoke('devices.revealSecret', id, {
      confirmed: true,
    })) as RevealOutcome;
    expect(outcome).toMatchObject({
      ok: true,
      secret: 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ',
      uri: `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub&algorithm=SHA1&digits=6&period=30`,
      hideAfterMs: 30_000,
    });
    if (!outcome.ok) return;
    expect(outcome.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    expect(outcome.qrSvg).not.toContain(RFC_SEED_B32);
  });

  it('copies the secret and clears the clipboard like a code', async () => {
    t = await startTestTessera();
    const id = await added();
    expect(await t.transport.invoke('devices.copySecret', id, { confirmed: true })).toEqual({
      ok: true,
      clearAfterMs: 30_000,
    });
    expect(await t.clipboard.readText()).toBe(RFC_SEED_B32);
    t.clock.advance(30_000);
    await t.app.stop();
    expect(await t.clipboard.readText()).toBe('');
    t = await startTestTessera();
  });

  it('says when there is no secret to reveal', async () => {
    const secrets = new InMemorySecretStore();
    const vault = new InMemoryVaultStore();
    t = await startTestTessera({ secrets, vault });
    const id = await added();
    await t.app.stop();
    await secrets.delete(id);
    t = await startTestTessera({ secrets, vault });
    expect(await t.transport.invoke('devices.revealSecret', id, { confirmed: true })).toMatchObject(
      { ok: false, reason: 'secret-missing' },
    );
  });
});
