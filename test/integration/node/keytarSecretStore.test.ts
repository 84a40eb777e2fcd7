/**
 * KeytarSecretStore against the real OS keychain (integration). Needs a Secret Service: run
 * through scripts/with-secret-service.sh, which starts a private one when the session has none.
 * Without one these tests fail on purpose, so a broken keychain setup is never reported green.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { OtpSecret } from '../../../main/core/secret';
import { KeytarSecretStore, UnreadableSecretError } from '../../../main/node/keytarSecretStore';
import { seedBytes, secretStoreContract } from '../../support/secretStoreContract';

const run = promisify(execFile);
const probeScript = fileURLToPath(new URL('../../support/keychainProbe.ts', import.meta.url));

function testServiceName(): string {
  return `tessera-test-${randomBytes(6).toString('hex')}`;
}

/** Deletes every item under `service`; tests never leave items behind in a real keyring. */
async function removeService(service: string): Promise<void> {
  const items = await keytar.findCredentials(service);
  await Promise.all(items.map(({ account }) => keytar.deletePassword(service, account)));
}

secretStoreContract('KeytarSecretStore (real keychain)', () => {
  const service = testServiceName();
  return Promise.resolve({
    store: new KeytarSecretStore(service),
    cleanup: () => removeService(service),
  });
});

describe('KeytarSecretStore', () => {
  const services: string[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map(removeService));
  });

  function freshStore(): KeytarSecretStore {
    const service = testServiceName();
    services.push(service);
    return new KeytarSecretStore(service);
  }

  it('reaches a Secret Service (run the tests through scripts/with-secret-service.sh)', async () => {
    const store = freshStore();
    await expect(store.getAll()).resolves.toBeInstanceOf(Map);
  });

  it('uses TESSERA_KEYCHAIN_SERVICE as the default service name, else Tessera', () => {
    const saved = process.env.TESSERA_KEYCHAIN_SERVICE;
    try {
      process.env.TESSERA_KEYCHAIN_SERVICE = 'tessera-test-from-env';
      expect(new KeytarSecretStore().service).toBe('tessera-test-from-env');
      delete process.env.TESSERA_KEYCHAIN_SERVICE;
      expect(new KeytarSecretStore().service).toBe('Tessera');
    } finally {
      if (saved === undefined) delete process.env.TESSERA_KEYCHAIN_SERVICE;
      else process.env.TESSERA_KEYCHAIN_SERVICE = saved;
    }
  });

  it('stores the seed as unpadded upper-case base32 under the device id', async () => {
    const store = freshStore();
    const id = randomUUID();
    await store.put(id, OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890')));
    // The RFC 4226 test key, whose base32 form is well known.
    expect(await keytar.getPassword(store.service, id)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('skips items whose text is not valid base32 in getAll and names them in lastUnreadable', async () => {
    const store = freshStore();
    const good = randomUUID();
    const garbage = { [randomUUID()]: 'not base32 at all!', [randomUUID()]: 'ABC' };
    await store.put(good, OtpSecret.fromBytes(seedBytes(20)));
    for (const [id, text] of Object.entries(garbage)) {
      await keytar.setPassword(store.service, id, text);
    }
    const all = await store.getAll();
    expect([...all.keys()]).toEqual([good]);
    expect([...store.lastUnreadable].sort()).toEqual(Object.keys(garbage).sort());
    const snapshot = await store.readAll();
    expect(snapshot.secrets.size).toBe(1);
    expect([...snapshot.unreadable].sort()).toEqual(Object.keys(garbage).sort());
  });

  it('accepts padded or lower-case base32 written by another tool', async () => {
    const store = freshStore();
    const id = randomUUID();
    await keytar.setPassword(store.service, id, 'gezdgnbvgy3tqojq======');
    const secret = await store.get(id);
    expect(secret?.use(bytes => new TextDecoder().decode(bytes))).toBe('1234567890');
  });

  it('rejects get of a damaged item with UnreadableSecretError that does not echo the stored text', async () => {
    const store = freshStore();
    const id = randomUUID();
    const stored = 'JBSWY3DPEHPK3PXP-damaged';
    await keytar.setPassword(store.service, id, stored);
    const error: unknown = await store.get(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableSecretError);
    const message = (error as Error).message;
    expect(message).toContain(id);
    expect(message).not.toContain('JBSWY3DP');
    expect(message).not.toContain(stored);
  });

  it('rejects an empty device id without calling the keychain', async () => {
    const store = freshStore();
    await expect(store.get('')).rejects.toBeInstanceOf(RangeError);
  });

  it('reports KeychainUnavailableError with an actionable message when D-Bus is unreachable', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', probeScript, testServiceName()],
      {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
        timeout: 15_000,
      },
    );
    const results = stdout
      .trim()
      .split('\n')
      .map(
        line => JSON.parse(line) as { call: string; ok: boolean; name?: string; message?: string },
      );
    expect(results.map(result => result.call)).toEqual(['get', 'put', 'getAll', 'delete']);
    for (const result of results) {
      expect(result, result.call).toMatchObject({
        ok: false,
        name: 'KeychainUnavailableError',
        message:
          'The system keychain (Secret Service) is not available: start or unlock your keyring ' +
          '(e.g. GNOME Keyring, KWallet) and try again.',
      });
      // SECURITY: the put carried a seed (twenty 0x07 bytes = "A4DQODYHA4DQODYHA4DQODYHA4DQODYH").
      expect(result.message).not.toContain('A4DQ');
    }
  });
});
