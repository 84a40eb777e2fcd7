/**
 * Devices use case (services layer): add, rename, remove, advance HOTP counters, list views.
 * Owns the in-memory copy of the metadata document and of the seeds (read once, in bulk, at
 * start-up). Write order keeps crashes harmless: a seed is stored before its metadata, and a
 * delete records its intent in the metadata before the keychain item goes (DESIGN.md §1.4).
 */
import { ZodError } from 'zod';
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
import type {
  DeviceEditInput,
  DeviceEditOutcome,
  PreviewOutcome,
  ReenterOutcome,
} from '../../preload/contract/editChannels';
import { validateAwsEdit } from '../core/aws/awsEdit';
import { parseAwsLabel } from '../core/device/awsLabel';
import { applyDeviceEdit, validateDeviceEdit } from '../core/device/deviceEdit';
import { toDevicePreview } from '../core/device/devicePreview';
import { parseReenteredSecret } from '../core/device/reenteredSecret';
import { Device } from '../core/device/device';
import type { PlannedDevice } from '../core/interop/importPlan';
import { toDeviceView, type SecretStatus } from '../core/device/deviceView';
import { groupsFor } from '../core/device/grouping';
import { moveDevice, type MoveTarget } from '../core/device/ordering';
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
import { OtpSecret } from '../core/secret';
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

/** Keychain writes in flight at once while storing many devices. */
const PUT_BATCH = 8;

const KEYCHAIN_HELP =
  'Tessera keeps every secret in the system keychain, and it could not be reached. Unlock or start your keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), then choose "Try again".';

export class DeviceService {
  #document: VaultDocument;
  readonly #secrets = new Map<string, OtpSecret>();
  #keychain: KeychainState = { available: true };
  #vaultNotice: string | null = null;
  #recovered = 0;
  /** `known`: seeds of known devices are kept in memory (the app); `on-demand`: the CLI. */
  #mode: 'known' | 'on-demand' = 'known';
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
    service.#mode = options.secrets ?? 'known';
    if (service.#mode === 'known') await service.#loadKnownSecrets();
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
    const devices = this.devices();
    const groups = groupsFor(devices);
    return devices.map(device =>
      toDeviceView(device, this.#statusOf(device.id), groups.get(device.id)),
    );
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
    for (const id of orphans) {
      const secret = all.get(id);
      if (secret !== undefined) this.#secrets.set(id, secret);
    }
    const nowMs = this.deps.clock.nowMs();
    await this.#update(document => {
      let next = document;
      for (const id of orphans) {
        if (!findDevice(next, id) && !next.pendingSecretDeletes.includes(id)) {
          next = addDevice(next, recoveredDevice(id, nextOrder(next), nowMs));
        }
      }
      return next;
    });
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

  /**
   * Stores many devices at once (an import or a restore): every seed first, then ONE vault
   * update that adds `add` and replaces the stored devices named in `replace`. If anything
   * fails, the seeds written are deleted (replaced ones are put back) and vault.json is left
   * as it was; the error is rethrown. Seeds stay owned by the caller.
   */
  async storeMany(
    add: readonly PlannedDevice[],
    replace: readonly PlannedDevice[],
    onStored?: (done: number, total: number) => void,
  ): Promise<void> {
    if (!this.#keychain.available) throw new KeychainUnavailableError(this.#keychain.message);
    const previous = new Map<string, OtpSecret | undefined>();
    for (const { device } of replace) previous.set(device.id, await this.loadSecret(device.id));
    const written: string[] = [];
    for (const { device } of add) this.#adding.add(device.id);
    try {
      // A few writes in flight at once (keytar runs them on libuv's pool); settled per batch so
      // every seed that did get written is known, and deleted again if anything fails.
      const items = [...add, ...replace];
      for (let start = 0; start < items.length; start += PUT_BATCH) {
        const batch = items.slice(start, start + PUT_BATCH);
        const results = await Promise.allSettled(
          batch.map(({ device, secret }) => this.deps.secrets.put(device.id, secret)),
        );
        results.forEach((result, i) => {
          const id = batch[i]?.device.id;
          if (result.status === 'fulfilled' && id !== undefined) written.push(id);
        });
        const failed = results.find(result => result.status === 'rejected');
        if (failed !== undefined) throw failed.reason;
        onStored?.(written.length, items.length);
      }
      await this.#update(document => {
        let next = document;
        for (const { device } of replace) next = updateDevice(next, device.id, () => device);
        for (const { device } of add) {
          next = addDevice(next, Device.parse({ ...device, order: nextOrder(next) }));
        }
        return next;
      });
    } catch (error) {
      for (const id of written) {
        const old = previous.get(id);
        await (
          old === undefined ? this.deps.secrets.delete(id) : this.deps.secrets.put(id, old)
        ).catch(() => false);
      }
      throw error;
    } finally {
      for (const { device } of add) this.#adding.delete(device.id);
    }
    for (const old of previous.values()) old?.wipe();
    for (const { device, secret } of [...add, ...replace]) {
      this.#secrets.set(device.id, OtpSecret.fromBytes(secret.use(bytes => bytes)));
    }
    this.#notify();
  }

  /** Ids whose keychain delete is still pending: never to be reused by a restore. */
  pendingDeleteIds(): readonly string[] {
    return this.#document.pendingSecretDeletes;
  }

  /** Records that these devices were just written into a backup (never touches updatedAt). */
  async markBackedUp(ids: readonly string[], atMs: number): Promise<void> {
    const wanted = new Set(ids);
    await this.#update(document => ({
      ...document,
      generation: document.generation + 1,
      devices: document.devices.map(device =>
        wanted.has(device.id) ? { ...device, lastBackupAt: atMs } : device,
      ),
    }));
    this.#notify();
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

  /** Saves the Edit dialog in one write; when any field is refused, nothing changes. */
  async edit(id: string, input: DeviceEditInput): Promise<DeviceEditOutcome> {
    const validated = validateDeviceEdit(input);
    if (!validated.ok) {
      return { ok: false, reason: 'invalid', field: validated.field, message: validated.message };
    }
    const outcome = await this.#edit(id, device =>
      applyDeviceEdit(device, validated.edit, this.deps.clock.nowMs()),
    );
    if (outcome.ok) return outcome;
    return {
      ok: false,
      reason: outcome.reason === 'not-found' ? 'not-found' : 'invalid',
      field: null,
      message: outcome.message,
    };
  }

  /** What adding this URI would store, with the duplicate warnings of an add; stores nothing. */
  previewUri(uri: string): PreviewOutcome {
    return this.#preview(parseOtpauthUri(uri));
  }

  previewManual(input: ManualEntryInput): PreviewOutcome {
    return this.#preview(parseManualEntry(input));
  }

  /**
   * Stores a seed typed in again (base32, or a URI with the same code settings) for a device
   * whose keychain item is missing, keeping its metadata. A device that has its seed is refused:
   * replacing a working secret silently would change its codes (HOSTILE-INPUTS #37).
   */
  async reenterSecret(id: string, text: string): Promise<ReenterOutcome> {
    const device = findDevice(this.#document, id);
    if (device === undefined) return { ok: false, reason: 'not-found', message: NOT_FOUND };
    if (!this.#keychain.available) {
      return { ok: false, reason: 'keychain-unavailable', message: this.#keychain.message };
    }
    if (this.#secrets.has(id)) {
      return {
        ok: false,
        reason: 'has-secret',
        message:
          'This device still has its secret in the keychain. To use another secret, add it as a new device.',
      };
    }
    const parsed = parseReenteredSecret(device, text);
    if (!parsed.ok) return parsed;
    const { secret } = parsed.value;
    const warnings = [
      ...parsed.value.warnings.filter(warning => warning.kind === 'weak-secret'),
      ...this.#duplicateWarnings(parsed.value).filter(w => w.kind === 'duplicate-secret'),
    ];
    try {
      await this.deps.secrets.put(id, secret);
    } catch (error) {
      secret.wipe();
      if (error instanceof KeychainUnavailableError) {
        return { ok: false, reason: 'keychain-unavailable', message: error.message };
      }
      throw error;
    }
    this.#secrets.set(id, secret);
    this.#notify();
    return { ok: true, warnings };
  }

  async remove(id: string): Promise<EditOutcome> {
    if (!findDevice(this.#document, id)) return notFound();
    // 1. Record the intent with the metadata removal; 2. delete the seed; 3. clear the intent.
    await this.#update(document => removeDevice(document, id));
    this.#secrets.get(id)?.wipe();
    this.#secrets.delete(id);
    this.#notify();
    try {
      await this.deps.secrets.delete(id);
      await this.#update(document => clearPendingDeletes(document, [id]));
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

  /**
   * Uses an HOTP code: moves the stored counter past it *before* the code is shown or copied
   * (HOSTILE-INPUTS #44), reading the counter inside the locked update so two processes never
   * hand out the same code. `skip` 1 uses the code after the current one. Returns the counter
   * of the code to show.
   */
  async consumeHotp(
    id: string,
    skip: 0 | 1,
  ): Promise<{ ok: true; counter: number } | Extract<EditOutcome, { ok: false }>> {
    let used: number | undefined;
    const outcome = await this.#edit(id, current => {
      if (current.type !== 'hotp') return current;
      used = current.counter + skip;
      return {
        ...current,
        counter: used + 1,
        lastUsedAt: this.deps.clock.nowMs(),
        updatedAt: this.deps.clock.nowMs(),
      };
    });
    if (!outcome.ok) return outcome;
    if (used === undefined)
      return {
        ok: false,
        reason: 'invalid',
        message: 'Only counter-based (HOTP) devices have counters.',
      };
    return { ok: true, counter: used };
  }

  /** Records a copy: when, and for TOTP which time step (what the reuse guard checks). */
  async markUsed(id: string, copiedStep?: number): Promise<void> {
    await this.#edit(id, device => ({
      ...device,
      lastUsedAt: this.deps.clock.nowMs(),
      // Only ever forward: verifiers refuse older steps anyway (RFC 6238 §5.2), so a copy of an
      // older code must not erase the record of a newer one.
      ...(copiedStep === undefined
        ? {}
        : { lastCopiedStep: Math.max(copiedStep, device.lastCopiedStep ?? 0) }),
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

  /** Pins a device to the top of the list (or unpins it). */
  setFavorite(id: string, favorite: boolean): Promise<EditOutcome> {
    return this.#edit(id, device =>
      device.favorite === favorite
        ? device
        : { ...device, favorite, updatedAt: this.deps.clock.nowMs() },
    );
  }

  /** Manual order: moves a device next to another one, or to a position in the whole list. */
  async move(id: string, target: MoveTarget): Promise<EditOutcome> {
    try {
      await this.#update(document => moveDevice(document, id, target, this.deps.clock.nowMs()));
    } catch (error) {
      if (error instanceof VaultEditError && error.reason === 'not-found') {
        return { ok: false, reason: 'not-found', message: error.message };
      }
      throw error;
    }
    this.#notify();
    return { ok: true };
  }

  async #edit(id: string, change: (device: Device) => Device): Promise<EditOutcome> {
    try {
      await this.#update(document => updateDevice(document, id, change));
    } catch (error) {
      if (error instanceof VaultEditError && error.reason === 'not-found') return notFound();
      // A value the contract allowed but the stored schema does not (e.g. a name that NFC
      // normalisation made longer): refused, nothing written.
      if (error instanceof ZodError) {
        return { ok: false, reason: 'invalid', message: 'That value is too long or out of range.' };
      }
      throw error;
    }
    this.#notify();
    return { ok: true };
  }

  /**
   * Writes through the vault store and adopts the newest document it returns, which may hold
   * devices another process (the CLI) added: their seeds are read now, so they never show as
   * "missing" (and the user is never invited to delete a device whose seed is fine).
   */
  async #update(change: (document: VaultDocument) => VaultDocument): Promise<VaultDocument> {
    const document = await this.deps.vault.update(change);
    await this.#adopt(document);
    return document;
  }

  async #adopt(document: VaultDocument): Promise<void> {
    this.#document = document;
    if (this.#mode !== 'known' || !this.#keychain.available) return;
    const live = new Set(document.devices.map(device => device.id));
    for (const [id, secret] of this.#secrets) {
      if (!live.has(id) && !this.#adding.has(id)) {
        secret.wipe();
        this.#secrets.delete(id);
      }
    }
    const unknown = [...live].filter(id => !this.#secrets.has(id) && !this.#adding.has(id));
    if (unknown.length === 0) return;
    try {
      for (const [id, secret] of await this.deps.secrets.getMany(unknown)) {
        if (!this.#secrets.has(id)) this.#secrets.set(id, secret);
      }
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
    }
  }

  /** Re-reads vault.json (another process, such as the CLI, may have changed it). */
  async reload(): Promise<void> {
    const loaded = await this.deps.vault.load();
    if (loaded.document.generation === this.#document.generation) return;
    await this.#adopt(loaded.document);
    this.#notify();
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
        await this.#update(document => {
          // Another process's orphan scan may have recovered this very seed a moment ago:
          // the real metadata replaces that placeholder.
          const placeholder = findDevice(document, device.id);
          const base =
            placeholder?.recovered === true
              ? { ...document, devices: document.devices.filter(d => d.id !== device.id) }
              : document;
          return addDevice(base, { ...device, order: placeholder?.order ?? nextOrder(base) });
        });
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

  #preview(outcome: UriParseOutcome): PreviewOutcome {
    if (!outcome.ok) return outcome;
    const parsed = outcome.value;
    try {
      if (!this.#keychain.available) {
        return { ok: false, reason: 'keychain-unavailable', message: this.#keychain.message };
      }
      return {
        ok: true,
        preview: toDevicePreview(this.#deviceFrom(parsed, PREVIEW_ID)),
        warnings: [...parsed.warnings, ...this.#duplicateWarnings(parsed)],
      };
    } finally {
      parsed.secret.wipe();
    }
  }

  #deviceFrom(parsed: ParsedOtpDevice, id: string = this.deps.newId()): Device {
    const nowMs = this.deps.clock.nowMs();
    const awsLabel = parseAwsLabel(parsed.issuer, parsed.accountName);
    const common = {
      id,
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
    // Merge, never clear: a device added while this read was in flight keeps its seed.
    for (const id of ids) {
      if (found.has(id) || this.#adding.has(id)) continue;
      this.#secrets.get(id)?.wipe();
      this.#secrets.delete(id);
    }
    for (const [id, secret] of found) {
      const previous = this.#secrets.get(id);
      if (previous !== undefined && previous !== secret) previous.wipe();
      this.#secrets.set(id, secret);
    }
    await this.#finishPendingDeletes();
  }

  /** Deletes the user confirmed whose keychain half a crash interrupted (never resurrected). */
  async #finishPendingDeletes(): Promise<void> {
    const pending = this.#document.pendingSecretDeletes;
    if (pending.length === 0) return;
    await Promise.all(pending.map(id => this.deps.secrets.delete(id)));
    await this.#update(document => clearPendingDeletes(document, pending));
  }

  #statusOf(id: string): SecretStatus {
    if (!this.#keychain.available) return 'keychain-unavailable';
    return this.#secrets.has(id) ? 'ok' : 'missing';
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** The id of a device that is only previewed, never stored (a preview does not use up an id). */
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

const NOT_FOUND = 'That device no longer exists.';

function notFound(): Extract<EditOutcome, { ok: false }> {
  return { ok: false, reason: 'not-found', message: NOT_FOUND };
}
