/**
 * Contract rows of backup, restore, import and export → InteropService (ipc layer). The file
 * dialogs run here, in main: the renderer never names a path, and gets a file id back.
 */
import type { FileDialogs } from '../core/filePorts';
import type { InteropService } from '../services/interopService';
import type { Handlers } from './router';

export interface BackupHandlerServices {
  readonly interop: InteropService;
  readonly dialogs: FileDialogs;
}

type BackupChannel =
  | 'backup.status'
  | 'backup.create'
  | 'interop.openFile'
  | 'backup.restorePreview'
  | 'backup.restoreApply'
  | 'interop.importPreview'
  | 'interop.importApply'
  | 'interop.discard'
  | 'interop.export';

const cancelled = { ok: false, reason: 'cancelled', message: 'No file was chosen.' } as const;

/** `tessera-2026-01-01` from a timestamp (UTC), for suggested file names. */
export function datedName(nowMs: number): string {
  return `tessera-${new Date(nowMs).toISOString().slice(0, 10)}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

const EXPORT_FILES = {
  tessera: { suffix: '.tessera', extensions: ['tessera'] },
  aegis: { suffix: '-aegis.json', extensions: ['json'] },
  'otpauth-list': { suffix: '-otpauth.txt', extensions: ['txt'] },
} as const;

export function createBackupHandlers(
  { interop, dialogs }: BackupHandlerServices,
  nowMs: () => number,
): Pick<Handlers, BackupChannel> {
  return {
    'backup.status': () => Promise.resolve(interop.status()),
    'backup.create': async passphrase => {
      const path = await dialogs.chooseSave({
        purpose: 'backup',
        defaultName: `${datedName(nowMs())}.tessera`,
        extensions: ['tessera'],
      });
      if (path === undefined) return cancelled;
      return interop.createBackup(path, baseName(path), passphrase);
    },
    'interop.openFile': async purpose => {
      const path = await dialogs.chooseOpen(purpose);
      if (path === undefined) return cancelled;
      return interop.openPath(path, baseName(path));
    },
    'backup.restorePreview': (fileId, passphrase) =>
      interop.previewOpened(fileId, 'tessera', passphrase),
    'backup.restoreApply': (token, choice) => interop.apply(token, choice),
    'interop.importPreview': (fileId, format, password) =>
      interop.previewOpened(fileId, format, password ?? undefined),
    'interop.importApply': (token, choice) => interop.apply(token, choice),
    'interop.discard': token => {
      interop.discard(token);
      return Promise.resolve();
    },
    'interop.export': async (format, password) => {
      const file = EXPORT_FILES[format];
      const path = await dialogs.chooseSave({
        purpose: format === 'tessera' ? 'backup' : 'export',
        defaultName: `${datedName(nowMs())}${file.suffix}`,
        extensions: file.extensions,
      });
      if (path === undefined) return cancelled;
      return interop.exportTo(format, path, baseName(path), password ?? undefined);
    },
  };
}
