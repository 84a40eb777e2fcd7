import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDevice, emptyVault } from '../../../main/core/vault/vaultDocument';
import { VaultFileError } from '../../../main/node/fsVaultStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';
import { makeDevice } from '../../support/vaultFixtures';

describe('InMemoryVaultStore', () => {
  it('returns what update wrote and counts the writes', async () => {
    const store = new InMemoryVaultStore();
    const id = randomUUID();
    const written = await store.update(document => addDevice(document, makeDevice(id)));
    expect(written.generation).toBe(1);
    expect(await store.load()).toEqual({ document: written });
    expect(store.writes).toBe(1);
  });

  it('writes nothing when the change throws or returns an invalid document', async () => {
    const store = new InMemoryVaultStore();
    await expect(
      store.update(() => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await expect(
      store.update(document => ({ ...document, generation: -1, devices: [] })),
    ).rejects.toBeInstanceOf(VaultFileError);
    expect(store.document).toEqual(emptyVault());
    expect(store.writes).toBe(0);
  });

  it('simulates a failing disk and a recovered load', async () => {
    const store = new InMemoryVaultStore();
    store.failWrites = true;
    await expect(
      store.update(document => addDevice(document, makeDevice(randomUUID()))),
    ).rejects.toMatchObject({ reason: 'write-failed' });
    store.recoveredFrom = 'previous-generation';
    expect(await store.load()).toEqual({
      document: emptyVault(),
      recoveredFrom: 'previous-generation',
    });
  });

  it('hands out copies, so a caller mutating a loaded document changes nothing stored', async () => {
    const store = new InMemoryVaultStore();
    const { document } = await store.load();
    document.devices.push(makeDevice(randomUUID()));
    expect(store.document.devices).toEqual([]);
  });
});
