import { afterEach, describe, expect, it } from 'vitest';
import { OtpSecret } from '../../../main/core/secret';
import { recoveredDevice } from '../../../main/core/vault/reconcile';
import { addDevice, emptyVault, removeDevice } from '../../../main/core/vault/vaultDocument';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

const AWS_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const awsUri = (label: string) =>
  `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(label)}?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`;

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

async function snapshot() {
  return { vault: JSON.stringify((await t.vault.load()).document), items: t.secrets.size };
}

describe('DeviceService', () => {
  it('stores the seed in the keychain and only metadata in the vault', async () => {
    t = await startTestTessera();
    const outcome = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
    );
    expect(outcome).toMatchObject({
      ok: true,
      device: { issuer: 'GitHub', accountName: 'alice', secretStatus: 'ok' },
    });
    if (!outcome.ok) return;
    expect(t.secrets.size).toBe(1);
    const stored = await t.secrets.get(outcome.device.id);
    expect(
      stored?.equals(OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'))),
    ).toBe(true);
    expect(JSON.stringify((await t.vault.load()).document)).not.toContain(RFC_SEED_B32);
  });

  it('groups AWS devices under their account, several per account, parsed from the label', async () => {
    t = await startTestTessera();
    await t.app.devices.addFromUri(awsUri('alice@example.com@123456789012'));
    await t.app.devices.addFromUri(awsUri('root-mfa@123456789012'));
    await t.app.devices.addFromUri(awsUri('ci-bot@acme-prod'));
    const views = t.app.devices.list();
    expect(
      views.map(v => [v.group.key, v.aws?.deviceName, v.aws?.accountId ?? v.aws?.alias]),
    ).toEqual([
      ['aws:123456789012', 'alice@example.com', '123456789012'],
      ['aws:123456789012', 'root-mfa', '123456789012'],
      ['aws:acme-prod', 'ci-bot', 'acme-prod'],
    ]);
    expect(views.every(v => v.aws?.serialArn === null && v.aws.iamUser === null)).toBe(true);
  });

  it.each([
    ['not a URI', 'not-otpauth'],
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'not-otpauth'],
    ['otpauth://totp/x?secret=JBSWY3DP0HPK3PXP', 'bad-base32'],
    ['otpauth://totp/x?secret=', 'missing-secret'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', 'bad-digits'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'unsupported-algorithm'],
    ['otpauth://totp/%ZZ?secret=JBSWY3DPEHPK3PXP', 'bad-encoding'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'google-migration'],
  ])('rejects %s with reason %s and changes nothing', async (uri, reason) => {
    t = await startTestTessera();
    await t.app.devices.addFromUri(`otpauth://totp/Keep:me?secret=${RFC_SEED_B32}`);
    const before = await snapshot();
    const outcome = await t.app.devices.addFromUri(uri);
    expect(outcome).toMatchObject({ ok: false, reason });
    if (!outcome.ok) expect(outcome.message.length).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
  });

  it('adds a device typed in by hand with the same validation', async () => {
    t = await startTestTessera();
    const input = {
      type: 'totp',
      issuer: 'Example',
      accountName: 'bob',
      secret: 'jbsw y3dp ehpk 3pxp',
      algorithm: 'SHA256',
      digits: 8,
      periodSeconds: 60,
    } as const;
    expect(await t.app.devices.addManual(input)).toMatchObject({
      ok: true,
      device: { algorithm: 'SHA256', digits: 8, periodSeconds: 60 },
    });
    expect(await t.app.devices.addManual({ ...input, secret: 'JBSW!' })).toMatchObject({
      ok: false,
      reason: 'bad-base32',
    });
  });

  it('warns, but adds, when the same secret or label is already stored', async () => {
    t = await startTestTessera();
    await t.app.devices.addFromUri(`otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`);
    const again = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    expect(again.ok && again.warnings.map(w => w.kind)).toEqual([
      'duplicate-secret',
      'duplicate-label',
    ]);
  });

  it('renames, keeping display text free of control and bidi characters', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    if (!added.ok) throw new Error('setup');
    expect(
      await t.app.devices.rename(added.device.id, {
        issuer: 'Git\u202EHub',
        accountName: ' alice@work ',
      }),
    ).toEqual({ ok: true });
    expect(t.app.devices.list()[0]).toMatchObject({ issuer: 'GitHub', accountName: 'alice@work' });
    expect(
      await t.app.devices.rename(added.device.id, { issuer: ' ', accountName: '' }),
    ).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('removes the metadata and the keychain item', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    if (!added.ok) throw new Error('setup');
    expect(await t.app.devices.remove(added.device.id)).toEqual({ ok: true });
    expect(t.secrets.size).toBe(0);
    expect((await t.vault.load()).document).toMatchObject({
      devices: [],
      pendingSecretDeletes: [],
    });
    expect(await t.app.devices.remove(added.device.id)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('reports a locked keychain, refuses to add, and recovers when retried', async () => {
    const secrets = new InMemorySecretStore();
    secrets.unavailable = true;
    t = await startTestTessera({ secrets });
    expect(t.app.devices.status()).toMatchObject({ keychain: 'unavailable' });
    const outcome = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'keychain-unavailable' });
    secrets.unavailable = false;
    expect(await t.app.devices.retryKeychain()).toMatchObject({
      keychain: 'available',
      keychainMessage: null,
    });
  });
});

describe('start-up reconciliation', () => {
  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';
  const C = '33333333-3333-4333-8333-333333333333';
  const seed = () => OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));

  it('shows a device whose seed is missing as such and never deletes its metadata', async () => {
    const vault = new InMemoryVaultStore(addDevice(emptyVault(), recoveredDevice(A, 0, 1)));
    t = await startTestTessera({ vault });
    expect(t.app.devices.list()[0]?.secretStatus).toBe('missing');
    expect(t.app.devices.status().missingSecrets).toBe(1);
    expect((await vault.load()).document.devices).toHaveLength(1);
  });

  it('recovers a keychain item without metadata into the Recovered group', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.put(B, seed());
    t = await startTestTessera({ secrets });
    await t.app.reconciled;
    expect(t.app.devices.list()).toMatchObject([
      { id: B, group: { kind: 'recovered' }, secretStatus: 'ok' },
    ]);
    expect(t.app.devices.status().recoveredDevices).toBe(1);
  });

  it('finishes a delete interrupted by a crash instead of recovering the device', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.put(C, seed());
    const vault = new InMemoryVaultStore(
      removeDevice(addDevice(emptyVault(), recoveredDevice(C, 0, 1)), C),
    );
    t = await startTestTessera({ secrets, vault });
    expect(t.app.devices.list()).toEqual([]);
    expect(secrets.size).toBe(0);
    expect((await vault.load()).document.pendingSecretDeletes).toEqual([]);
  });
});
