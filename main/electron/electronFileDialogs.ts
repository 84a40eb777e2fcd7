/**
 * FileDialogs over Electron's native dialogs (electron glue): sheets attached to the window.
 * Wiring only; what is read or written, and how, is decided in InteropService.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs, SaveRequest } from '../core/filePorts';

const OPEN_FILTERS = {
  import: [
    { name: 'Authenticator exports', extensions: ['json', 'txt', 'tessera', 'csv', '2fas', 'bin'] },
    { name: 'All files', extensions: ['*'] },
  ],
  restore: [{ name: 'Tessera backup', extensions: ['tessera'] }],
} as const;

export function createElectronFileDialogs(window: BrowserWindow): FileDialogs {
  return {
    async chooseOpen(purpose) {
      const result = await dialog.showOpenDialog(window, {
        title: purpose === 'restore' ? 'Restore from a Tessera backup' : 'Import from another app',
        properties: ['openFile'],
        filters: OPEN_FILTERS[purpose].map(filter => ({
          ...filter,
          extensions: [...filter.extensions],
        })),
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSave(request: SaveRequest) {
      const result = await dialog.showSaveDialog(window, {
        title: request.purpose === 'backup' ? 'Save the encrypted backup' : 'Export devices',
        defaultPath: request.defaultName,
        filters: [{ name: request.defaultName, extensions: [...request.extensions] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled ? undefined : result.filePath;
    },
  };
}
