/**
 * Electron glue for the IPC router. Wiring only: every decision is delegated to pure, tested
 * code (isTrustedRendererUrl, registerHandlers).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isTrustedRendererUrl } from '../core/security/trustedSender';
import type { IpcTransport } from '../ipc/router';

export function createIpcMainTransport(
  window: BrowserWindow,
  devServerUrl: string | undefined,
): IpcTransport {
  const assertTrusted = (event: IpcMainInvokeEvent, channel: string): void => {
    const frame = event.senderFrame;
    const trusted =
      event.sender === window.webContents &&
      frame !== null &&
      frame.parent === null && // main frame only, never an iframe
      isTrustedRendererUrl(frame.url, devServerUrl);
    if (!trusted) {
      throw new Error(`Refused ${channel}: untrusted sender`);
    }
  };

  return {
    handle(channel, handler) {
      ipcMain.handle(channel, (event, ...rawArgs: unknown[]) => {
        assertTrusted(event, channel);
        return handler(rawArgs);
      });
    },
    emit(channel, payload) {
      // Only to our renderer: navigation is denied anyway, but never push to anything else.
      if (
        !window.isDestroyed() &&
        isTrustedRendererUrl(window.webContents.getURL(), devServerUrl)
      ) {
        window.webContents.send(channel, payload);
      }
    },
  };
}
