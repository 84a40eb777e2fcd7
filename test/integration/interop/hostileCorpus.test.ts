/**
 * The hostile corpus (test/fixtures/hostile/<format>/, HOSTILE-INPUTS #28–#35): every file of
 * every registered format ends in a clean failure or in per-entry errors — no throw, within a
 * time bound — and previewing it through the real services (real keychain, real vault.json)
 * changes nothing stored.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../../main/core/interop/registry';
import { IMPORT_FORMATS, type ImportFormat } from '../../../main/core/interop/types';
import { FsVaultStore } from '../../../main/node/fsVaultStore';
import { KeytarSecretStore } from '../../../main/node/keytarSecretStore';
import { systemClock } from '../../../main/node/systemClock';
import { DeviceService } from '../../../main/services/deviceService';
import { InteropService } from '../../../main/services/interopService';
import { InMemoryUserFiles } from '../../fakes/inMemoryUserFiles';

const ROOT = resolve(import.meta.dirname, '../../fixtures/hostile');
const PASSWORD = 'hostile-corpus';
const TIME_BOUND_MS = 5_000;
/**
 * Damage the importer repairs by design, so the file reads without errors: a transfer link whose
 * base64 '+' became a space (a common copy-paste accident, HOSTILE #22), sent twice (#23: deduped).
 */
const REPAIRED = new Set(['google-migration/plus-as-space-and-duplicate-batch.txt']);

const corpus: { format: ImportFormat; file: string; path: string }[] = readdirSync(ROOT, {
  withFileTypes: true,
})
  .filter(entry => entry.isDirectory())
  .flatMap(entry => {
    const format = IMPORT_FORMATS.find(name => name === entry.name);
    if (format === undefined || IMPORTERS[format] === undefined) return [];
    return readdirSync(join(ROOT, entry.name)).map(file => ({
      format,
      file,
      path: join(ROOT, entry.name, file),
    }));
  });

describe('hostile corpus', () => {
  it('has at least 20 files for the formats of this build', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  for (const { format, file, path } of corpus) {
    it(`${format}/${file} fails cleanly or reports entry errors`, async () => {
      const importer = IMPORTERS[format];
      if (importer === undefined) throw new Error(`no importer for ${format}`);
      const bytes = new Uint8Array(readFileSync(path));
      const started = performance.now();
      expect(() => importer.sniff(bytes)).not.toThrow();
      expect(() => importer.isEncrypted(bytes)).not.toThrow();
      const outcome = await importer.read({ bytes, password: PASSWORD });
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      if (REPAIRED.has(`${format}/${file}`)) {
        expect(outcome.ok).toBe(true);
      } else if (outcome.ok) {
        expect(outcome.value.errors.length).toBeGreaterThan(0);
        for (const error of outcome.value.errors) expect(error.reason.length).toBeGreaterThan(0);
      } else {
        expect(outcome.message.length).toBeGreaterThan(10);
        expect(outcome.message.length).toBeLessThan(400); // never an echo of the file
      }
    });
  }
});

describe('a hostile file through the services', () => {
  const home = mkdtempSync(join(tmpdir(), 'tessera-hostile-'));
  const service = `tessera-hostile-${randomBytes(6).toString('hex')}`;

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service))
      await keytar.deletePassword(service, account);
    rmSync(home, { recursive: true, force: true });
  });

  it('leaves vault.json and the keychain exactly as they were', { timeout: 240_000 }, async () => {
    const devices = await DeviceService.open({
      vault: new FsVaultStore(home),
      secrets: new KeytarSecretStore(service),
      clock: systemClock,
      newId: randomUUID,
    });
    const added = await devices.addFromUri(
      'otpauth://totp/Kept:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kept',
    );
    expect(added.ok).toBe(true);
    const interop = new InteropService({
      devices,
      clock: systemClock,
      files: new InMemoryUserFiles(),
      randomBytes: n => new Uint8Array(randomBytes(n)),
      newId: randomUUID,
    });
    const snapshot = async () => ({
      vault: readFileSync(join(home, 'vault.json'), 'utf8'),
      files: readdirSync(home).sort(),
      keychain: (await keytar.findCredentials(service))
        .map(c => `${c.account}=${c.password}`)
        .sort(),
    });
    const before = await snapshot();
    expect(existsSync(join(home, 'vault.json'))).toBe(true);
    for (const { format, path } of corpus) {
      const preview = await interop.previewBytes(
        format,
        new Uint8Array(readFileSync(path)),
        PASSWORD,
      );
      if (preview.ok) interop.discard(preview.preview.token);
      expect(await interop.apply('not-a-token', 'replace')).toMatchObject({
        ok: false,
        reason: 'expired',
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
