/**
 * In-memory SecretStore for unit tests of services (test fake; never used by the app). Behaves
 * like KeytarSecretStore as the shared contract suite describes it, and can simulate a keychain
 * that is missing or locked. Stores copies of the bytes, so wiping a caller's OtpSecret does not
 * change what is stored (as with a real keychain).
 */
import { KeychainUnavailableError, type SecretStore } from '../../main/core/ports';
import { OtpSecret } from '../../main/core/secret';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../main/node/keytarSecretStore';

export class InMemorySecretStore implements SecretStore {
  /** When true, every method rejects with KeychainUnavailableError, like a locked keyring. */
  unavailable = false;
  readonly #items = new Map<string, Uint8Array>();

  /** Number of stored items (for assertions). */
  get size(): number {
    return this.#items.size;
  }

  put(deviceId: string, secret: OtpSecret): Promise<void> {
    return this.#run(() => {
      this.#items.set(
        deviceId,
        secret.use(bytes => bytes.slice()),
      ); // own copy
    });
  }

  get(deviceId: string): Promise<OtpSecret | undefined> {
    return this.#run(() => {
      const bytes = this.#items.get(deviceId);
      return bytes === undefined ? undefined : OtpSecret.fromBytes(bytes);
    });
  }

  getMany(deviceIds: readonly string[]): Promise<Map<string, OtpSecret>> {
    return this.#run(() => {
      const found = new Map<string, OtpSecret>();
      for (const deviceId of deviceIds) {
        const bytes = this.#items.get(deviceId);
        if (bytes !== undefined) found.set(deviceId, OtpSecret.fromBytes(bytes));
      }
      return found;
    });
  }

  getAll(): Promise<Map<string, OtpSecret>> {
    return this.#run(() => {
      const all = new Map<string, OtpSecret>();
      for (const [deviceId, bytes] of this.#items) {
        all.set(deviceId, OtpSecret.fromBytes(bytes));
      }
      return all;
    });
  }

  delete(deviceId: string): Promise<boolean> {
    return this.#run(() => this.#items.delete(deviceId));
  }

  /** Rejects (never throws synchronously), as the real adapter does. */
  #run<T>(operation: () => T): Promise<T> {
    if (this.unavailable) {
      return Promise.reject(new KeychainUnavailableError(KEYCHAIN_UNAVAILABLE_MESSAGE));
    }
    return Promise.resolve(operation());
  }
}
