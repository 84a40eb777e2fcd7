/**
 * The `.tessera` envelope: round trip, and a distinct error for each way a file can be wrong
 * (FORMAT.md's table), with nothing decrypted and no key derived for hostile KDF parameters.
 */
import { describe, expect, it } from 'vitest';
import {
  openBackup,
  readBackupHeader,
  sealBackup,
  type BackupFailureReason,
} from '../../../../main/core/backup/envelope';
import { DEFAULT_KDF } from '../../../../main/core/backup/kdf';
import type { BackupDevice } from '../../../../main/core/backup/payload';
import { Device } from '../../../../main/core/device/device';
import { OtpSecret } from '../../../../main/core/secret';
import {
  encodeText,
  fastParams,
  flipBase64,
  rechecksum,
  serialize,
  type BackupJson,
} from '../../../support/backupFiles';
import { makeDevice } from '../../../support/vaultFixtures';

const hotpDevice = Device.parse({
  ...makeDevice('22222222-2222-4222-8222-222222222222'),
  type: 'hotp',
  counter: 7,
});
const PASS = 'tr0ub4dor & 3';
const seed = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
const devices: BackupDevice[] = [
  { device: makeDevice('11111111-1111-4111-8111-111111111111'), secret: OtpSecret.fromBytes(seed) },
  {
    device: hotpDevice,
    secret: OtpSecret.fromBytes(seed.map(b => b ^ 0xff)),
  },
];

async function sealed(): Promise<BackupJson> {
  return JSON.parse(await sealBackup(devices, PASS, fastParams(), 1_767_225_600_000)) as BackupJson;
}

async function reasonOf(bytes: Uint8Array, passphrase = PASS): Promise<BackupFailureReason | 'ok'> {
  const outcome = await openBackup(bytes, passphrase);
  return outcome.ok ? 'ok' : outcome.reason;
}

describe('tessera backup envelope', () => {
  it('restores every device and seed it sealed', async () => {
    const outcome = await openBackup(serialize(await sealed()), PASS);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.createdAtMs).toBe(1_767_225_600_000);
    expect(outcome.value.devices.map(d => d.device)).toEqual(devices.map(d => d.device));
    outcome.value.devices.forEach((restored, i) => {
      expect(restored.secret.equals(devices[i]!.secret)).toBe(true);
    });
  });

  it('accepts the passphrase in either Unicode normalisation form', async () => {
    const text = await sealBackup(devices, 'caf\u00e9', fastParams(), 0);
    expect(await reasonOf(encodeText(text), 'cafe\u0301')).toBe('ok');
  });

  it('says "wrong passphrase" for a wrong passphrase', async () => {
    const outcome = await openBackup(serialize(await sealed()), 'not it');
    expect(outcome).toMatchObject({ ok: false, reason: 'wrong-password' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/wrong passphrase/i);
  });

  it('asks for a passphrase when none is given', async () => {
    expect(await reasonOf(serialize(await sealed()), '')).toBe('password-required');
  });

  it('says "truncated" for an empty file, a file cut in half and a cut ciphertext', async () => {
    const full = serialize(await sealed());
    expect(await reasonOf(new Uint8Array(0))).toBe('truncated');
    expect(await reasonOf(full.subarray(0, full.length >> 1))).toBe('truncated');
    expect(await reasonOf(full.subarray(0, full.length - 30))).toBe('truncated');
    const short = await sealed();
    short.ciphertext = Buffer.from(short.ciphertext, 'base64').subarray(0, 10).toString('base64');
    expect(await reasonOf(serialize(rechecksum(short)))).toBe('truncated');
  });

  const regions: [string, (file: BackupJson) => void][] = [
    ['salt', f => (f.kdf.salt = flipBase64(f.kdf.salt as string, 3))],
    ['memory size', f => (f.kdf.memoryKiB = (f.kdf.memoryKiB as number) ^ 2)],
    ['iterations', f => (f.kdf.iterations = (f.kdf.iterations as number) ^ 2)],
    ['nonce', f => (f.cipher.nonce = flipBase64(f.cipher.nonce as string, 5, 7))],
    ['key check', f => (f.keyCheck = flipBase64(f.keyCheck, 0))],
    ['ciphertext', f => (f.ciphertext = flipBase64(f.ciphertext, 10, 3))],
    ['tag', f => (f.ciphertext = flipBase64(f.ciphertext, -1, 6))],
    ['checksum', f => (f.checksum = flipBase64(f.checksum, 31))],
  ];
  for (const [region, change] of regions) {
    it(`says "damaged" for a one-bit change in the ${region}`, async () => {
      const file = await sealed();
      change(file);
      const outcome = await openBackup(serialize(file), PASS);
      expect(outcome).toMatchObject({ ok: false, reason: 'damaged' });
      expect(outcome.ok ? '' : outcome.message).toMatch(/damaged or was modified/);
    });
  }

  const deliberate: [string, (file: BackupJson) => void, BackupFailureReason][] = [
    ['nonce', f => (f.cipher.nonce = flipBase64(f.cipher.nonce as string, 0)), 'tampered'],
    ['ciphertext', f => (f.ciphertext = flipBase64(f.ciphertext, 0)), 'tampered'],
    ['tag', f => (f.ciphertext = flipBase64(f.ciphertext, -16)), 'tampered'],
    // The key follows the salt and parameters: a changed salt is a different key.
    ['salt', f => (f.kdf.salt = flipBase64(f.kdf.salt as string, 0)), 'wrong-password'],
    ['key check', f => (f.keyCheck = flipBase64(f.keyCheck, 0)), 'wrong-password'],
  ];
  for (const [region, change, reason] of deliberate) {
    it(`says "${reason}" when the ${region} is changed and the checksum recomputed`, async () => {
      const file = await sealed();
      change(file);
      expect(await reasonOf(serialize(rechecksum(file)))).toBe(reason);
    });
  }

  it('refuses a header field it does not know, even with a valid checksum', async () => {
    const file = await sealed();
    file.compression = 'zstd';
    expect(await reasonOf(serialize(rechecksum(file)))).toBe('malformed');
  });

  it('says "wrong format" for an Aegis vault, random bytes and NUL bytes', async () => {
    const aegis = encodeText(JSON.stringify({ version: 1, header: { slots: null }, db: {} }));
    const outcome = await openBackup(aegis, PASS);
    expect(outcome).toMatchObject({ ok: false, reason: 'wrong-format' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/Aegis/);
    expect(await reasonOf(new Uint8Array(4096))).toBe('wrong-format');
    expect(await reasonOf(Uint8Array.from({ length: 999 }, (_, i) => (i * 31) & 0xff))).toBe(
      'wrong-format',
    );
  });

  it('refuses a file from a newer version, whatever else it holds', async () => {
    const file = await sealed();
    file.version = 2;
    file.cipher = { name: 'chacha20-poly1305' };
    const outcome = await openBackup(serialize(file), PASS);
    expect(outcome).toMatchObject({ ok: false, reason: 'unsupported-version' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/newer version of Tessera/);
  });

  const hostile: [string, (file: BackupJson) => void, BackupFailureReason][] = [
    ['4 GiB of memory', f => (f.kdf.memoryKiB = 4 * 1024 * 1024), 'unsafe-parameters'],
    ['2^40 iterations', f => (f.kdf.iterations = 2 ** 40), 'unsafe-parameters'],
    [
      '1 GiB × 64 passes',
      f => Object.assign(f.kdf, { memoryKiB: 2 ** 20, iterations: 64 }),
      'unsafe-parameters',
    ],
    ['parallelism 0', f => (f.kdf.parallelism = 0), 'unsafe-parameters'],
    ['a 4-byte salt', f => (f.kdf.salt = 'AAAAAA=='), 'unsafe-parameters'],
    ['an unknown KDF', f => (f.kdf.name = 'pbkdf2'), 'malformed'],
    ['a fractional memory size', f => (f.kdf.memoryKiB = 1.5), 'malformed'],
    ['memory as a string', f => (f.kdf.memoryKiB = '65536'), 'malformed'],
  ];
  for (const [what, change, reason] of hostile) {
    it(`refuses ${what} before deriving a key`, async () => {
      const file = await sealed();
      change(file);
      const started = performance.now();
      const header = readBackupHeader(serialize(rechecksum(file)));
      expect(header).toMatchObject({ ok: false, reason });
      expect(await reasonOf(serialize(rechecksum(file)))).toBe(reason);
      expect(performance.now() - started).toBeLessThan(500);
    });
  }

  it('uses 64 MiB, 3 passes and 1 lane by default', () => {
    expect(DEFAULT_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
  });
});
