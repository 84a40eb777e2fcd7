/**
 * The one hardened window (Electron glue). Policies come from main/core/security/windowPolicy
 * (unit-tested); this file only applies them to Electron's objects and events.
 */
import { BrowserWindow, shell } from 'electron';
import {
  isAllowedExternalLink,
  isAllowedNavigation,
  isPermissionAllowed,
  secureWebPreferences,
} from '../core/security/windowPolicy';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly devServerUrl: string | undefined;
  /** True while the user has a camera/screen scan open (set by the scan feature). */
  readonly userStartedCapture: () => boolean;
}

export function createMainWindow({
  preloadPath,
  devServerUrl,
  userStartedCapture,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 460,
    height: 720,
    minWidth: 360,
    minHeight: 420,
    show: false,
    title: 'Tessera',
    backgroundColor: '#111318',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  // SECURITY: keep codes out of screen recordings and screenshots where the OS supports it.
  window.setContentProtection(true);
  window.once('ready-to-show', () => {
    window.show();
  });

  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', event => {
    event.preventDefault();
  });

  const session = contents.session;
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(
      webContents === contents &&
        isPermissionAllowed(permission, details.requestingUrl, devServerUrl, userStartedCapture()),
    );
  });
  session.setPermissionCheckHandler(
    (webContents, permission, requestingOrigin) =>
      webContents === contents &&
      isPermissionAllowed(permission, requestingOrigin, devServerUrl, userStartedCapture()),
  );
  return window;
}
