/**
 * FsVaultStore on a real file system, in a temporary directory per test (integration). Covers
 * the write protocol and its failure modes (HOSTILE-INPUTS #29, #41–#43): crashes mid-write,
 * damaged files, newer versions, failing disks and concurrent writers in one or two processes.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type VaultDocument,
  addDevice,
  emptyVault,
  parseVault,
  serializeVault,
} from '../../../main/core/vault/vaultDocument';
import { FsVaultStore, VaultFileError } from '../../../main/node/fsVaultStore';
import { makeDevice } from '../../support/vaultFixtures';

const run = promisify(execFile);
const writerScript = fileURLToPath(new URL('../../support/vaultWriter.ts', import.meta.url));

interface WriterOutput {
  readonly ok: boolean;
  readonly ids: string[];
  readonly name?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** Runs test/support/vaultWriter.ts in a child process; `shellPrefix` runs before exec (ulimit). */
async function runWriter(dir: string, count: number, shellPrefix = ''): Promise<WriterOutput> {
  const { stdout } = await run(
    'bash',
    [
      '-c',
      `${shellPrefix} exec "$0" "$@"`,
      process.execPath,
      '--import',
      'tsx',
      writerScript,
      dir,
      String(count),
    ],
    { timeout: 30_000 },
  );
  return JSON.parse(stdout.trim()) as WriterOutput;
}

let root: string;
let dir: string;
let vaultPath: string;
let prevPath: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-vault-'));
  dir = path.join(root, 'Tessera');
  vaultPath = path.join(dir, 'vault.json');
  prevPath = path.join(dir, 'vault.prev.json');
});

afterEach(async () => {
  await fs.chmod(dir, 0o700).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

function add(id = randomUUID()): (document: VaultDocument) => VaultDocument {
  return document => addDevice(document, makeDevice(id));
}

async function readDocument(file: string): Promise<VaultDocument> {
  const outcome = parseVault(await fs.readFile(file, 'utf8'));
  if (!outcome.ok) throw new Error(`${file}: ${outcome.message}`);
  return outcome.document;
}

/** Everything in the directory, name → bytes, to prove that a failure changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const stat = await fs.stat(path.join(dir, name));
    files[name] = stat.isDirectory()
      ? '<dir>'
      : (await fs.readFile(path.join(dir, name))).toString('base64');
  }
  return files;
}

/** Two generations on disk: vault.prev.json holds generation 1, vault.json generation 2. */
async function twoGenerations(store = new FsVaultStore(dir)): Promise<VaultDocument> {
  await store.update(add());
  return store.update(add());
}

async function rejection(promise: Promise<unknown>): Promise<VaultFileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VaultFileError);
  return error as VaultFileError;
}

describe('FsVaultStore', () => {
  it('loads an empty vault when nothing was saved yet, without creating anything', async () => {
    const result = await new FsVaultStore(dir).load();
    expect(result).toEqual({ document: emptyVault() });
    await expect(fs.stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('round-trips a document through update and load', async () => {
    const store = new FsVaultStore(dir);
    const id = randomUUID();
    const written = await store.update(add(id));
    expect(written.generation).toBe(1);
    expect(written.devices.map(device => device.id)).toEqual([id]);
    expect(await new FsVaultStore(dir).load()).toEqual({ document: written });
    expect(await fs.readFile(vaultPath, 'utf8')).toBe(serializeVault(written));
  });

  it('creates the directory with mode 0700 and writes vault.json with mode 0600', async () => {
    await new FsVaultStore(dir).update(add());
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(vaultPath)).mode & 0o777).toBe(0o600);
  });

  it('keeps the previous generation in vault.prev.json', async () => {
    const store = new FsVaultStore(dir);
    const first = await store.update(add());
    const second = await store.update(add());
    expect(await readDocument(prevPath)).toEqual(first);
    expect(await readDocument(vaultPath)).toEqual(second);
    expect((await fs.stat(prevPath)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).sort()).toEqual(['vault.json', 'vault.prev.json']);
  });

  it('always increases the generation, even when the change does not', async () => {
    const store = new FsVaultStore(dir);
    await store.update(add());
    const written = await store.update(document => ({ ...document, devices: [] }));
    expect(written.generation).toBe(2);
  });

  it('writes nothing when the change returns the document unchanged', async () => {
    const written = await new FsVaultStore(dir).update(document => document);
    expect(written).toEqual(emptyVault());
    await expect(fs.stat(vaultPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes nothing, and rethrows the same error, when the change throws', async () => {
    const store = new FsVaultStore(dir);
    await twoGenerations(store);
    const before = await snapshot();
    const boom = new Error('change failed');
    await expect(
      store.update(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when the change produces a document that fails the schema', async () => {
    const store = new FsVaultStore(dir);
    await twoGenerations(store);
    const before = await snapshot();
    const error = await rejection(
      store.update(document => ({ ...document, devices: [{ id: 'not-a-uuid' }] as never })),
    );
    expect(error.reason).toBe('invalid-change');
    expect(error.message).toContain('devices.0');
    expect(await snapshot()).toEqual(before);
  });

  describe('after a crash', () => {
    it('ignores a temp file left by a crashed write, and removes it on the next write', async () => {
      const store = new FsVaultStore(dir);
      const written = await twoGenerations(store);
      const leftover = path.join(dir, 'vault.json.4242.0123456789ab.tmp');
      await fs.writeFile(leftover, '{"schemaVersion":1,"genera');
      expect(await store.load()).toEqual({ document: written });
      await store.update(add());
      await expect(fs.stat(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
    });

    const damage: readonly [string, (text: string) => string][] = [
      ['truncated to half', text => text.slice(0, Math.floor(text.length / 2))],
      ['empty (0 bytes)', () => ''],
      ['filled with NUL bytes', text => '\0'.repeat(text.length)],
      ['valid JSON of the wrong shape', () => '{"schemaVersion":1,"generation":"two"}'],
    ];

    it.each(damage)(
      'loads vault.prev.json and says so when vault.json is %s, changing no file',
      async (_label, corrupt) => {
        const store = new FsVaultStore(dir);
        await store.update(add());
        const first = await readDocument(vaultPath);
        await store.update(add());
        await fs.writeFile(vaultPath, corrupt(await fs.readFile(vaultPath, 'utf8')));
        const before = await snapshot();
        expect(await store.load()).toEqual({
          document: first,
          recoveredFrom: 'previous-generation',
        });
        expect(await snapshot()).toEqual(before);
      },
    );

    it('loads vault.prev.json when vault.json is missing', async () => {
      const store = new FsVaultStore(dir);
      const first = await store.update(add());
      await store.update(add());
      await fs.rm(vaultPath);
      expect(await store.load()).toEqual({ document: first, recoveredFrom: 'previous-generation' });
    });

    it('writes over a damaged vault.json from the previous generation, keeping the damaged file aside', async () => {
      const store = new FsVaultStore(dir);
      const first = await store.update(add());
      await store.update(add());
      await fs.writeFile(vaultPath, 'garbage');
      const written = await store.update(add());
      expect(written.generation).toBe(first.generation + 1);
      expect(written.devices.slice(0, 1)).toEqual(first.devices);
      expect(await readDocument(vaultPath)).toEqual(written);
      expect(await readDocument(prevPath)).toEqual(first);
      expect(await fs.readFile(path.join(dir, 'vault.damaged.json'), 'utf8')).toBe('garbage');
      expect(await store.load()).toEqual({ document: written });
    });

    it('refuses with VaultFileError when both generations are damaged, leaving both untouched', async () => {
      const store = new FsVaultStore(dir);
      await twoGenerations(store);
      await fs.writeFile(vaultPath, '\0\0\0\0');
      await fs.writeFile(prevPath, '{"schemaVersion":1,');
      const before = await snapshot();
      const loadError = await rejection(store.load());
      expect(loadError.reason).toBe('damaged');
      expect(loadError.message).toContain(vaultPath);
      expect(loadError.message).toContain('left untouched');
      expect((await rejection(store.update(add()))).reason).toBe('damaged');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses with VaultFileError when vault.json is missing and vault.prev.json is damaged', async () => {
      await twoGenerations();
      await fs.rm(vaultPath);
      await fs.writeFile(prevPath, '');
      expect((await rejection(new FsVaultStore(dir).load())).reason).toBe('damaged');
    });
  });

  it('refuses a vault written by a newer schema version and leaves it byte-identical', async () => {
    await fs.mkdir(dir, { recursive: true });
    const future = `${JSON.stringify({ schemaVersion: 2, generation: 9, devices: [], extra: 'x' })}\n`;
    await fs.writeFile(vaultPath, future, { mode: 0o600 });
    const store = new FsVaultStore(dir);
    const loadError = await rejection(store.load());
    expect(loadError.reason).toBe('newer-version');
    expect(loadError.message).toContain('newer');
    expect(loadError.message).toContain(vaultPath);
    expect(loadError.message).toContain('left untouched');
    expect((await rejection(store.update(add()))).reason).toBe('newer-version');
    expect(await fs.readFile(vaultPath, 'utf8')).toBe(future);
    expect(await fs.readdir(dir)).toEqual(['vault.json']);
  });

  it('does not fall back to an older generation when vault.json is from a newer version', async () => {
    await twoGenerations();
    await fs.writeFile(vaultPath, JSON.stringify({ schemaVersion: 99 }));
    expect((await rejection(new FsVaultStore(dir).load())).reason).toBe('newer-version');
  });

  describe('when the disk refuses the write', () => {
    /** True when chmod 0500 really stops this process writing (it does not for root). */
    async function chmodBlocksWrites(): Promise<boolean> {
      const probe = path.join(root, 'probe');
      await fs.mkdir(probe, { mode: 0o500 });
      try {
        await fs.writeFile(path.join(probe, 'x'), '');
        return false;
      } catch {
        return true;
      } finally {
        await fs.chmod(probe, 0o700);
      }
    }

    it('reports a failed save and leaves the vault untouched when the directory is read-only', async () => {
      const store = new FsVaultStore(dir);
      await twoGenerations(store);
      const before = await snapshot();
      if (await chmodBlocksWrites()) {
        await fs.chmod(dir, 0o500);
      } else {
        // Running as root, where permissions do not stop writes: put a directory where the
        // previous generation goes, so the write fails after the temp file was written.
        await fs.rm(prevPath);
        await fs.mkdir(prevPath);
        delete before['vault.prev.json'];
        before['vault.prev.json'] = '<dir>';
      }
      const error = await rejection(store.update(add()));
      expect(error.reason).toBe('write-failed');
      expect(error.message).toContain(dir);
      expect(error.message).toContain('left untouched');
      await fs.chmod(dir, 0o700);
      expect(await snapshot()).toEqual(before);
      expect(await store.load()).toEqual({ document: await readDocument(vaultPath) });
    });

    it('reports a failed save, removes its temp file and leaves the vault untouched when the disk is full', async () => {
      await twoGenerations();
      const before = await snapshot();
      // `ulimit -f 0` makes every write fail with EFBIG (as ENOSPC would), even for root.
      const output = await runWriter(dir, 1, 'ulimit -f 0 &&');
      expect(output).toMatchObject({ ok: false, name: 'VaultFileError', reason: 'write-failed' });
      expect(output.message).toContain('left untouched');
      expect(await snapshot()).toEqual(before);
    });

    it('reports a failed save when the directory path runs through a regular file', async () => {
      await fs.mkdir(root, { recursive: true });
      await fs.writeFile(path.join(root, 'file'), '');
      const error = await rejection(
        new FsVaultStore(path.join(root, 'file', 'Tessera')).update(add()),
      );
      expect(error.reason).toBe('write-failed');
    });
  });

  describe('with concurrent writers', () => {
    it('lands every update from two stores in one process (no lost update)', async () => {
      const a = new FsVaultStore(dir);
      const b = new FsVaultStore(dir);
      const ids = Array.from({ length: 20 }, () => randomUUID());
      await Promise.all(ids.map((id, index) => (index % 2 === 0 ? a : b).update(add(id))));
      const { document } = await a.load();
      expect(document.generation).toBe(20);
      expect(document.devices.map(device => device.id).sort()).toEqual([...ids].sort());
    });

    it('lands every update from two processes writing at once', async () => {
      const [first, second] = await Promise.all([runWriter(dir, 10), runWriter(dir, 10)]);
      expect(first).toMatchObject({ ok: true });
      expect(second).toMatchObject({ ok: true });
      const { document } = await new FsVaultStore(dir).load();
      expect(document.generation).toBe(20);
      expect(document.devices.map(device => device.id).sort()).toEqual(
        [...first.ids, ...second.ids].sort(),
      );
      expect((await fs.readdir(dir)).sort()).toEqual(['vault.json', 'vault.prev.json']);
    });

    it('breaks a lock left behind by a crashed process', async () => {
      await fs.mkdir(path.join(dir, 'vault.json.lock'), { recursive: true });
      const longAgo = new Date(Date.now() - 60_000);
      await fs.utimes(path.join(dir, 'vault.json.lock'), longAgo, longAgo);
      const written = await new FsVaultStore(dir).update(add());
      expect(written.generation).toBe(1);
    });

    it('gives up with reason "busy" while another process holds the lock, changing nothing', async () => {
      const store = new FsVaultStore(dir, { lockRetries: 2 });
      await store.update(add());
      const before = await snapshot();
      const release = await lockfile.lock(vaultPath, {
        lockfilePath: path.join(dir, 'vault.json.lock'),
        realpath: false,
      });
      try {
        const error = await rejection(store.update(add()));
        expect(error.reason).toBe('busy');
        expect(error.message).toContain('Try again');
      } finally {
        await release();
      }
      expect(await snapshot()).toEqual(before);
      expect((await store.update(add())).generation).toBe(2);
    });
  });
});
