/**
 * Devices use case (services layer): add, rename, remove, advance HOTP counters, list views.
 * Owns the in-memory copy of the metadata document and of the seeds (read once, in bulk, at
 * start-up). Write order keeps crashes harmless: a seed is stored before its metadata, and a
 * delete records its intent in the metadata before the keychain item goes (DESIGN.md §1.4).
 */
import type {
  AddOutcome,
  AppStatusView,
  DeviceView,
  DeviceWarning,
  EditOutcome,
  ManualEntryInput,
  RenameInput,
} from '../../preload/contract/contract';
import { parseAwsLabel } from '../core/device/awsLabel';
import type { Device } from '../core/device/device';
import { toDeviceView, type SecretStatus } from '../core/device/deviceView';
import { cleanDisplayText } from '../core/device/text';
import { parseManualEntry, parseOtpauthUri, type ParsedOtpDevice, type UriParseOutcome } from '../core/otp/otpauthUri';
import { KeychainUnavailableError, type Clock, type SecretStore, type VaultStore } from '../core/ports';
import type { OtpSecret } from '../core/secret';
import { planReconcile, recoveredDevice } from '../core/vault/reconcile';
import {
  addDevice,
  clearPendingDeletes,
  findDevice,
  nextOrder,
  removeDevice,
  updateDevice,
  VaultEditError,
  type VaultDocument,
} from '../core/vault/vaultDocument';

export interface DeviceServiceDeps {
  readonly vault: VaultStore;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly newId: () => string;
}

type KeychainState = { readonly available: true } | { readonly available: false; readonly message: string };

const KEYCHAIN_HELP =
  'Tessera keeps every secret in the system keychain, and it could not be reached. Unlock or start your keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), then choose "Try again".';

export class DeviceService {
  #document: VaultDocument;
  readonly #secrets = new Map<string, OtpSecret>();
  #keychain: KeychainState = { available: true };
  #vaultNotice: string | null = null;
  #recovered = 0;
  readonly #listeners = new Set<() => void>();

  private constructor(
    private readonly deps: DeviceServiceDeps,
    document: VaultDocument,
  ) {
    this.#document = document;
  }

  /** Loads metadata and seeds (in parallel, one bulk keychain read) and reconciles them. */
  static async open(deps: DeviceServiceDeps): Promise<DeviceService> {
    const [loaded, secrets] = await Promise.all([deps.vault.load(), readAllSecrets(deps.secrets)]);
    const service = new DeviceService(deps, loaded.document);
    if (loaded.recoveredFrom === 'previous-generation') {
      service.#vaultNotice =
        'vault.json was damaged, so Tessera opened the previous copy. Check that your devices are all there.';
    }
    await service.#adoptSecrets(secrets);
    return service;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Devices in display order (metadata only). */
  devices(): readonly Device[] {
    return [...this.#document.devices].sort((a, b) => a.order - b.order);
  }

  device(id: string): Device | undefined {
    return findDevice(this.#document, id);
  }

  /** The cached seed of a device, for code generation in main. Never crosses IPC. */
  secretFor(id: string): OtpSecret | undefined {
    return this.#secrets.get(id);
  }

  list(): DeviceView[] {
    return this.devices().map(device => toDeviceView(device, this.#statusOf(device.id)));
  }

  status(): AppStatusView {
    return {
      keychain: this.#keychain.available ? 'available' : 'unavailable',
      keychainMessage: this.#keychain.available ? null : this.#keychain.message,
      vaultNotice: this.#vaultNotice,
      recoveredDevices: this.#recovered,
      missingSecrets: this.#keychain.available
        ? this.#document.devices.filter(device => !this.#secrets.has(device.id)).length
        : 0,
    };
  }

  async retryKeychain(): Promise<AppStatusView> {
    await this.#adoptSecrets(await readAllSecrets(this.deps.secrets));
    this.#notify();
    return this.status();
  }

  addFromUri(uri: string): Promise<AddOutcome> {
    return this.#addParsed(parseOtpauthUri(uri));
  }

  addManual(input: ManualEntryInput): Promise<AddOutcome> {
    return this.#addParsed(parseManualEntry(input));
  }

  async rename(id: string, input: RenameInput): Promise<EditOutcome> {
    const issuer = cleanDisplayText(input.issuer);
    const accountName = cleanDisplayText(input.accountName);
    if (issuer === '' && accountName === '') {
      return { ok: false, reason: 'invalid', message: 'Give the device an issuer or an account name.' };
    }
    return this.#edit(id, device => ({ ...device, issuer, accountName, updatedAt: this.deps.clock.nowMs() }));
  }

  async remove(id: string): Promise<EditOutcome> {
    if (!findDevice(this.#document, id)) return notFound();
    // 1. Record the intent with the metadata removal; 2. delete the seed; 3. clear the intent.
    this.#document = await this.deps.vault.update(document => removeDevice(document, id));
    this.#secrets.get(id)?.wipe();
    this.#secrets.delete(id);
    this.#notify();
    try {
      await this.deps.secrets.delete(id);
      this.#document = await this.deps.vault.update(document => clearPendingDeletes(document, [id]));
    } catch (error) {
      // The device is gone for the user; the keychain item is deleted at the next start-up.
      if (!(error instanceof KeychainUnavailableError)) throw error;
    }
    return { ok: true };
  }

  /** HOTP: moves to the next counter. Persisted before the new code is shown (HOSTILE #44). */
  advanceHotp(id: string): Promise<EditOutcome> {
    const device = findDevice(this.#document, id);
    if (device === undefined) return Promise.resolve(notFound());
    if (device.type !== 'hotp') {
      return Promise.resolve({ ok: false, reason: 'invalid', message: 'Only counter-based (HOTP) devices have a next code.' });
    }
    return this.#edit(id, current =>
      current.type === 'hotp' ? { ...current, counter: current.counter + 1, updatedAt: this.deps.clock.nowMs() } : current,
    );
  }

  async markUsed(id: string): Promise<void> {
    await this.#edit(id, device => ({ ...device, lastUsedAt: this.deps.clock.nowMs() }));
  }

  async #edit(id: string, change: (device: Device) => Device): Promise<EditOutcome> {
    try {
      this.#document = await this.deps.vault.update(document => updateDevice(document, id, change));
    } catch (error) {
      if (error instanceof VaultEditError && error.reason === 'not-found') return notFound();
      throw error;
    }
    this.#notify();
    return { ok: true };
  }

  async #addParsed(outcome: UriParseOutcome): Promise<AddOutcome> {
    if (!outcome.ok) return outcome;
    const parsed = outcome.value;
    if (!this.#keychain.available) {
      parsed.secret.wipe();
      return { ok: false, reason: 'keychain-unavailable', message: this.#keychain.message };
    }
    const device = this.#deviceFrom(parsed);
    const warnings = [...parsed.warnings, ...this.#duplicateWarnings(parsed)];
    try {
      await this.deps.secrets.put(device.id, parsed.secret);
    } catch (error) {
      parsed.secret.wipe();
      if (error instanceof KeychainUnavailableError) {
        return { ok: false, reason: 'keychain-unavailable', message: error.message };
      }
      throw error;
    }
    try {
      this.#document = await this.deps.vault.update(document => addDevice(document, { ...device, order: nextOrder(document) }));
    } catch (error) {
      await this.deps.secrets.delete(device.id).catch(() => false); // never leave an orphaned seed behind
      parsed.secret.wipe();
      throw error;
    }
    this.#secrets.set(device.id, parsed.secret);
    this.#notify();
    const stored = findDevice(this.#document, device.id) ?? device;
    return { ok: true, device: toDeviceView(stored, 'ok'), warnings };
  }

  #deviceFrom(parsed: ParsedOtpDevice): Device {
    const nowMs = this.deps.clock.nowMs();
    const awsLabel = parseAwsLabel(parsed.issuer, parsed.accountName);
    const common = {
      id: this.deps.newId(),
      issuer: parsed.issuer,
      accountName: parsed.accountName,
      ...(parsed.labelIssuer === undefined ? {} : { labelIssuer: parsed.labelIssuer }),
      algorithm: parsed.params.algorithm,
      digits: parsed.params.digits,
      ...(awsLabel === undefined ? {} : { aws: awsLabel }),
      tags: [],
      favorite: false,
      order: 0,
      createdAt: nowMs,
      updatedAt: nowMs,
    };
    return parsed.params.type === 'totp'
      ? { ...common, type: 'totp', periodSeconds: parsed.params.periodSeconds }
      : { ...common, type: 'hotp', counter: parsed.params.counter };
  }

  #duplicateWarnings(parsed: ParsedOtpDevice): { kind: DeviceWarning; message: string }[] {
    const warnings: { kind: DeviceWarning; message: string }[] = [];
    const sameSecret = [...this.#secrets.entries()].find(([, secret]) => secret.equals(parsed.secret));
    if (sameSecret) {
      const other = findDevice(this.#document, sameSecret[0]);
      warnings.push({
        kind: 'duplicate-secret',
        message: `The same secret is already stored${other ? ` for ${other.issuer || other.accountName}` : ''}: both entries will show the same codes.`,
      });
    }
    const fold = (text: string) => text.toLocaleLowerCase('en');
    if (
      this.#document.devices.some(
        d => fold(d.issuer) === fold(parsed.issuer) && fold(d.accountName) === fold(parsed.accountName),
      )
    ) {
      warnings.push({ kind: 'duplicate-label', message: 'A device with the same issuer and account name already exists.' });
    }
    return warnings;
  }

  async #adoptSecrets(result: SecretsRead): Promise<void> {
    if (!result.ok) {
      this.#keychain = { available: false, message: `${result.message} ${KEYCHAIN_HELP}` };
      return;
    }
    this.#keychain = { available: true };
    for (const secret of this.#secrets.values()) secret.wipe();
    this.#secrets.clear();
    for (const [id, secret] of result.secrets) this.#secrets.set(id, secret);
    await this.#reconcile();
  }

  async #reconcile(): Promise<void> {
    const plan = planReconcile(this.#document, new Set(this.#secrets.keys()));
    for (const id of plan.leftoverDeletes) {
      await this.deps.secrets.delete(id);
      this.#secrets.get(id)?.wipe();
      this.#secrets.delete(id);
    }
    const done = [...plan.leftoverDeletes, ...plan.finishedDeletes];
    if (plan.orphans.length === 0 && done.length === 0) return;
    const nowMs = this.deps.clock.nowMs();
    this.#document = await this.deps.vault.update(document => {
      let next = done.length > 0 ? clearPendingDeletes(document, done) : document;
      for (const id of plan.orphans) {
        if (!findDevice(next, id)) next = addDevice(next, recoveredDevice(id, nextOrder(next), nowMs));
      }
      return next;
    });
    this.#recovered += plan.orphans.length;
  }

  #statusOf(id: string): SecretStatus {
    if (!this.#keychain.available) return 'keychain-unavailable';
    return this.#secrets.has(id) ? 'ok' : 'missing';
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

type SecretsRead =
  | { readonly ok: true; readonly secrets: Map<string, OtpSecret> }
  | { readonly ok: false; readonly message: string };

async function readAllSecrets(store: SecretStore): Promise<SecretsRead> {
  try {
    return { ok: true, secrets: await store.getAll() };
  } catch (error) {
    if (error instanceof KeychainUnavailableError) return { ok: false, message: error.message };
    throw error;
  }
}

function notFound(): EditOutcome {
  return { ok: false, reason: 'not-found', message: 'That device no longer exists.' };
}
