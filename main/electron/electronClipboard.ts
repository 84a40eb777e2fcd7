/** The system clipboard through Electron (glue); auto-clear logic lives in ClipboardService. */
import { clipboard } from 'electron';
import type { Clipboard } from '../core/ports';

export const electronClipboard: Clipboard = {
  writeText: text => clipboard.writeText(text),
  readText: () => clipboard.readText(),
  clear: () => {
    clipboard.clear();
    return Promise.resolve();
  },
};
