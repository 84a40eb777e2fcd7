/**
 * The app and the CLI share one keychain service and one vault.json: what one process writes,
 * the other must never misread (a device "missing" its seed, a seed deleted by a rollback, an
 * HOTP code handed out twice).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceService } from '../../../main/services/deviceService';
import { OtpSecret } from '../../../main/core/secret';
import { planReconcile } from '../../../main/core/vault/reconcile';
import { emptyVault } from '../../../main/core/vault/vaultDocument';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

const cli = (t: TestTessera, secrets: 'known' | 'on-demand' = 'known') =>
  DeviceService.open(
    { vault: t.vault, secrets: t.secrets, clock: t.clock, newId: randomUUID },
    { secrets },
  );

describe('one vault, two processes', () => {
  it('reads the seed of a device another process added as soon as it sees its metadata', async () => {
    t = await startTestTessera();
    const other = await cli(t);
    expect((await other.addFromUri(`otpauth://totp/Bob:bob?secret=${RFC_SEED_B32}`)).ok).toBe(true);
    const own = await t.app.devices.addFromUri(`otpauth://totp/Alice:alice?secret=${RFC_SEED_B32}`);
    expect(own.ok).toBe(true);
    expect(t.app.devices.list().map(d => [d.issuer, d.secretStatus])).toEqual([
      ['Bob', 'ok'],
      ['Alice', 'ok'],
    ]);
    expect(t.app.devices.status().missingSecrets).toBe(0);
  });

  it("picks up another process's changes on reload", async () => {
    t = await startTestTessera();
    const other = await cli(t);
    await other.addFromUri(`otpauth://totp/Bob:bob?secret=${RFC_SEED_B32}`);
    expect(t.app.devices.list()).toEqual([]);
    await t.app.devices.reload();
    expect(t.app.devices.list()).toMatchObject([{ issuer: 'Bob', secretStatus: 'ok' }]);
  });

  it('lets an add replace the Recovered placeholder another process made of its seed', async () => {
    t = await startTestTessera();
    const other = await cli(t);
    // The other process's seed is stored, and this app's orphan scan runs before its metadata lands.
    const racing = other.addFromUri(`otpauth://totp/Bob:bob?secret=${RFC_SEED_B32}`);
    await t.app.devices.recoverOrphans();
    const added = await racing;
    expect(added.ok).toBe(true);
    await t.app.devices.reload();
    expect(t.app.devices.list()).toMatchObject([
      { issuer: 'Bob', group: { kind: 'issuer' }, secretStatus: 'ok' },
    ]);
    expect(t.secrets.size).toBe(1);
  });

  it('never hands out the same HOTP code twice, even to two processes', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://hotp/H:h?secret=${RFC_SEED_B32}&counter=0`,
    );
    if (!added.ok) throw new Error('setup');
    const other = await cli(t, 'on-demand');
    const results = await Promise.all([
      t.app.devices.consumeHotp(added.device.id, 0),
      other.consumeHotp(added.device.id, 0),
      t.app.devices.consumeHotp(added.device.id, 0),
    ]);
    const counters = results.map(r => (r.ok ? r.counter : -1)).sort();
    expect(counters).toEqual([0, 1, 2]);
    expect((await t.vault.load()).document.devices[0]).toMatchObject({ counter: 3 });
  });

  it('consumes an HOTP code when it is copied, saving the counter first', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://hotp/H:h?secret=${RFC_SEED_B32}&counter=0`,
    );
    if (!added.ok) throw new Error('setup');
    await t.transport.invoke('codes.copy', added.device.id, 'current');
    expect(t.clipboard.text).toBe('755224'); // RFC 4226, counter 0
    await t.transport.invoke('codes.copy', added.device.id, 'current');
    expect(t.clipboard.text).toBe('287082'); // counter 1: never the same code twice
    expect(t.app.codes.current()[0]).toMatchObject({ counter: 2, code: '359152' });
  });
});

describe('robustness found in review', () => {
  it('treats keychain items whose names are not strict device ids as foreign', () => {
    const plan = planReconcile(
      emptyVault(),
      new Set(['aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', randomUUID()]),
    );
    expect(plan.foreign).toEqual(['aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa']);
    expect(plan.orphans).toHaveLength(1);
  });

  it('recovers real orphans even when a foreign item sits beside them', async () => {
    t = await startTestTessera();
    await t.secrets.put(
      'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
      OtpSecret.fromBytes(new Uint8Array(20).fill(7)),
    );
    const orphan = randomUUID();
    await t.secrets.put(orphan, OtpSecret.fromBytes(new Uint8Array(20).fill(9)));
    expect(await t.app.devices.recoverOrphans()).toBe(1);
    expect(t.app.devices.list()).toMatchObject([{ id: orphan, group: { kind: 'recovered' } }]);
  });

  it('refuses a rename that normalisation makes too long, instead of throwing', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(`otpauth://totp/A:a?secret=${RFC_SEED_B32}`);
    if (!added.ok) throw new Error('setup');
    const renamed = { issuer: '\u0958'.repeat(200), accountName: 'a' };
    expect(await t.app.devices.rename(added.device.id, renamed)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const outcome = await t.transport.invoke('devices.edit', added.device.id, {
      ...renamed,
      group: '',
      tags: [],
      aws: null,
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid', field: 'issuer' });
    expect(t.app.devices.list()[0]?.issuer).toBe('A');
  });

  it('flags a code older than one already copied, whatever the order of copies', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(`otpauth://totp/A:a?secret=${RFC_SEED_B32}`);
    if (!added.ok) throw new Error('setup');
    const id = added.device.id;
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({ ok: true });
    expect(await t.transport.invoke('codes.copy', id, 'next')).toMatchObject({ ok: true });
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({
      ok: false,
      reason: 'already-used',
    });
    expect(await t.transport.invoke('codes.copy', id, 'next')).toMatchObject({
      ok: false,
      reason: 'already-used',
    });
  });
});
