/**
 * Backup, restore, import and export (services layer, issue 6). Files are read and written here,
 * in main, through the UserFiles port: the renderer only ever sees previews and summaries, never
 * a seed or a plaintext export. Nothing is stored before the user applies a preview, and a
 * failed apply leaves vault.json and the keychain as they were (DeviceService.storeMany).
 */
import type {
  ApplyOutcome,
  BackupStatusView,
  ConflictChoiceName,
  ExportFormatName,
  FailureReason,
  ImportFormatName,
  OpenFileOutcome,
  PreviewItemView,
  PreviewOutcome,
  ProgressView,
  WriteOutcome,
} from '../../preload/contract/backupChannels';
import {
  openWithKeys,
  readBackupHeader,
  sealPayload,
  MAX_BACKUP_BYTES,
} from '../core/backup/envelope';
import { DEFAULT_KDF, deriveBackupKeys, wipeKeys, type Argon2idParams } from '../core/backup/kdf';
import { encodePayload, type BackupDevice } from '../core/backup/payload';
import { deviceLabel } from '../core/device/deviceView';
import { UserFileError, type UserFiles } from '../core/filePorts';
import { exportAegisVault } from '../core/interop/aegis';
import {
  applyPlan,
  planImport,
  type Candidate,
  type PlanItem,
  type StoredDevice,
} from '../core/interop/importPlan';
import { exportOtpauthList } from '../core/interop/otpauthList';
import { IMPORTERS, sniffFormats } from '../core/interop/registry';
import { BACKUP_TO_IMPORT_FAILURE } from '../core/interop/tesseraBackup';
import { MAX_IMPORT_BYTES, type EntryError, type ImportFormat } from '../core/interop/types';
import { KeychainUnavailableError, type Clock } from '../core/ports';
import type { DeviceService } from './deviceService';

export interface InteropDeps {
  readonly devices: DeviceService;
  readonly clock: Clock;
  readonly files: UserFiles;
  /** Fresh random bytes (salts, nonces, keys): crypto.randomBytes in the app. */
  readonly randomBytes: (length: number) => Uint8Array;
  readonly newId: () => string;
  /** Argon2id parameters for new backups (tests use small ones). */
  readonly kdf?: Argon2idParams;
  readonly onProgress?: (progress: ProgressView) => void;
}

interface Pending {
  readonly kind: 'import' | 'restore';
  readonly candidates: readonly Candidate[];
  readonly errors: readonly EntryError[];
}

type Failure = { readonly ok: false; readonly reason: FailureReason; readonly message: string };
const failure = (reason: FailureReason, message: string): Failure => ({
  ok: false,
  reason,
  message,
});

function secretsOf(candidates: readonly Candidate[]) {
  return candidates.map(c => (c.kind === 'entry' ? c.entry.secret : c.secret));
}

export class InteropService {
  /** The one file the user opened last (id → name and bytes); replaced by the next. */
  #opened: { id: string; name: string; bytes: Uint8Array } | undefined;
  /** The one preview awaiting the user's decision; its seeds are wiped when it goes. */
  #pending: { token: string; value: Pending } | undefined;

  constructor(private readonly deps: InteropDeps) {}

  #progress(operation: ProgressView['operation'], step: ProgressView['step']): void {
    this.deps.onProgress?.({ operation, step });
  }

  /** Reads a file the user chose (bounded) and says which formats it looks like. */
  async openPath(path: string, name: string): Promise<OpenFileOutcome> {
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.files.read(path, MAX_IMPORT_BYTES);
    } catch (error) {
      if (error instanceof UserFileError) {
        return failure(error.reason === 'too-large' ? 'too-large' : 'file-error', error.message);
      }
      throw error;
    }
    this.#opened?.bytes.fill(0);
    const id = this.deps.newId();
    this.#opened = { id, name, bytes };
    return {
      ok: true,
      file: {
        fileId: id,
        name,
        sizeBytes: bytes.length,
        detected: sniffFormats(bytes),
        available: Object.keys(IMPORTERS) as ImportFormatName[],
      },
    };
  }

  #openedBytes(fileId: string): Uint8Array | undefined {
    return this.#opened?.id === fileId ? this.#opened.bytes : undefined;
  }

  previewOpened(
    fileId: string,
    format: ImportFormat,
    password: string | undefined,
  ): Promise<PreviewOutcome> {
    const bytes = this.#openedBytes(fileId);
    if (bytes === undefined) {
      return Promise.resolve(failure('expired', 'Choose the file again (it was closed).'));
    }
    return this.previewBytes(format, bytes, password);
  }

  /**
   * Reads a file in a format and plans it against the stored devices. A Tessera backup is a
   * restore: devices keep their ids, AWS details, order and timestamps.
   */
  async previewBytes(
    format: ImportFormat,
    bytes: Uint8Array,
    password: string | undefined,
  ): Promise<PreviewOutcome> {
    const read =
      format === 'tessera'
        ? await this.#readBackup(bytes, password)
        : await this.#readForeign(format, bytes, password);
    if (!read.ok) return read;
    let stored: StoredDevice[];
    try {
      stored = await this.#stored();
    } catch (error) {
      for (const secret of secretsOf(read.value.candidates)) secret.wipe();
      if (error instanceof KeychainUnavailableError)
        return failure('keychain-unavailable', error.message);
      throw error;
    }
    const plan = planImport(stored, read.value.candidates);
    this.#replacePending({ token: this.deps.newId(), value: read.value });
    const token = this.#pending?.token ?? '';
    const items = plan.map(item => this.#itemView(item, read.value.candidates, stored));
    return {
      ok: true,
      preview: {
        token,
        kind: read.value.kind,
        format,
        items,
        errors: read.value.errors.map(e => ({
          index: e.index,
          label: e.label ?? null,
          reason: e.reason,
        })),
        counts: {
          new: items.filter(i => i.status === 'new').length,
          present: items.filter(i => i.status === 'present').length,
          conflict: items.filter(i => i.status === 'conflict').length,
          errors: read.value.errors.length,
        },
        createdAtMs: read.createdAtMs,
      },
    };
  }

  async #readBackup(
    bytes: Uint8Array,
    passphrase: string | undefined,
  ): Promise<{ ok: true; value: Pending; createdAtMs: number | null } | Failure> {
    const header = readBackupHeader(bytes);
    if (!header.ok) return failure(BACKUP_TO_IMPORT_FAILURE[header.reason], header.message);
    if (passphrase === undefined || passphrase === '') {
      return failure('password-required', 'This backup is encrypted: enter its passphrase.');
    }
    this.#progress('restore', 'deriving-key');
    const keys = await deriveBackupKeys(passphrase, header.value.salt, header.value.kdf);
    this.#progress('restore', 'decrypting');
    let opened;
    try {
      opened = openWithKeys(header.value, keys);
    } finally {
      wipeKeys(keys);
    }
    this.#progress('restore', 'done');
    if (!opened.ok) return failure(BACKUP_TO_IMPORT_FAILURE[opened.reason], opened.message);
    const candidates: Candidate[] = opened.value.devices.map(d => ({ kind: 'device', ...d }));
    return {
      ok: true,
      value: { kind: 'restore', candidates, errors: [] },
      createdAtMs: opened.value.createdAtMs,
    };
  }

  async #readForeign(
    format: ImportFormat,
    bytes: Uint8Array,
    password: string | undefined,
  ): Promise<{ ok: true; value: Pending; createdAtMs: null } | Failure> {
    const importer = IMPORTERS[format];
    if (importer === undefined) {
      return failure('not-available', `Importing from ${format} is not available in this build.`);
    }
    this.#progress('import', importer.isEncrypted(bytes) ? 'deriving-key' : 'reading');
    const outcome = await importer.read({ bytes, ...(password === undefined ? {} : { password }) });
    this.#progress('import', 'done');
    if (!outcome.ok) return failure(outcome.reason, outcome.message);
    const candidates: Candidate[] = outcome.value.entries.map(entry => ({ kind: 'entry', entry }));
    return {
      ok: true,
      value: { kind: 'import', candidates, errors: outcome.value.errors },
      createdAtMs: null,
    };
  }

  #itemView(
    item: PlanItem,
    candidates: readonly Candidate[],
    stored: readonly StoredDevice[],
  ): PreviewItemView {
    const candidate = candidates[item.index];
    const view =
      candidate?.kind === 'entry'
        ? {
            issuer: candidate.entry.issuer,
            accountName: candidate.entry.accountName,
            type: candidate.entry.params.type,
            warnings: [...candidate.entry.warnings],
          }
        : {
            issuer: candidate?.device.issuer ?? '',
            accountName: candidate?.device.accountName ?? '',
            type: candidate?.device.type ?? 'totp',
            warnings: [],
          };
    const existingId = item.status === 'new' ? undefined : item.existingId;
    const existing = stored.find(s => s.device.id === existingId)?.device;
    return {
      index: item.index,
      ...view,
      status: item.status,
      conflict: item.status === 'conflict' ? item.conflict : null,
      existingLabel: existing === undefined ? null : deviceLabel(existing),
    };
  }

  async #stored(): Promise<StoredDevice[]> {
    const list: StoredDevice[] = [];
    for (const device of this.deps.devices.devices()) {
      list.push({ device, secret: await this.deps.devices.loadSecret(device.id) });
    }
    return list;
  }

  #replacePending(next: { token: string; value: Pending } | undefined): void {
    if (this.#pending !== undefined)
      for (const secret of secretsOf(this.#pending.value.candidates)) secret.wipe();
    this.#pending = next;
  }

  /** Forgets a preview or an opened file. */
  discard(token: string): void {
    if (this.#pending?.token === token) this.#replacePending(undefined);
    if (this.#opened?.id === token) {
      this.#opened.bytes.fill(0);
      this.#opened = undefined;
    }
  }

  /**
   * Stores what a preview found, with the user's choice for every conflict. Planned again
   * against the devices as they are now (another window or the CLI may have changed them).
   */
  async apply(token: string, choice: ConflictChoiceName): Promise<ApplyOutcome> {
    const pending = this.#pending;
    if (pending?.token !== token)
      return failure('expired', 'This preview is no longer current; open the file again.');
    const { candidates, errors, kind } = pending.value;
    try {
      const stored = await this.#stored();
      const plan = planImport(stored, candidates);
      const applied = applyPlan(plan, candidates, () => choice, {
        stored,
        nowMs: this.deps.clock.nowMs(),
        newId: this.deps.newId,
        takenIds: new Set([
          ...stored.map(s => s.device.id),
          ...this.deps.devices.pendingDeleteIds(),
        ]),
      });
      this.#progress(kind, 'storing');
      await this.deps.devices.storeMany(applied.add, applied.replace, (done, total) => {
        this.deps.onProgress?.({ operation: kind, step: 'storing', done, total });
      });
      this.#progress(kind, 'done');
      return {
        ok: true,
        summary: {
          added: applied.add.length,
          replaced: applied.replace.length,
          skipped: applied.skipped,
          present: applied.present,
          errors: errors.length,
        },
      };
    } catch (error) {
      if (error instanceof KeychainUnavailableError)
        return failure('keychain-unavailable', error.message);
      throw error;
    } finally {
      this.#replacePending(undefined);
    }
  }

  /** Every device with its seed; devices whose seed is missing are counted, not included. */
  async #withSeeds(): Promise<{ list: BackupDevice[]; missing: number }> {
    const list: BackupDevice[] = [];
    let missing = 0;
    for (const device of this.deps.devices.devices()) {
      const secret = await this.deps.devices.loadSecret(device.id);
      if (secret === undefined) missing += 1;
      else list.push({ device, secret });
    }
    return { list, missing };
  }

  /** Writes an encrypted backup of every device to `path`, then records it for the reminder. */
  async createBackup(path: string, name: string, passphrase: string): Promise<WriteOutcome> {
    return this.#write('backup', path, name, async list => {
      const kdf = this.deps.kdf ?? DEFAULT_KDF;
      const params = { kdf, salt: this.deps.randomBytes(16), nonce: this.deps.randomBytes(12) };
      const plaintext = encodePayload(list, this.deps.clock.nowMs());
      this.#progress('backup', 'deriving-key');
      const keys = await deriveBackupKeys(passphrase, params.salt, kdf);
      this.#progress('backup', 'encrypting');
      try {
        return sealPayload(plaintext, keys, params);
      } finally {
        wipeKeys(keys);
        plaintext.fill(0);
      }
    });
  }

  /** Exports every device in a format: `tessera` is a backup; `aegis` is encrypted; `otpauth-list` is not. */
  exportTo(
    format: ExportFormatName,
    path: string,
    name: string,
    password: string | undefined,
  ): Promise<WriteOutcome> {
    if (format !== 'otpauth-list' && (password === undefined || password === '')) {
      return Promise.resolve(
        failure('password-required', 'Choose a password for the encrypted export.'),
      );
    }
    if (format === 'tessera') return this.createBackup(path, name, password ?? '');
    if (format === 'otpauth-list')
      return this.#write('export', path, name, list => Promise.resolve(exportOtpauthList(list)));
    return this.#write('export', path, name, list => {
      this.#progress('export', 'deriving-key');
      const random = this.deps.randomBytes;
      return exportAegisVault(list, password ?? '', {
        masterKey: random(32),
        salt: random(32),
        slotNonce: random(12),
        dbNonce: random(12),
        slotUuid: random(16),
      });
    });
  }

  async #write(
    operation: 'backup' | 'export',
    path: string,
    name: string,
    render: (list: readonly BackupDevice[]) => Promise<string>,
  ): Promise<WriteOutcome> {
    let seeds;
    try {
      seeds = await this.#withSeeds();
    } catch (error) {
      if (error instanceof KeychainUnavailableError)
        return failure('keychain-unavailable', error.message);
      throw error;
    }
    if (seeds.list.length === 0) {
      return failure('nothing-to-export', 'There are no devices with a stored secret to write.');
    }
    if (seeds.list.length > MAX_BACKUP_BYTES / 100) {
      return failure('too-large', 'Too many devices for one file.');
    }
    const text = await render(seeds.list);
    this.#progress(operation, 'writing');
    try {
      await this.deps.files.writePrivate(path, text);
    } catch (error) {
      if (error instanceof UserFileError) return failure('file-error', error.message);
      throw error;
    }
    if (operation === 'backup') {
      await this.deps.devices.markBackedUp(
        seeds.list.map(d => d.device.id),
        this.deps.clock.nowMs(),
      );
    }
    this.#progress(operation, 'done');
    return { ok: true, name, count: seeds.list.length, missing: seeds.missing };
  }

  status(): BackupStatusView {
    const devices = this.deps.devices.devices();
    const times = devices.map(d => d.lastBackupAt).filter((t): t is number => t !== undefined);
    return {
      devices: devices.length,
      neverBackedUp: devices.filter(d => d.lastBackupAt === undefined).length,
      changedSinceBackup: devices.filter(
        d => d.lastBackupAt !== undefined && d.updatedAt > d.lastBackupAt,
      ).length,
      lastBackupAt: times.length === 0 ? null : Math.max(...times),
    };
  }
}
