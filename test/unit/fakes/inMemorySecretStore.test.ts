import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../../main/core/ports';
import { OtpSecret } from '../../../main/core/secret';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { secretStoreContract } from '../../support/secretStoreContract';

secretStoreContract('InMemorySecretStore', () =>
  Promise.resolve({ store: new InMemorySecretStore(), cleanup: () => Promise.resolve() }),
);

describe('InMemorySecretStore', () => {
  it('rejects every call with KeychainUnavailableError while marked unavailable', async () => {
    const store = new InMemorySecretStore();
    await store.put('a', OtpSecret.fromBytes(new Uint8Array([1, 2, 3])));
    store.unavailable = true;
    const calls = [
      store.put('b', OtpSecret.fromBytes(new Uint8Array([4]))),
      store.get('a'),
      store.getAll(),
      store.delete('a'),
    ];
    for (const call of calls) {
      await expect(call).rejects.toBeInstanceOf(KeychainUnavailableError);
    }
    store.unavailable = false;
    expect(store.size).toBe(1);
  });

  it('says how to fix an unavailable keychain', async () => {
    const store = new InMemorySecretStore();
    store.unavailable = true;
    await expect(store.get('a')).rejects.toThrow(/start or unlock your keyring/);
  });
});
