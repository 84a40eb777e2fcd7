/**
 * bench:startup — time from service start to all codes available, with 1,000 devices in a real
 * keychain (Secret Service) and a real vault.json, next to the raw time to read the same 1,000
 * keychain items in the same run. Prints JSON. Run with `npm run bench:startup [-- --devices N]`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import keytar from 'keytar';
import type { Device } from '../main/core/device/device';
import { encodeBase32 } from '../main/core/otp/base32';
import { addDevice } from '../main/core/vault/vaultDocument';
import { FsVaultStore } from '../main/node/fsVaultStore';
import { KeytarSecretStore } from '../main/node/keytarSecretStore';
import { systemClock, systemTimers } from '../main/node/systemClock';
import { startTessera } from '../main/services/tesseraApp';
import { FakeTimeServer } from '../test/fakes/fakeTimeServer';
import { InMemorySettingsStore } from '../test/fakes/inMemorySettingsStore';
import { RecordingClipboard } from '../test/harness/recordingClipboard';
import { MemoryTransport } from '../test/support/memoryTransport';

const { values } = parseArgs({
  options: { devices: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' } },
});
const count = Number(values.devices);
const runs = Number(values.runs);
const service = `tessera-bench-${randomBytes(4).toString('hex')}`;
const home = await mkdtemp(join(tmpdir(), 'tessera-bench-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

try {
  // Setup (not measured): 1,000 devices, mixed like a real vault: AWS accounts and other issuers.
  const devices: Device[] = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await keytar.setPassword(service, id, encodeBase32(randomBytes(i % 3 === 0 ? 40 : 20)));
    const account = String(100000000000 + (i % 40));
    devices.push({
      id,
      type: 'totp',
      issuer: i % 3 === 0 ? 'Amazon Web Services' : `Service ${i % 50}`,
      accountName: i % 3 === 0 ? `user-${i}@${account}` : `user-${i}`,
      ...(i % 3 === 0 ? { aws: { accountId: account, deviceName: `user-${i}` } } : {}),
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: i % 10 === 0 ? 60 : 30,
      tags: [],
      favorite: false,
      order: i,
      createdAt: now,
      updatedAt: now,
    });
  }
  await new FsVaultStore(home).update(document => devices.reduce(addDevice, document));

  const ids = devices.map(device => device.id);
  const raw: number[] = [];
  const rawParallel: number[] = [];
  const startup: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first so cache warmth favours neither.
    const order = run % 2 === 0 ? ['raw', 'startup'] : ['startup', 'raw'];
    for (const which of order) {
      if (which === 'raw') {
        // The two ways keytar can read 1,000 items: one bulk search, or one read per item in
        // parallel (what Tessera does for known devices). The faster one is the reference.
        let t0 = performance.now();
        const items = await keytar.findCredentials(service);
        raw.push(performance.now() - t0);
        if (items.length !== count) throw new Error(`raw read saw ${items.length} items`);
        t0 = performance.now();
        const each = await Promise.all(ids.map(id => keytar.getPassword(service, id)));
        rawParallel.push(performance.now() - t0);
        if (each.some(item => item === null)) throw new Error('raw parallel read missed items');
      } else {
        const transport = new MemoryTransport();
        const t0 = performance.now();
        const app = await startTessera({
          vault: new FsVaultStore(home),
          secrets: new KeytarSecretStore(service),
          clock: systemClock,
          timers: systemTimers,
          clipboard: new RecordingClipboard(),
          settings: new InMemorySettingsStore(),
          timeServer: new FakeTimeServer(),
          clockAutoCheck: false,
          transport,
          log: { warn: () => undefined },
        });
        const codes = transport.lastEvent('codes.changed') as unknown[] | undefined;
        startup.push(performance.now() - t0);
        if (codes?.length !== count) throw new Error(`startup pushed ${codes?.length ?? 0} codes`);
        // The background orphan scan is not part of "codes available", but must not overlap
        // the next measurement.
        await app.stop();
      }
    }
  }
  const reference = Math.min(median(raw), median(rawParallel));
  console.log(
    JSON.stringify(
      {
        benchmark: 'startup',
        devices: count,
        runs,
        rawKeychainReadMs: {
          bulkFindCredentials: { median: round(median(raw)), min: round(Math.min(...raw)) },
          parallelGetPassword: {
            median: round(median(rawParallel)),
            min: round(Math.min(...rawParallel)),
          },
          reference: round(reference),
        },
        startToAllCodesMs: { median: round(median(startup)), min: round(Math.min(...startup)) },
        samplesMs: { startup: startup.map(round), parallelGetPassword: rawParallel.map(round) },
        // Each run measures both side by side, so the median of per-run ratios cancels out the
        // load other processes put on this shared machine between runs.
        ratio:
          Math.round(
            median(
              startup.map((ms, i) => ms / Math.min(rawParallel[i] ?? Infinity, raw[i] ?? Infinity)),
            ) * 100,
          ) / 100,
        ratioOfMedians: Math.round((median(startup) / reference) * 100) / 100,
        target: 'ratio ≤ 1.2 (start to all codes vs the faster raw read of the same items)',
      },
      null,
      2,
    ),
  );
} finally {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
  await rm(home, { recursive: true, force: true });
}
