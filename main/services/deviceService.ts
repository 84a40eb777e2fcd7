/**
 * Devices use case (services layer): add, rename, remove, advance HOTP counters, list views.
 * Owns the in-memory copy of the metadata document and of the seeds (read once, in bulk, at
 * start-up). Write order keeps crashes harmless: a seed is stored before its metadata, and a
 * delete records its intent in the metadata before the keychain item goes (DESIGN.md §1.4).
 */
import type {
  AddOutcome,
  AppStatusView,
  AwsEditInput,
  DeviceView,
  DeviceWarning,
  EditOutcome,
  ManualEntryInput,
  RenameInput,
} from '../../preload/contract/contract';
import { validateAwsEdit } from '../core/aws/awsEdit';
import { parseAwsLabel } from '../core/device/awsLabel';
import type { Device } from '../core/device/device';
import { toDeviceView, type SecretStatus } from '../core/device/deviceView';
import {
  normalizeDisplayText,
  parseManualEntry,
  parseOtpauthUri,
  type ParsedOtpDevice,
  type UriParseOutcome,
} from '../core/otp/otpauthUri';
import {
  KeychainUnavailableError,
  type Clock,
  type SecretStore,
  type VaultStore,
} from '../core/ports';
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

type KeychainState =
  { readonly available: true } | { readonly available: false; readonly message: string };

const KEYCHAIN_HELP =
  'Tessera keeps every secret in the system keychain, and it could not be reached. Unlock or start your keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), then choose "Try again".';

export class DeviceService {
  #document: VaultDocument;
  readonly #secrets = new Map<string, OtpSecret>();
  #keychain: KeychainState = { available: true };
  #vaultNotice: string | null = null;
  #recovered = 0;
  /** Ids whose seed is stored but whose metadata is still being written. */
  readonly #adding = new Set<string>();
  readonly #listeners = new Set<() => void>();

  private constructor(
    private readonly deps: DeviceServiceDeps,
    document: VaultDocument,
  ) {
    this.#document = document;
  }

  /**
   * Loads the metadata, then the seeds of the known devices (parallel reads), and finishes
   * deletes a crash interrupted. Seeds without metadata are found by `recoverOrphans()`, which
   * the app runs in the background once codes are showing. With `secrets: 'on-demand'` (the
   * CLI) no seed is read until `loadSecret` asks for one.
   */
  static async open(
    deps: DeviceServiceDeps,
    options: { readonly secrets?: 'known' | 'on-demand' } = {},
  ): Promise<DeviceService> {
    const loaded = await deps.vault.load();
    const service = new DeviceService(deps, loaded.document);
    if (loaded.recoveredFrom === 'previous-generation') {
      service.#vaultNotice =
        'vault.json was damaged, so Tessera opened the previous copy. Check that your devices are all there.';
    }
    if (options.secrets !== 'on-demand') await service.#loadKnownSecrets();
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
    await this.#loadKnownSecrets();
    if (this.#keychain.available) await this.recoverOrphans();
    this.#notify();
    return this.status();
  }

  /**
   * Reads a single device's seed (the CLI's path: one keychain read, not a thousand).
   * @throws KeychainUnavailableError when the keychain cannot be reached.
   */
  async loadSecret(id: string): Promise<OtpSecret | undefined> {
    const cached = this.#secrets.get(id);
    if (cached !== undefined) return cached;
    const found = await this.deps.secrets.getMany([id]);
    const secret = found.get(id);
    if (secret !== undefined) this.#secrets.set(id, secret);
    return secret;
  }

  /**
   * The slow half of start-up reconciliation: lists every item under our keychain service and
   * recovers those without metadata into the "Recovered" group (DESIGN.md §1.4). Returns how many.
   */
  async recoverOrphans(): Promise<number> {
    if (!this.#keychain.available) return 0;
    let all: Map<string, OtpSecret>;
    try {
      all = await this.deps.secrets.getAll();
    } catch (error) {
      if (error instanceof KeychainUnavailableError) return 0;
      throw error;
    }
    const plan = planReconcile(this.#document, new Set(all.keys()));
    // A device being added has its seed stored just before its metadata: not an orphan.
    const orphans = plan.orphans.filter(id => !this.#adding.has(id));
    for (const [id, secret] of all) {
      if (!orphans.includes(id)) secret.wipe();
    }
    if (orphans.length === 0) return 0;
    const nowMs = this.deps.clock.nowMs();
    this.#document = await this.deps.vault.update(document => {
      let next = document;
      for (const id of orphans) {
        if (!findDevice(next, id) && !next.pendingSecretDeletes.includes(id)) {
          next = addDevice(next, recoveredDevice(id, nextOrder(next), nowMs));
        }
      }
      return next;
    });
    for (const id of orphans) {
      const secret = all.get(id);
      if (secret !== undefined && findDevice(this.#document, id)) this.#secrets.set(id, secret);
    }
    this.#recovered += orphans.length;
    this.#notify();
    return orphans.length;
  }

  addFromUri(uri: string): Promise<AddOutcome> {
    return this.#addParsed(parseOtpauthUri(uri));
  }

  addManual(input: ManualEntryInput): Promise<AddOutcome> {
    return this.#addParsed(parseManualEntry(input));
  }

  async rename(id: string, input: RenameInput): Promise<EditOutcome> {
    const issuer = normalizeDisplayText(input.issuer);
    const accountName = normalizeDisplayText(input.accountName);
    if (issuer === undefined || accountName === undefined) {
      return { ok: false, reason: 'invalid', message: 'Names cannot contain NUL characters.' };
    }
    if (issuer === '' && accountName === '') {
      return {
        ok: false,
        reason: 'invalid',
        message: 'Give the device an issuer or an account name.',
      };
    }
    return this.#edit(id, device => ({
      ...device,
      issuer,
      accountName,
      updatedAt: this.deps.clock.nowMs(),
    }));
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
      this.#document = await this.deps.vault.update(document =>
        clearPendingDeletes(document, [id]),
      );
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
      return Promise.resolve({
        ok: false,
        reason: 'invalid',
        message: 'Only counter-based (HOTP) devices have a next code.',
      });
    }
    return this.#edit(id, current =>
      current.type === 'hotp'
        ? { ...current, counter: current.counter + 1, updatedAt: this.deps.clock.nowMs() }
        : current,
    );
  }

  /** Records a copy: when, and for TOTP which time step (what the reuse guard checks). */
  async markUsed(id: string, copiedStep?: number): Promise<void> {
    await this.#edit(id, device => ({
      ...device,
      lastUsedAt: this.deps.clock.nowMs(),
      ...(copiedStep === undefined ? {} : { lastCopiedStep: copiedStep }),
    }));
  }

  /** Attaches (or corrects) the AWS metadata the user confirmed; nothing changes if invalid. */
  async editAws(id: string, input: AwsEditInput): Promise<EditOutcome> {
    const validated = validateAwsEdit(input);
    if (!validated.ok) return { ok: false, reason: 'invalid', message: validated.message };
    return this.#edit(id, device => ({
      ...device,
      aws: validated.aws,
      updatedAt: this.deps.clock.nowMs(),
    }));
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
    this.#adding.add(device.id);
    try {
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
        this.#document = await this.deps.vault.update(document =>
          addDevice(document, { ...device, order: nextOrder(document) }),
        );
      } catch (error) {
        await this.deps.secrets.delete(device.id).catch(() => false); // never leave an orphaned seed behind
        parsed.secret.wipe();
        throw error;
      }
    } finally {
      this.#adding.delete(device.id);
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
    const sameSecret = [...this.#secrets.entries()].find(([, secret]) =>
      secret.equals(parsed.secret),
    );
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
        d =>
          fold(d.issuer) === fold(parsed.issuer) &&
          fold(d.accountName) === fold(parsed.accountName),
      )
    ) {
      warnings.push({
        kind: 'duplicate-label',
        message: 'A device with the same issuer and account name already exists.',
      });
    }
    return warnings;
  }

  async #loadKnownSecrets(): Promise<void> {
    const ids = this.#document.devices.map(device => device.id);
    let found: Map<string, OtpSecret>;
    try {
      found = await this.deps.secrets.getMany(ids);
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
      this.#keychain = { available: false, message: `${error.message} ${KEYCHAIN_HELP}` };
      return;
    }
    this.#keychain = { available: true };
    for (const secret of this.#secrets.values()) secret.wipe();
    this.#secrets.clear();
    for (const [id, secret] of found) this.#secrets.set(id, secret);
    await this.#finishPendingDeletes();
  }

  /** Deletes the user confirmed whose keychain half a crash interrupted (never resurrected). */
  async #finishPendingDeletes(): Promise<void> {
    const pending = this.#document.pendingSecretDeletes;
    if (pending.length === 0) return;
    await Promise.all(pending.map(id => this.deps.secrets.delete(id)));
    this.#document = await this.deps.vault.update(document =>
      clearPendingDeletes(document, pending),
    );
  }

  #statusOf(id: string): SecretStatus {
    if (!this.#keychain.available) return 'keychain-unavailable';
    return this.#secrets.has(id) ? 'ok' : 'missing';
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function notFound(): EditOutcome {
  return { ok: false, reason: 'not-found', message: 'That device no longer exists.' };
}
