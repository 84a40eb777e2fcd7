/**
 * FsSettingsStore on a real file system, in a temporary directory per test (integration):
 * defaults for missing or damaged files (the damaged bytes kept aside on the next write),
 * per-field fallback, atomic writes, and writers serialised by the lock.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_NTP_SERVER,
  defaultSettings,
  type Settings,
} from '../../../main/core/settings/settings';
import {
  DAMAGED_SETTINGS_FILE,
  FsSettingsStore,
  SETTINGS_FILE,
  SettingsFileError,
} from '../../../main/node/fsSettingsStore';

let root: string;
let dir: string;
let settingsPath: string;
let damagedPath: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-settings-'));
  dir = path.join(root, 'Tessera');
  settingsPath = path.join(dir, SETTINGS_FILE);
  damagedPath = path.join(dir, DAMAGED_SETTINGS_FILE);
});

afterEach(async () => {
  await fs.chmod(dir, 0o700).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

const withServer =
  (server: string) =>
  (current: Settings): Settings => ({ ...current, clock: { ...current.clock, server } });
const withOffset =
  (appliedOffsetMs: number) =>
  (current: Settings): Settings => ({ ...current, clock: { ...current.clock, appliedOffsetMs } });

async function writeRaw(text: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(settingsPath, text);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('FsSettingsStore', () => {
  it('loads the defaults when nothing was saved yet, without creating anything', async () => {
    expect(await new FsSettingsStore(dir).load()).toEqual(defaultSettings());
    await expect(fs.access(dir)).rejects.toThrow();
  });

  it('round-trips settings through update and load, across store instances', async () => {
    const written = await new FsSettingsStore(dir).update(withServer('pool.ntp.org'));
    expect(written.clock.server).toBe('pool.ntp.org');
    const loaded = await new FsSettingsStore(dir).load();
    expect(loaded).toEqual({
      ...defaultSettings(),
      clock: { server: 'pool.ntp.org', appliedOffsetMs: 0 },
    });
    expect(JSON.parse(await fs.readFile(settingsPath, 'utf8'))).toEqual(loaded);
  });

  it('creates the directory with mode 0700 and writes settings.json with mode 0600', async () => {
    await new FsSettingsStore(dir).update(withOffset(1_500));
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(settingsPath)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).sort()).toEqual([SETTINGS_FILE]);
  });

  it('validates what a change returns: invalid fields fall back to their defaults', async () => {
    const store = new FsSettingsStore(dir);
    await store.update(withServer('pool.ntp.org'));
    const written = await store.update(current => ({
      ...current,
      clock: { server: '', appliedOffsetMs: 1.5 },
    }));
    expect(written.clock).toEqual({ server: DEFAULT_NTP_SERVER, appliedOffsetMs: 0 });
  });

  it('writes nothing, and rethrows the same error, when the change throws', async () => {
    const store = new FsSettingsStore(dir);
    await store.update(withServer('pool.ntp.org'));
    const before = await fs.readFile(settingsPath, 'utf8');
    const failure = new Error('change failed');
    expect(
      await rejection(
        store.update(() => {
          throw failure;
        }),
      ),
    ).toBe(failure);
    expect(await fs.readFile(settingsPath, 'utf8')).toBe(before);
    expect((await store.update(withOffset(2_000))).clock.appliedOffsetMs).toBe(2_000);
  });

  describe('a hand-edited file', () => {
    it('keeps the valid fields and defaults the invalid ones, one field at a time', async () => {
      await writeRaw(
        JSON.stringify({
          schemaVersion: 1,
          clock: { server: 'ntp.example.test', appliedOffsetMs: 'x' },
        }),
      );
      expect((await new FsSettingsStore(dir).load()).clock).toEqual({
        server: 'ntp.example.test',
        appliedOffsetMs: 0,
      });
    });

    it('accepts a byte-order mark', async () => {
      await writeRaw(
        '\uFEFF' +
          JSON.stringify({ schemaVersion: 1, clock: { server: 'a.test', appliedOffsetMs: 5 } }),
      );
      expect((await new FsSettingsStore(dir).load()).clock.server).toBe('a.test');
    });

    it('fills in a missing section with its defaults', async () => {
      await writeRaw('{}');
      expect(await new FsSettingsStore(dir).load()).toEqual(defaultSettings());
    });
  });

  describe('a damaged file', () => {
    it.each([
      ['truncated JSON', '{"schemaVersion": 1, "clock": {'],
      ['not JSON at all', '\u0000\u0001binary'],
      ['an empty file', ''],
      ['a JSON array', '[1, 2, 3]'],
      ['JSON null', 'null'],
      ['a JSON string', '"time.aws.com"'],
    ])(
      'loads the defaults for %s, and keeps its bytes as settings.damaged.json on the next write',
      async (_label, text) => {
        await writeRaw(text);
        const store = new FsSettingsStore(dir);
        expect(await store.load()).toEqual(defaultSettings());
        expect(await fs.readFile(settingsPath, 'utf8')).toBe(text); // loading changes nothing
        const written = await store.update(withServer('pool.ntp.org'));
        expect(await fs.readFile(damagedPath, 'utf8')).toBe(text);
        expect(await store.load()).toEqual(written);
        expect(written.clock.server).toBe('pool.ntp.org');
      },
    );

    it('loads the defaults for a file far too large to be settings', async () => {
      await writeRaw(`{"pad": "${'x'.repeat(1024 * 1024)}"}`);
      expect(await new FsSettingsStore(dir).load()).toEqual(defaultSettings());
    });

    it('loads the defaults when settings.json is a directory, and still saves after moving it aside', async () => {
      await fs.mkdir(settingsPath, { recursive: true });
      const store = new FsSettingsStore(dir);
      expect(await store.load()).toEqual(defaultSettings());
      await store.update(withOffset(3_000));
      expect((await fs.stat(damagedPath)).isDirectory()).toBe(true);
      expect((await store.load()).clock.appliedOffsetMs).toBe(3_000);
    });

    it('does not move a valid file aside', async () => {
      const store = new FsSettingsStore(dir);
      await store.update(withOffset(1_000));
      await store.update(withOffset(2_000));
      await expect(fs.access(damagedPath)).rejects.toThrow();
    });
  });

  describe('writes', () => {
    it('removes a temp file left by a crashed write', async () => {
      await writeRaw(JSON.stringify(defaultSettings()));
      const leftover = path.join(dir, 'settings.json.4242.0123456789ab.tmp');
      await fs.writeFile(leftover, '{"half": ');
      const store = new FsSettingsStore(dir);
      expect(await store.load()).toEqual(defaultSettings());
      await store.update(withOffset(1_000));
      expect((await fs.readdir(dir)).sort()).toEqual([SETTINGS_FILE]);
    });

    it('reports a failed save with a SettingsFileError naming the folder', async () => {
      await fs.mkdir(root, { recursive: true });
      await fs.writeFile(path.join(root, 'file'), '');
      const blocked = path.join(root, 'file', 'Tessera');
      const error = await rejection(new FsSettingsStore(blocked).update(withOffset(1_000)));
      expect(error).toBeInstanceOf(SettingsFileError);
      expect((error as Error).message).toContain(blocked);
    });

    it('leaves settings.json untouched, with no temp file, when the write fails after the temp file', async () => {
      const store = new FsSettingsStore(dir);
      // Damaged, with a directory in the way of the aside copy: the rename fails even for root.
      await writeRaw('not json');
      await fs.mkdir(path.join(damagedPath, 'occupied'), { recursive: true });
      const error = await rejection(store.update(withOffset(2_000)));
      expect(error).toBeInstanceOf(SettingsFileError);
      expect(await fs.readFile(settingsPath, 'utf8')).toBe('not json');
      expect((await fs.readdir(dir)).sort()).toEqual([DAMAGED_SETTINGS_FILE, SETTINGS_FILE]);
    });
  });

  describe('with concurrent writers', () => {
    it('lands every update from two stores in one process (no lost update)', async () => {
      const a = new FsSettingsStore(dir);
      const b = new FsSettingsStore(dir);
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? a : b).update(current => ({
            ...current,
            clock: { ...current.clock, appliedOffsetMs: current.clock.appliedOffsetMs + 1 },
          })),
        ),
      );
      expect((await a.load()).clock.appliedOffsetMs).toBe(20);
    });

    it('gives up with a SettingsFileError while another process holds the lock, changing nothing', async () => {
      const store = new FsSettingsStore(dir, { lockRetries: 2 });
      await store.update(withOffset(1_000));
      const release = await lockfile.lock(settingsPath, {
        lockfilePath: path.join(dir, 'settings.json.lock'),
        realpath: false,
      });
      try {
        const error = await rejection(store.update(withOffset(2_000)));
        expect(error).toBeInstanceOf(SettingsFileError);
        expect((error as Error).message).toMatch(/another Tessera process/);
      } finally {
        await release();
      }
      expect((await store.load()).clock.appliedOffsetMs).toBe(1_000);
      expect((await store.update(withOffset(3_000))).clock.appliedOffsetMs).toBe(3_000);
    });

    it('breaks a lock left behind by a crashed process', async () => {
      await fs.mkdir(path.join(dir, 'settings.json.lock'), { recursive: true });
      const longAgo = new Date(Date.now() - 60_000);
      await fs.utimes(path.join(dir, 'settings.json.lock'), longAgo, longAgo);
      expect((await new FsSettingsStore(dir).update(withOffset(1))).clock.appliedOffsetMs).toBe(1);
    });
  });
});
