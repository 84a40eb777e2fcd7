/**
 * The harness's keychain with a gate (test only): the real KeytarSecretStore, plus a switch
 * that makes every call fail the way the adapter fails when the Secret Service is locked or not
 * running (KeychainUnavailableError with the adapter's own message). Lets an end-to-end test
 * show the "keychain unavailable" state, then "unlock" it and choose "Try again".
 */
import { KeychainUnavailableError, type SecretStore } from '../../main/core/ports';
import type { OtpSecret } from '../../main/core/secret';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../main/node/keytarSecretStore';

export class GatedSecretStore implements SecretStore {
  /** false: every call fails as with a locked or stopped keyring. */
  available = true;

  constructor(private readonly inner: SecretStore) {}

  put(deviceId: string, secret: OtpSecret): Promise<void> {
    return this.#gate(() => this.inner.put(deviceId, secret));
  }

  get(deviceId: string): Promise<OtpSecret | undefined> {
    return this.#gate(() => this.inner.get(deviceId));
  }

  getMany(deviceIds: readonly string[]): Promise<Map<string, OtpSecret>> {
    return this.#gate(() => this.inner.getMany(deviceIds));
  }

  getAll(): Promise<Map<string, OtpSecret>> {
    return this.#gate(() => this.inner.getAll());
  }

  delete(deviceId: string): Promise<boolean> {
    return this.#gate(() => this.inner.delete(deviceId));
  }

  #gate<T>(operation: () => Promise<T>): Promise<T> {
    if (!this.available) {
      return Promise.reject(new KeychainUnavailableError(KEYCHAIN_UNAVAILABLE_MESSAGE));
    }
    return operation();
  }
}
