/**
 * bench:backup — backup and restore of 1,000 devices with the default KDF (Argon2id 64 MiB, t=3,
 * p=1). "backup" = payload serialization + key derivation + AES-256-GCM + envelope JSON (the file
 * text, not written); "restore" = header checks + checksum + key derivation + key check + AES-GCM
 * + JSON parse + zod validation of every device + base32 decoding of every seed. Each is also
 * reported without the key derivation, next to the key derivation alone measured in the same run
 * (the reference). Storing a restore (1,000 keychain writes into a real Secret Service, then one
 * vault.json write) is reported separately: it is the keychain's cost, not the format's.
 * Prints JSON. `npm run bench:backup [-- --devices N --runs R]`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import keytar from 'keytar';
import { openWithKeys, readBackupHeader, sealPayload } from '../main/core/backup/envelope';
import { DEFAULT_KDF, deriveBackupKeys, wipeKeys } from '../main/core/backup/kdf';
import { encodePayload, type BackupDevice } from '../main/core/backup/payload';
import { Device } from '../main/core/device/device';
import { OtpSecret } from '../main/core/secret';
import { FsVaultStore } from '../main/node/fsVaultStore';
import { KeytarSecretStore } from '../main/node/keytarSecretStore';
import { systemClock } from '../main/node/systemClock';
import { DeviceService } from '../main/services/deviceService';

const { values } = parseArgs({
  options: { devices: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } },
});
const count = Number(values.devices);
const runs = Number(values.runs);
const PASSPHRASE = 'correct horse battery staple';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

const now = Date.now();
const devices: BackupDevice[] = Array.from({ length: count }, (_, i) => {
  const account = String(100000000000 + (i % 40));
  const aws = i % 3 === 0;
  return {
    device: Device.parse({
      id: randomUUID(),
      type: i % 25 === 0 ? 'hotp' : 'totp',
      ...(i % 25 === 0 ? { counter: i } : { periodSeconds: i % 10 === 0 ? 60 : 30 }),
      issuer: aws ? 'Amazon Web Services' : `Service ${i % 50}`,
      accountName: aws ? `user-${i}@${account}` : `user-${i}@example.com`,
      ...(aws
        ? {
            aws: {
              accountId: account,
              deviceName: `user-${i}`,
              principal: { kind: 'iam-user', userName: `user-${i}` },
              serialArn: `arn:aws:iam::${account}:mfa/user-${i}`,
            },
          }
        : {}),
      algorithm: 'SHA1',
      digits: 6,
      tags: i % 7 === 0 ? ['work'] : [],
      favorite: i % 11 === 0,
      order: i,
      createdAt: now,
      updatedAt: now,
    }),
    secret: OtpSecret.fromBytes(randomBytes(i % 3 === 0 ? 40 : 20)),
  };
});

const samples = {
  backup: [] as number[],
  backupKdf: [] as number[],
  restore: [] as number[],
  restoreKdf: [] as number[],
  kdfAlone: [] as number[],
};
let fileBytes = 0;
for (let run = 0; run < runs; run++) {
  const params = {
    kdf: DEFAULT_KDF,
    salt: new Uint8Array(randomBytes(16)),
    nonce: new Uint8Array(randomBytes(12)),
  };

  let started = performance.now();
  const plaintext = encodePayload(devices, now);
  const kdfStart = performance.now();
  const keys = await deriveBackupKeys(PASSPHRASE, params.salt, params.kdf);
  const kdfEnd = performance.now();
  const text = sealPayload(plaintext, keys, params);
  samples.backup.push(performance.now() - started);
  samples.backupKdf.push(kdfEnd - kdfStart);
  wipeKeys(keys);
  fileBytes = text.length;

  const bytes = new TextEncoder().encode(text);
  started = performance.now();
  const header = readBackupHeader(bytes);
  if (!header.ok) throw new Error(header.message);
  const restoreKdfStart = performance.now();
  const restoreKeys = await deriveBackupKeys(PASSPHRASE, header.value.salt, header.value.kdf);
  const restoreKdfEnd = performance.now();
  const opened = openWithKeys(header.value, restoreKeys);
  samples.restore.push(performance.now() - started);
  samples.restoreKdf.push(restoreKdfEnd - restoreKdfStart);
  if (!opened.ok || opened.value.devices.length !== count) throw new Error('restore failed');
  wipeKeys(restoreKeys);

  started = performance.now();
  wipeKeys(await deriveBackupKeys(PASSPHRASE, params.salt, params.kdf));
  samples.kdfAlone.push(performance.now() - started);
}

// Storing a restore: 1,000 keychain writes + one vault.json write, into a throwaway service.
const storeMs = await timeRestoreStore();

/** Stores the devices into a throwaway keychain service and home, then removes them again. */
async function timeRestoreStore(): Promise<number> {
  const service = `tessera-bench-${randomBytes(4).toString('hex')}`;
  const home = await mkdtemp(join(tmpdir(), 'tessera-bench-backup-'));
  try {
    const deviceService = await DeviceService.open({
      vault: new FsVaultStore(home),
      secrets: new KeytarSecretStore(service),
      clock: systemClock,
      newId: randomUUID,
    });
    const started = performance.now();
    await deviceService.storeMany(devices, []);
    return performance.now() - started;
  } finally {
    for (const { account } of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, account);
    }
    await rm(home, { recursive: true, force: true });
  }
}

const backupMs = median(samples.backup);
const restoreMs = median(samples.restore);
const kdfMs = median(samples.kdfAlone);
const backupExKdf = median(samples.backup.map((t, i) => t - (samples.backupKdf[i] ?? 0)));
const restoreExKdf = median(samples.restore.map((t, i) => t - (samples.restoreKdf[i] ?? 0)));
console.log(
  JSON.stringify(
    {
      bench: 'backup',
      devices: count,
      runs,
      kdf: { name: 'argon2id', ...DEFAULT_KDF },
      fileBytes,
      included:
        'backup: serialize + Argon2id + AES-256-GCM + envelope JSON; restore: header/checksum + Argon2id + key check + AES-256-GCM + parse + zod validation + base32 decode. Keychain writes excluded (see restoreStore).',
      backupMs: round(backupMs),
      backupExcludingKdfMs: round(backupExKdf),
      restoreMs: round(restoreMs),
      restoreExcludingKdfMs: round(restoreExKdf),
      reference: { name: 'Argon2id alone (default parameters), same run', ms: round(kdfMs) },
      ratios: { backupToKdf: round(backupMs / kdfMs), restoreToKdf: round(restoreMs / kdfMs) },
      targets: { totalMs: 1500, excludingKdfMs: 100 },
      meetsTargets:
        backupMs <= 1500 && restoreMs <= 1500 && backupExKdf <= 100 && restoreExKdf <= 100,
      restoreStore: {
        what: `DeviceService.storeMany: ${count} keychain writes (Secret Service) + one vault.json write`,
        ms: round(storeMs),
      },
    },
    null,
    2,
  ),
);
