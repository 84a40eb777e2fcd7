/**
 * The device list's services: favourites, manual order and display settings, through the IPC
 * router (arguments validated as the renderer would send them) over in-memory adapters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../main/core/settings/settings';
import { InMemorySettingsStore } from '../../fakes/inMemorySettingsStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

async function addThree(): Promise<string[]> {
  const ids: string[] = [];
  for (const name of ['a', 'b', 'c']) {
    const outcome = await t.app.devices.addFromUri(
      `otpauth://totp/Site:${name}?secret=${RFC_SEED_B32}&issuer=Site`,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    ids.push(outcome.device.id);
  }
  return ids;
}

const names = () => t.app.devices.list().map(view => view.accountName);

describe('DeviceService.setFavorite', () => {
  it('pins and unpins a device, persisted in vault.json, and tells the window', async () => {
    t = await startTestTessera();
    const [a] = await addThree();
    expect(await t.transport.invoke('devices.setFavorite', a, true)).toEqual({ ok: true });
    expect((await t.vault.load()).document.devices.find(d => d.id === a)?.favorite).toBe(true);
    const pushed = t.transport.lastEvent('devices.changed') as { id: string; favorite: boolean }[];
    expect(pushed.find(view => view.id === a)?.favorite).toBe(true);
    await t.transport.invoke('devices.setFavorite', a, false);
    expect(t.app.devices.list().find(view => view.id === a)?.favorite).toBe(false);
  });

  it('says "not found" for an unknown device and refuses a non-boolean', async () => {
    t = await startTestTessera();
    await addThree();
    const unknown = '00000000-0000-4000-8000-999999999999';
    expect(await t.transport.invoke('devices.setFavorite', unknown, true)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    await expect(t.transport.invoke('devices.setFavorite', unknown, 'yes')).rejects.toThrow(
      /Invalid arguments/,
    );
  });
});

describe('DeviceService.move', () => {
  it('moves a device before or after another, or to an index, and keeps the order in vault.json', async () => {
    const vault = new InMemoryVaultStore();
    t = await startTestTessera({ vault });
    const [a, b, c] = await addThree();
    await t.transport.invoke('devices.move', c, { before: a });
    expect(names()).toEqual(['c', 'a', 'b']);
    await t.transport.invoke('devices.move', c, { after: b });
    expect(names()).toEqual(['a', 'b', 'c']);
    await t.transport.invoke('devices.move', a, { toIndex: 1 });
    expect(names()).toEqual(['b', 'a', 'c']);
    const stored = (await vault.load()).document.devices;
    expect(stored.map(d => [d.accountName, d.order]).sort()).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 2],
    ]);
    await t.app.stop();
    t = await startTestTessera({ vault });
    expect(names()).toEqual(['b', 'a', 'c']);
  });

  it('changes nothing when the anchor is unknown, and refuses targets outside the contract', async () => {
    t = await startTestTessera();
    const [a] = await addThree();
    const before = JSON.stringify((await t.vault.load()).document);
    expect(
      await t.transport.invoke('devices.move', a, {
        before: '00000000-0000-4000-8000-999999999999',
      }),
    ).toMatchObject({ ok: false, reason: 'not-found' });
    for (const target of [{ toIndex: -1 }, { before: a, after: a }, { toIndex: 1.5 }, {}]) {
      await expect(t.transport.invoke('devices.move', a, target)).rejects.toThrow(
        /Invalid arguments/,
      );
    }
    expect(JSON.stringify((await t.vault.load()).document)).toBe(before);
  });
});

describe('SettingsService', () => {
  it('starts from settings.json and saves a patch without touching the clock settings', async () => {
    const settings = new InMemorySettingsStore({
      ...defaultSettings(),
      clock: { server: 'ntp.example', appliedOffsetMs: 0 },
      display: { ...defaultSettings().display, theme: 'dark' },
    });
    t = await startTestTessera({ settings });
    expect(await t.transport.invoke('settings.get')).toMatchObject({ theme: 'dark' });
    const outcome = await t.transport.invoke('settings.update', {
      defaultSort: 'recent',
      collapsedGroups: ['aws:123456789012'],
    });
    expect(outcome).toMatchObject({
      ok: true,
      settings: { theme: 'dark', defaultSort: 'recent', collapsedGroups: ['aws:123456789012'] },
    });
    const stored = await settings.load();
    expect(stored.clock.server).toBe('ntp.example');
    expect(stored.display.defaultSort).toBe('recent');
    expect(t.transport.lastEvent('settings.changed')).toMatchObject({ defaultSort: 'recent' });
  });

  it('refuses invalid or unknown fields at the boundary and writes nothing', async () => {
    const settings = new InMemorySettingsStore();
    t = await startTestTessera({ settings });
    for (const patch of [
      { theme: 'purple' },
      { clipboardClearSeconds: 1 },
      { clipboardClearSeconds: 10_000 },
      { fontSize: 12 },
      { collapsedGroups: [''] },
    ]) {
      await expect(t.transport.invoke('settings.update', patch)).rejects.toThrow(
        /Invalid arguments/,
      );
    }
    expect(settings.writes).toBe(0);
  });

  it('drives the clipboard clear delay: cleared after the chosen seconds, or never', async () => {
    t = await startTestTessera();
    const [a] = await addThree();
    await t.transport.invoke('settings.update', { clipboardClearSeconds: 10 });
    expect(await t.transport.invoke('codes.copy', a, 'current')).toMatchObject({
      ok: true,
      clearAfterMs: 10_000,
    });
    const copied = t.clipboard.text;
    expect(copied).toMatch(/^\d{6}$/);
    t.clock.advance(9_000);
    await Promise.resolve();
    expect(t.clipboard.text).toBe(copied);
    t.clock.advance(1_100);
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(t.clipboard.text).toBe('');

    await t.transport.invoke('settings.update', { clipboardClearSeconds: null });
    t.clock.advance(30_000);
    expect(
      await t.transport.invoke('codes.copy', a, 'current', { allowReuse: true }),
    ).toMatchObject({ ok: true, clearAfterMs: null });
    t.clock.advance(600_000);
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(t.clipboard.text).toMatch(/^\d{6}$/);
  });

  it('applies the saved delay at start-up', async () => {
    const settings = new InMemorySettingsStore({
      ...defaultSettings(),
      display: { ...defaultSettings().display, clipboardClearSeconds: 45 },
    });
    t = await startTestTessera({ settings });
    const [a] = await addThree();
    expect(await t.transport.invoke('codes.copy', a, 'current')).toMatchObject({
      clearAfterMs: 45_000,
    });
  });

  it('reports a settings file that cannot be written, and keeps the settings in use', async () => {
    const settings = new InMemorySettingsStore();
    settings.update = () => Promise.reject(new Error('disk full'));
    t = await startTestTessera({ settings });
    expect(await t.transport.invoke('settings.update', { theme: 'light' })).toMatchObject({
      ok: false,
      message: /could not save/,
    });
    expect(await t.transport.invoke('settings.get')).toMatchObject({ theme: 'system' });
  });
});
