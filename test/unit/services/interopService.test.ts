/**
 * InteropService over the real services (in-memory stores, fake clock): backup → restore into a
 * fresh app reproduces every device, imports preview before storing and never duplicate, and a
 * failed apply leaves the keychain and vault.json exactly as they were.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../main/core/otp/base32';
import { fixtureBytes } from '../../support/importFixtures';
import { startTestTessera, type TestTessera } from '../../support/services';

const running: TestTessera[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.app.stop();
});

async function start(): Promise<TestTessera> {
  const t = await startTestTessera();
  running.push(t);
  return t;
}

const AWS_URI =
  'otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon%20Web%20Services';
const HOTP_URI = 'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&counter=5&digits=8';

async function seedsOf(t: TestTessera): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const device of t.app.devices.devices()) {
    const secret = await t.app.devices.loadSecret(device.id);
    out[device.id] = secret?.use(encodeBase32) ?? 'missing';
  }
  return out;
}

describe('InteropService', () => {
  it('backs up, records the backup, and restores every device exactly into a fresh app', async () => {
    const source = await start();
    await source.app.devices.addFromUri(AWS_URI);
    await source.app.devices.addFromUri(HOTP_URI);
    const [aws] = source.app.devices.devices();
    await source.app.devices.editAws(aws!.id, {
      accountId: '123456789012',
      alias: null,
      deviceName: 'alice',
      principal: { kind: 'iam-user', userName: 'alice' },
      serialArn: 'arn:aws:iam::123456789012:mfa/alice',
    });
    expect(source.app.interop.status()).toMatchObject({
      devices: 2,
      neverBackedUp: 2,
      lastBackupAt: null,
    });

    const written = await source.app.interop.createBackup(
      '/b.tessera',
      'b.tessera',
      'correct horse',
    );
    expect(written).toEqual({ ok: true, name: 'b.tessera', count: 2, missing: 0 });
    expect(source.app.interop.status()).toMatchObject({
      neverBackedUp: 0,
      lastBackupAt: source.clock.nowMs(),
    });

    const target = await start();
    const bytes = source.files.files.get('/b.tessera')!;
    const wrong = await target.app.interop.previewBytes('tessera', bytes, 'wrong horse');
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong-password' });
    const preview = await target.app.interop.previewBytes('tessera', bytes, 'correct horse');
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview).toMatchObject({
      kind: 'restore',
      counts: { new: 2, present: 0, conflict: 0 },
    });
    expect(target.app.devices.devices()).toHaveLength(0); // nothing stored before apply
    const applied = await target.app.interop.apply(preview.preview.token, 'skip');
    expect(applied).toEqual({
      ok: true,
      summary: { added: 2, replaced: 0, skipped: 0, present: 0, errors: 0 },
    });

    const strip = (list: ReturnType<typeof source.app.devices.devices>) =>
      list.map(({ lastBackupAt: _b, ...device }) => device);
    expect(strip(target.app.devices.devices())).toEqual(strip(source.app.devices.devices()));
    expect(await seedsOf(target)).toEqual(await seedsOf(source));

    // Restoring the same backup again finds everything present and adds nothing.
    const again = await target.app.interop.previewBytes('tessera', bytes, 'correct horse');
    if (!again.ok) throw new Error(again.message);
    expect(again.preview.counts).toMatchObject({ new: 0, present: 2, conflict: 0 });
  });

  it('previews an Aegis import, stores only on apply, and never duplicates', async () => {
    const t = await start();
    await t.app.devices.addFromUri(
      'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
    );
    const bytes = fixtureBytes('aegis', 'aegis_encrypted.json');
    const preview = await t.app.interop.previewBytes('aegis', bytes, 'test');
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.counts).toEqual({ new: 5, present: 1, conflict: 0, errors: 1 });
    expect(preview.preview.errors[0]).toMatchObject({ label: 'Boeing (Sophia)' });
    expect(t.app.devices.devices()).toHaveLength(1);
    const applied = await t.app.interop.apply(preview.preview.token, 'skip');
    expect(applied).toMatchObject({ ok: true, summary: { added: 5, present: 1, errors: 1 } });
    expect(t.app.devices.devices()).toHaveLength(6);
    // Progress while storing says how far the keychain writes are (a slow keyring takes a while).
    const storing = t.transport.events
      .filter(e => e.channel === 'backup.progressChanged')
      .map(e => e.payload as { step: string; done?: number; total?: number })
      .filter(p => p.step === 'storing' && p.total !== undefined);
    expect(storing.at(-1)).toEqual({ operation: 'import', step: 'storing', done: 5, total: 5 });
    const twice = await t.app.interop.previewBytes('aegis', bytes, 'test');
    if (!twice.ok) throw new Error(twice.message);
    await t.app.interop.apply(twice.preview.token, 'keep-both');
    expect(t.app.devices.devices()).toHaveLength(6);
  });

  it('leaves the keychain and vault untouched when storing fails part-way', async () => {
    const t = await start();
    await t.app.devices.addFromUri(HOTP_URI);
    const before = { document: JSON.stringify(await t.vault.load()), items: t.secrets.size };
    const preview = await t.app.interop.previewBytes(
      'aegis',
      fixtureBytes('aegis', 'aegis_plain.json'),
      undefined,
    );
    if (!preview.ok) throw new Error(preview.message);
    t.vault.failWrites = true;
    await expect(t.app.interop.apply(preview.preview.token, 'skip')).rejects.toThrow(
      /disk is full/,
    );
    t.vault.failWrites = false;
    expect(JSON.stringify(await t.vault.load())).toBe(before.document);
    expect(t.secrets.size).toBe(before.items);
    expect(t.app.devices.devices()).toHaveLength(1);
  });

  it('exports to every format and says which formats need a password', async () => {
    const t = await start();
    await t.app.devices.addFromUri(AWS_URI);
    expect(await t.app.interop.exportTo('aegis', '/a.json', 'a.json', undefined)).toMatchObject({
      reason: 'password-required',
    });
    expect(await t.app.interop.exportTo('aegis', '/a.json', 'a.json', 'pw')).toMatchObject({
      ok: true,
      count: 1,
    });
    expect(
      await t.app.interop.exportTo('otpauth-list', '/l.txt', 'l.txt', undefined),
    ).toMatchObject({ ok: true });
    expect(t.files.text('/l.txt')).toMatch(
      /^otpauth:\/\/totp\/Amazon%20Web%20Services:alice%40123456789012\?secret=GEZDGNBV/u,
    );
    const back = await t.app.interop.previewBytes('aegis', t.files.files.get('/a.json')!, 'pw');
    expect(back).toMatchObject({ ok: true, preview: { counts: { present: 1, new: 0 } } });
  });
});
