/**
 * The Aegis importer against Aegis's own test vaults (plain, encrypted, db v2 groups) and the
 * encrypted exporter: its output follows docs/vault.md and reads back through the importer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aegisImporter, exportAegisVault } from '../../../../main/core/interop/aegis';
import { IMPORTERS, sniffFormats } from '../../../../main/core/interop/registry';
import { Device } from '../../../../main/core/device/device';
import { normalizeDisplayText } from '../../../../main/core/otp/otpauthUri';
import { OtpSecret } from '../../../../main/core/secret';
import {
  asExpected,
  expectedFiles,
  fixtureBytes,
  isSupported,
} from '../../../support/importFixtures';
import { makeDevice } from '../../../support/vaultFixtures';
import { deviceArbitrary, seedArbitrary } from '../../../support/deviceArbitrary';

/** expect.stringMatching, typed (it returns `any`). */
const like = (pattern: RegExp): string => expect.stringMatching(pattern) as string;

const random = {
  masterKey: Uint8Array.from({ length: 32 }, (_, i) => i),
  salt: Uint8Array.from({ length: 32 }, (_, i) => 255 - i),
  slotNonce: new Uint8Array(12).fill(1),
  dbNonce: new Uint8Array(12).fill(2),
  slotUuid: new Uint8Array(16).fill(3),
};

describe('aegis importer', () => {
  it('is registered and sniffed', () => {
    expect(IMPORTERS.aegis).toBe(aegisImporter);
    expect(sniffFormats(fixtureBytes('aegis', 'aegis_plain.json'))).toEqual(['aegis']);
  });

  for (const file of expectedFiles('aegis')) {
    it(`imports ${file.file} as its expected.json says`, async () => {
      const bytes = fixtureBytes('aegis', file.file);
      expect(aegisImporter.isEncrypted(bytes)).toBe(file.encrypted);
      const outcome = await aegisImporter.read({
        bytes,
        ...(file.password === undefined ? {} : { password: file.password }),
      });
      if (!outcome.ok) throw new Error(outcome.message);
      const { entries, errors } = outcome.value;
      const supported = file.entries.filter(isSupported);
      expect(entries.map(asExpected)).toEqual(supported.map(({ groups: _g, ...entry }) => entry));
      entries.forEach((entry, i) => {
        expect(entry.groups).toEqual(supported[i]?.groups ?? []);
      });
      // Steam entries are refused one by one, with a reason and a label, never silently.
      const refused = file.entries.filter(entry => !isSupported(entry));
      expect(errors.map(error => error.label)).toEqual(refused.map(e => `${e.issuer} (${e.name})`));
      for (const error of errors) expect(error.reason).toMatch(/not supported yet/);
    });
  }

  it('asks for a password, and says when it is wrong', async () => {
    const bytes = fixtureBytes('aegis', 'aegis_encrypted.json');
    expect(await aegisImporter.read({ bytes })).toMatchObject({
      ok: false,
      reason: 'password-required',
    });
    const wrong = await aegisImporter.read({ bytes, password: 'tset' });
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong-password' });
  });

  it('says "modified" when the password is right but the contents were changed', async () => {
    const file = JSON.parse(
      new TextDecoder().decode(fixtureBytes('aegis', 'aegis_encrypted.json')),
    ) as {
      db: string;
    };
    const db = Buffer.from(file.db, 'base64');
    db[5] = (db[5] ?? 0) ^ 1;
    file.db = db.toString('base64');
    const outcome = await aegisImporter.read({
      bytes: new TextEncoder().encode(JSON.stringify(file)),
      password: 'test',
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('refuses hostile scrypt parameters without running them', async () => {
    const file = JSON.parse(
      new TextDecoder().decode(fixtureBytes('aegis', 'aegis_encrypted.json')),
    ) as {
      header: { slots: { n: number }[] };
    };
    file.header.slots[0]!.n = 2 ** 30;
    const started = performance.now();
    const outcome = await aegisImporter.read({
      bytes: new TextEncoder().encode(JSON.stringify(file)),
      password: 'test',
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'too-large' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a vault from a newer Aegis and a file that is not an Aegis vault', async () => {
    const newer = new TextEncoder().encode(JSON.stringify({ version: 2, header: {}, db: {} }));
    expect(await aegisImporter.read({ bytes: newer })).toMatchObject({
      reason: 'unsupported-version',
    });
    const other = new TextEncoder().encode(JSON.stringify({ schemaVersion: 4, services: [] }));
    expect(await aegisImporter.read({ bytes: other })).toMatchObject({ reason: 'wrong-format' });
  });
});

describe('aegis exporter', () => {
  const totp = Device.parse({
    ...makeDevice('11111111-1111-4111-8111-111111111111'),
    issuer: 'GitHub',
    accountName: 'alice',
    group: 'Work',
    favorite: true,
  });
  const hotp = Device.parse({
    ...makeDevice('22222222-2222-4222-8222-222222222222'),
    issuer: 'Bank',
    accountName: 'bob',
    algorithm: 'SHA512',
    digits: 8,
    type: 'hotp',
    counter: 12,
  });
  const devices = [
    { device: totp, secret: OtpSecret.fromBytes(Uint8Array.from({ length: 20 }, (_, i) => i)) },
    {
      device: hotp,
      secret: OtpSecret.fromBytes(Uint8Array.from({ length: 32 }, (_, i) => 100 + i)),
    },
  ];

  it('writes an encrypted vault in the published layout (one password slot, db version 3)', async () => {
    const text = await exportAegisVault(devices, 'hunter2', random);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      version: 1,
      header: {
        slots: [
          {
            type: 1,
            uuid: like(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
            key: like(/^[0-9a-f]{64}$/),
            key_params: {
              nonce: like(/^[0-9a-f]{24}$/),
              tag: like(/^[0-9a-f]{32}$/),
            },
            n: 32768,
            r: 8,
            p: 1,
            salt: like(/^[0-9a-f]{64}$/),
          },
        ],
        params: { nonce: '020202020202020202020202', tag: like(/^[0-9a-f]{32}$/) },
      },
      db: like(/^[A-Za-z0-9+/]+=*$/),
    });
  });

  it('round-trips through the importer: every device, seed, group and favourite', async () => {
    const text = await exportAegisVault(devices, 'hunter2', random);
    const outcome = await aegisImporter.read({
      bytes: new TextEncoder().encode(text),
      password: 'hunter2',
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.errors).toEqual([]);
    const [first, second] = outcome.value.entries;
    expect(first).toMatchObject({
      issuer: 'GitHub',
      accountName: 'alice',
      groups: ['Work'],
      favorite: true,
    });
    expect(first?.params).toEqual({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: 30,
    });
    expect(second?.params).toEqual({ type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 12 });
    expect(first?.secret.equals(devices[0]!.secret)).toBe(true);
    expect(second?.secret.equals(devices[1]!.secret)).toBe(true);
  });

  it('Tessera → Aegis export → Aegis import reproduces every generated device', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(deviceArbitrary, seedArbitrary), { minLength: 1, maxLength: 6 }),
        async pairs => {
          // Names as Tessera stores them: already cleaned display text (normalizeDisplayText).
          const clean = (text: string) => normalizeDisplayText(text) ?? '';
          const exported = pairs.map(([device, seed]) => ({
            device: {
              ...device,
              issuer: clean(device.issuer),
              accountName: clean(device.accountName),
            },
            secret: OtpSecret.fromBytes(seed),
          }));
          const outcome = await aegisImporter.read({
            bytes: new TextEncoder().encode(await exportAegisVault(exported, 'pw', random)),
            password: 'pw',
          });
          if (!outcome.ok) throw new Error(outcome.message);
          expect(outcome.value.errors).toEqual([]);
          expect(outcome.value.entries).toHaveLength(exported.length);
          outcome.value.entries.forEach((entry, i) => {
            const { device, secret } = exported[i]!;
            expect([entry.issuer, entry.accountName]).toEqual([device.issuer, device.accountName]);
            expect(entry.params).toEqual(
              device.type === 'totp'
                ? {
                    type: 'totp',
                    algorithm: device.algorithm,
                    digits: device.digits,
                    periodSeconds: device.periodSeconds,
                  }
                : {
                    type: 'hotp',
                    algorithm: device.algorithm,
                    digits: device.digits,
                    counter: device.counter,
                  },
            );
            expect(entry.secret.equals(secret)).toBe(true);
            expect(entry.favorite).toBe(device.favorite);
          });
        },
      ),
      { numRuns: 20 }, // each run derives an scrypt key (N = 2^15) twice
    );
  }, 120_000);

  it('decrypts with the scheme of docs/vault.md, independently of the importer', async () => {
    const { createDecipheriv, scryptSync } = await import('node:crypto');
    const file = JSON.parse(await exportAegisVault(devices, 'hunter2', random)) as {
      header: {
        slots: { key: string; key_params: { nonce: string; tag: string }; salt: string }[];
        params: { nonce: string; tag: string };
      };
      db: string;
    };
    const slot = file.header.slots[0]!;
    const slotKey = scryptSync('hunter2', Buffer.from(slot.salt, 'hex'), 32, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const unwrap = createDecipheriv(
      'aes-256-gcm',
      slotKey,
      Buffer.from(slot.key_params.nonce, 'hex'),
    );
    unwrap.setAuthTag(Buffer.from(slot.key_params.tag, 'hex'));
    const master = Buffer.concat([unwrap.update(Buffer.from(slot.key, 'hex')), unwrap.final()]);
    expect([...master]).toEqual([...random.masterKey]);
    const open = createDecipheriv(
      'aes-256-gcm',
      master,
      Buffer.from(file.header.params.nonce, 'hex'),
    );
    open.setAuthTag(Buffer.from(file.header.params.tag, 'hex'));
    const db = JSON.parse(
      Buffer.concat([open.update(Buffer.from(file.db, 'base64')), open.final()]).toString('utf8'),
    ) as {
      version: number;
      entries: { type: string; uuid: string; groups: string[]; info: Record<string, unknown> }[];
      groups: { uuid: string; name: string }[];
    };
    expect(db.version).toBe(3);
    expect(db.groups).toEqual([{ uuid: db.entries[0]!.groups[0], name: 'Work' }]);
    expect(db.entries[0]).toMatchObject({
      type: 'totp',
      uuid: totp.id,
      name: 'alice',
      issuer: 'GitHub',
      favorite: true,
    });
    expect(db.entries[1]!.info).toEqual({
      secret: like(/^[A-Z2-7]+$/),
      algo: 'SHA512',
      digits: 8,
      counter: 12,
    });
  });
});
