/** The `tessera` import format: a backup read as entries, with the backup's distinct errors. */
import { describe, expect, it } from 'vitest';
import { sealBackup } from '../../../../main/core/backup/envelope';
import { sniffFormats } from '../../../../main/core/interop/registry';
import { tesseraBackupImporter } from '../../../../main/core/interop/tesseraBackup';
import { Device } from '../../../../main/core/device/device';
import { OtpSecret } from '../../../../main/core/secret';
import { fastParams } from '../../../support/backupFiles';
import { makeDevice } from '../../../support/vaultFixtures';

const device = Device.parse({
  ...makeDevice('11111111-1111-4111-8111-111111111111'),
  issuer: 'GitHub',
  accountName: 'alice',
  group: 'Work',
});
const secret = OtpSecret.fromBytes(Uint8Array.from({ length: 20 }, (_, i) => i));

describe('tessera backup importer', () => {
  it('reads a backup as entries and is sniffed as "tessera"', async () => {
    const bytes = new TextEncoder().encode(
      await sealBackup([{ device, secret }], 'pw', fastParams(), 0),
    );
    expect(sniffFormats(bytes)).toEqual(['tessera']);
    expect(tesseraBackupImporter.isEncrypted(bytes)).toBe(true);
    const outcome = await tesseraBackupImporter.read({ bytes, password: 'pw' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries).toHaveLength(1);
    expect(outcome.value.entries[0]).toMatchObject({
      issuer: 'GitHub',
      accountName: 'alice',
      groups: ['Work'],
      params: { type: 'totp', periodSeconds: 30 },
    });
    expect(outcome.value.entries[0]?.secret.equals(secret)).toBe(true);
    expect(await tesseraBackupImporter.read({ bytes, password: 'nope' })).toMatchObject({
      ok: false,
      reason: 'wrong-password',
    });
  });
});
