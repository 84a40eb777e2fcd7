/**
 * SecretStore over the OS keychain through keytar (node adapter layer: a native addon; never
 * imports electron). One item per device: service = `Tessera` (or TESSERA_KEYCHAIN_SERVICE, so
 * tests never touch a user's items), account = device id, password = the seed as upper-case
 * unpadded base32. SECURITY: no seed, and no stored text, ever reaches an error message or a log.
 */
import keytar from 'keytar';
import { KeychainUnavailableError, type SecretStore } from '../core/ports';
import { OtpSecret } from '../core/secret';
import { decodeBase32, encodeBase32 } from '../core/otp/base32';

/** What a user can do about it; shown as is by the app and the CLI (HOSTILE-INPUTS #48). */
export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'The system keychain (Secret Service) is not available: start or unlock your keyring ' +
  '(e.g. GNOME Keyring, KWallet) and try again.';

/** An item exists under this device id, but its text is not a seed this app could have written. */
export class UnreadableSecretError extends Error {
  override readonly name = 'UnreadableSecretError';
  constructor(readonly deviceId: string) {
    // SECURITY: names the device only; the stored text may be (part of) someone's seed.
    super(
      `The keychain item for device ${deviceId} is damaged (not a valid secret). ` +
        'Re-enter the secret for this device or restore it from a backup.',
    );
  }
}

/** The result of one bulk read of the keychain. */
export interface KeychainSnapshot {
  /** Every readable item, by device id. The caller owns these and should wipe them when done. */
  readonly secrets: Map<string, OtpSecret>;
  /** Device ids whose item exists but holds text that is not valid base32 (or is empty). */
  readonly unreadable: readonly string[];
}

/**
 * The production SecretStore. Every keytar failure (no Secret Service on the bus, no D-Bus at
 * all, a locked keyring whose unlock prompt was dismissed, macOS/Windows keychain errors) is
 * reported as a KeychainUnavailableError carrying KEYCHAIN_UNAVAILABLE_MESSAGE; the original
 * error is kept as `cause` for diagnostics (libsecret/keytar messages never contain passwords).
 */
export class KeytarSecretStore implements SecretStore {
  #lastUnreadable: readonly string[] = [];

  /** @param service keychain service name; each name is a separate namespace of items. */
  constructor(readonly service: string = process.env.TESSERA_KEYCHAIN_SERVICE ?? 'Tessera') {
    if (service.length === 0) {
      throw new RangeError('The keychain service name must not be empty.');
    }
  }

  /**
   * Reads the given items in parallel (keytar runs each on libuv's thread pool). Items that are
   * absent or unreadable are left out; the caller reports those devices as missing a secret.
   */
  async getMany(deviceIds: readonly string[]): Promise<Map<string, OtpSecret>> {
    const found = new Map<string, OtpSecret>();
    await Promise.all(
      deviceIds.map(async deviceId => {
        try {
          const secret = await this.get(deviceId);
          if (secret !== undefined) found.set(deviceId, secret);
        } catch (error) {
          if (!(error instanceof UnreadableSecretError)) throw error;
        }
      }),
    );
    return found;
  }

  /**
   * Device ids that the most recent `getAll()` skipped because their text was not a valid seed
   * (empty before the first call). Lets callers that only see the SecretStore port still say
   * which devices are affected; `readAll()` returns the same list without keeping state.
   */
  get lastUnreadable(): readonly string[] {
    return this.#lastUnreadable;
  }

  async put(deviceId: string, secret: OtpSecret): Promise<void> {
    assertDeviceId(deviceId);
    const text = secret.use(encodeBase32);
    await keychainCall(() => keytar.setPassword(this.service, deviceId, text));
  }

  /**
   * @returns undefined when no item exists under `deviceId`.
   * @throws UnreadableSecretError when the item exists but is not valid base32.
   * @throws KeychainUnavailableError when the keychain cannot be reached or is locked.
   */
  async get(deviceId: string): Promise<OtpSecret | undefined> {
    assertDeviceId(deviceId);
    const text = await keychainCall(() => keytar.getPassword(this.service, deviceId));
    if (text === null) {
      return undefined;
    }
    const secret = toSecret(text);
    if (secret === undefined) {
      throw new UnreadableSecretError(deviceId);
    }
    return secret;
  }

  /**
   * Every readable item, in one keychain round trip. Items whose text is not valid base32 are
   * skipped (not thrown) and listed in `lastUnreadable`: one damaged item must not hide the rest.
   */
  async getAll(): Promise<Map<string, OtpSecret>> {
    const { secrets, unreadable } = await this.readAll();
    this.#lastUnreadable = unreadable;
    return secrets;
  }

  /** Like `getAll()`, returning the unreadable device ids alongside instead of in a field. */
  async readAll(): Promise<KeychainSnapshot> {
    const items = await keychainCall(() => keytar.findCredentials(this.service));
    const secrets = new Map<string, OtpSecret>();
    const unreadable: string[] = [];
    for (const { account, password } of items) {
      const secret = toSecret(password);
      if (secret === undefined) {
        unreadable.push(account);
      } else {
        secrets.set(account, secret);
      }
    }
    return { secrets, unreadable };
  }

  async delete(deviceId: string): Promise<boolean> {
    assertDeviceId(deviceId);
    return keychainCall(() => keytar.deletePassword(this.service, deviceId));
  }
}

function assertDeviceId(deviceId: string): void {
  // keytar rejects an empty account with a plain Error; catch it here so it is not mistaken
  // for an unavailable keychain.
  if (deviceId.length === 0) {
    throw new RangeError('A device id must not be empty.');
  }
}

/** The stored text back to a seed; undefined when it is not base32 (a damaged item). */
function toSecret(text: string): OtpSecret | undefined {
  const bytes = decodeBase32(text);
  if (bytes === undefined) return undefined;
  try {
    return OtpSecret.fromBytes(bytes);
  } finally {
    bytes.fill(0); // OtpSecret keeps its own copy
  }
}

/**
 * Runs one keytar call and maps any failure to KeychainUnavailableError. keytar only rejects for
 * platform reasons (argument checks are done before the call), so every rejection means the
 * keychain could not do the job; the user-facing message is the same actionable one.
 */
async function keychainCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new KeychainUnavailableError(KEYCHAIN_UNAVAILABLE_MESSAGE, { cause });
  }
}
