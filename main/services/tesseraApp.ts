/**
 * Composition of the use cases over ports (services layer). The Electron main process, the
 * e2e harness and tests all build Tessera through this one function, so what the harness
 * exercises is what the app runs; only the adapters passed in differ.
 */
import { randomUUID } from 'node:crypto';
import type { Clipboard, Clock, SecretStore, Timers, VaultStore } from '../core/ports';
import { createHandlers } from '../ipc/handlers';
import { createEmitter, registerHandlers, type IpcTransport, type Logger } from '../ipc/router';
import { ClipboardService, DEFAULT_CLIPBOARD_CLEAR_MS } from './clipboardService';
import { CodeService, type CodeServiceOptions } from './codeService';
import { DeviceService } from './deviceService';

export interface TesseraAdapters {
  readonly vault: VaultStore;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly clipboard: Clipboard;
  readonly transport: IpcTransport;
  readonly log: Logger;
  readonly newId?: () => string;
  readonly codeOptions?: CodeServiceOptions;
  readonly clipboardClearMs?: number | null;
}

export interface TesseraApp {
  readonly devices: DeviceService;
  readonly codes: CodeService;
  readonly clipboard: ClipboardService;
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
  registerHandlers(adapters.transport, createHandlers({ devices, codes, clipboard }), adapters.log);
  const unsubscribe = devices.onChange(() => {
    emit('devices.changed', devices.list());
  });
  codes.start();
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
    reconciled,
    async stop() {
      unsubscribe();
      codes.stop();
      await clipboard.flush();
      await reconciled; // never leave a vault write running behind a stopped app
    },
  };
}
