import { afterEach, describe, expect, it } from 'vitest';
import { contract, invokeChannels } from '../../../preload/contract/contract';
import { IpcArgumentError } from '../../../main/ipc/router';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

describe('registerHandlers', () => {
  it('registers exactly one handler for every invoke channel of the contract', async () => {
    t = await startTestTessera();
    expect(t.transport.registered.sort()).toEqual([...invokeChannels].sort());
  });

  it('rejects arguments that do not match the contract before any service runs', async () => {
    t = await startTestTessera();
    const before = JSON.stringify((await t.vault.load()).document);
    await expect(
      t.transport.invoke('devices.edit', 'not-a-uuid', {
        issuer: 'x',
        accountName: 'y',
        group: '',
        tags: [],
        aws: null,
      }),
    ).rejects.toThrow(IpcArgumentError);
    await expect(t.transport.invoke('devices.addFromUri', 42)).rejects.toThrow(IpcArgumentError);
    await expect(t.transport.invoke('devices.addFromUri', 'x'.repeat(10_000))).rejects.toThrow(
      IpcArgumentError,
    );
    await expect(t.transport.invoke('devices.addFromUri')).rejects.toThrow(IpcArgumentError);
    await expect(
      t.transport.invoke('codes.copy', '00000000-0000-4000-8000-000000000001', 'current', 'extra'),
    ).rejects.toThrow(IpcArgumentError);
    await expect(
      t.transport.invoke('codes.copy', '00000000-0000-4000-8000-000000000001', 'previous'),
    ).rejects.toThrow(IpcArgumentError);
    await expect(
      t.transport.invoke('devices.addManual', { type: 'totp', __proto__: { polluted: true } }),
    ).rejects.toThrow(IpcArgumentError);
    expect(JSON.stringify((await t.vault.load()).document)).toBe(before);
  });

  it('logs only the channel and the number of problems, never argument values', async () => {
    t = await startTestTessera();
    await t.transport.invoke('devices.addFromUri', { secret: RFC_SEED_B32 }).catch(() => undefined);
    expect(t.warnings).toEqual([
      { event: 'ipc.rejected', fields: { channel: 'devices.addFromUri', issues: 1 } },
    ]);
    expect(JSON.stringify(t.warnings)).not.toContain(RFC_SEED_B32);
  });

  it('returns results that match the contract', async () => {
    t = await startTestTessera();
    const added = await t.transport.invoke(
      'devices.addFromUri',
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    expect(contract['devices.addFromUri'].result.safeParse(added).success).toBe(true);
    expect(
      contract['devices.list'].result.safeParse(await t.transport.invoke('devices.list')).success,
    ).toBe(true);
    expect(
      contract['codes.current'].result.safeParse(await t.transport.invoke('codes.current')).success,
    ).toBe(true);
    expect(
      contract['app.status'].result.safeParse(await t.transport.invoke('app.status')).success,
    ).toBe(true);
  });
});

describe('codes.copy', () => {
  it('copies the current or the next code to the clipboard and clears it later if unchanged', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    if (!added.ok) throw new Error('setup');
    const [code] = t.app.codes.current();
    expect(await t.transport.invoke('codes.copy', added.device.id, 'current')).toEqual({
      ok: true,
      which: 'current',
      clearAfterMs: 30_000,
    });
    expect(t.clipboard.text).toBe(code?.code);
    expect(await t.transport.invoke('codes.copy', added.device.id, 'next')).toMatchObject({
      ok: true,
      which: 'next',
    });
    expect(t.clipboard.text).toBe(code?.nextCode);
    t.clock.advance(30_000);
    await Promise.resolve();
    await Promise.resolve();
    expect(t.clipboard.text).toBe('');
    expect(t.app.devices.list()[0]?.lastUsedAt).not.toBeNull();
  });

  it('leaves the clipboard alone when the user copied something else in the meantime', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}`,
    );
    if (!added.ok) throw new Error('setup');
    await t.transport.invoke('codes.copy', added.device.id, 'current');
    await t.clipboard.writeText('something the user copied');
    t.clock.advance(30_000);
    await Promise.resolve();
    expect(t.clipboard.text).toBe('something the user copied');
  });

  it('says why there is nothing to copy', async () => {
    t = await startTestTessera();
    expect(
      await t.transport.invoke('codes.copy', '00000000-0000-4000-8000-00000000ffff', 'current'),
    ).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
