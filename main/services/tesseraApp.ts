/**
 * Composition of the use cases over ports (services layer). The Electron main process, the
 * e2e harness and tests all build Tessera through this one function, so what the harness
 * exercises is what the app runs; only the adapters passed in differ.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Argon2idParams } from '../core/backup/kdf';
import { UserFileError, type FileDialogs, type UserFiles } from '../core/filePorts';
import type {
  Clipboard,
  Clock,
  QrDecoder,
  ScreenCapture,
  SecretStore,
  SettingsStore,
  Timers,
  TimeServerClient,
  VaultStore,
} from '../core/ports';
import { createHandlers } from '../ipc/handlers';
import { createEmitter, registerHandlers, type IpcTransport, type Logger } from '../ipc/router';
import { ClipboardService, DEFAULT_CLIPBOARD_CLEAR_MS } from './clipboardService';
import { ClockService } from './clockService';
import { CodeService, type CodeServiceOptions } from './codeService';
import { CopyService } from './copyService';
import { DeviceService } from './deviceService';
import { EnrollmentService } from './enrollmentService';
import { ScanService } from './scanService';
import { SecretRevealService } from './secretRevealService';
import { SettingsService } from './settingsService';
import { TransferService } from './transferService';
import { InteropService } from './interopService';

export interface TesseraAdapters {
  readonly vault: VaultStore;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly clipboard: Clipboard;
  readonly timeServer: TimeServerClient;
  readonly settings: SettingsStore;
  /** Check the clock soon after start-up and every few hours (off in most tests). */
  readonly clockAutoCheck?: boolean;
  readonly transport: IpcTransport;
  readonly log: Logger;
  readonly newId?: () => string;
  readonly codeOptions?: CodeServiceOptions;
  /** Pins the clipboard clear delay (tests); otherwise settings.json decides. */
  readonly clipboardClearMs?: number | null;
  /** Files the user picks for backup/import/export (main/node FsUserFiles). */
  readonly files?: UserFiles;
  /** Open/save dialogs (Electron's, or the harness's). Without them, every dialog is cancelled. */
  readonly dialogs?: FileDialogs;
  /** Argon2id parameters for new backups (tests use small ones; default DEFAULT_KDF). */
  readonly backupKdf?: Argon2idParams;
  /** QR decoding (the worker in the app); without it scans say they are unavailable. */
  readonly qrDecoder?: QrDecoder;
  /** Screen grabs (desktopCapturer in the app, an X11 grab in the harness). */
  readonly screenCapture?: ScreenCapture;
}

const NO_DIALOGS: FileDialogs = {
  chooseOpen: () => Promise.resolve(undefined),
  chooseSave: () => Promise.resolve(undefined),
};

const NO_FILES: UserFiles = {
  read: () => Promise.reject(new UserFileError('unreadable', 'File access is not available here.')),
  writePrivate: () =>
    Promise.reject(new UserFileError('unwritable', 'File access is not available here.')),
};

export interface TesseraApp {
  readonly devices: DeviceService;
  readonly codes: CodeService;
  readonly clipboard: ClipboardService;
  readonly clockHealth: ClockService;
  readonly scan: ScanService;
  readonly settings: SettingsService;
  readonly interop: InteropService;
  /** Settles once the background half of start-up reconciliation (orphan recovery) is done. */
  readonly reconciled: Promise<void>;
  stop(): Promise<void>;
}

export async function startTessera(adapters: TesseraAdapters): Promise<TesseraApp> {
  const devices = await DeviceService.open({
    vault: adapters.vault,
    secrets: adapters.secrets,
    clock: adapters.clock,
    newId: adapters.newId ?? randomUUID,
  });
  const emit = createEmitter(adapters.transport);
  const codes = new CodeService(
    devices,
    adapters.clock,
    adapters.timers,
    payload => {
      emit('codes.changed', payload);
    },
    adapters.codeOptions,
  );
  const clipboard = new ClipboardService(
    adapters.clipboard,
    adapters.timers,
    adapters.clipboardClearMs === undefined
      ? DEFAULT_CLIPBOARD_CLEAR_MS
      : adapters.clipboardClearMs,
  );
  const copier = new CopyService(devices, codes, clipboard);
  const enrollment = new EnrollmentService(devices, codes, copier);
  const clockHealth = await ClockService.open({
    timeServer: adapters.timeServer,
    settings: adapters.settings,
    clock: adapters.clock,
    timers: adapters.timers,
    codes,
    autoCheck: adapters.clockAutoCheck ?? true,
  });
  const scan = new ScanService({
    devices,
    clock: adapters.clock,
    decoder: adapters.qrDecoder,
    screen: adapters.screenCapture,
  });
  const settings = await SettingsService.open(
    adapters.settings,
    clipboard,
    adapters.clipboardClearMs,
  );
  const interop = new InteropService({
    devices,
    clock: adapters.clock,
    files: adapters.files ?? NO_FILES,
    randomBytes: length => new Uint8Array(randomBytes(length)),
    newId: adapters.newId ?? randomUUID,
    ...(adapters.backupKdf === undefined ? {} : { kdf: adapters.backupKdf }),
    onProgress: progress => {
      emit('backup.progressChanged', progress);
    },
  });
  registerHandlers(
    adapters.transport,
    createHandlers({
      devices,
      codes,
      copier,
      enrollment,
      clockHealth,
      secrets: new SecretRevealService(devices, clipboard),
      scan,
      settings,
      transfer: new TransferService(devices, () => randomInt(2 ** 31)),
      backup: { interop, dialogs: adapters.dialogs ?? NO_DIALOGS },
    }),
    adapters.log,
  );
  const unsubscribers = [
    devices.onChange(() => {
      emit('devices.changed', devices.list());
    }),
    clockHealth.onChange(status => {
      emit('clock.changed', status);
    }),
    settings.onChange(view => {
      emit('settings.changed', view);
    }),
  ];
  codes.start();
  clockHealth.start();
  // Codes are showing; now look for keychain items without metadata, off the start-up path.
  const reconciled = devices.recoverOrphans().then(
    () => undefined,
    (error: unknown) => {
      adapters.log.warn('reconcile.failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    },
  );
  return {
    devices,
    codes,
    clipboard,
    clockHealth,
    scan,
    settings,
    interop,
    reconciled,
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      clockHealth.stop();
      codes.stop();
      await clipboard.flush();
      await reconciled; // never leave a vault write running behind a stopped app
    },
  };
}
