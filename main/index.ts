/**
 * Electron entry (glue). Single instance, hardened window served from app://renderer, the real
 * services over the keychain and vault.json, codes refreshed on resume and unlock.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { APP_ENTRY_URL } from './core/security/windowPolicy';
import { registerAppScheme, serveRenderer } from './electron/appProtocol';
import { electronClipboard } from './electron/electronClipboard';
import { createIpcMainTransport } from './electron/ipcMainTransport';
import { createMainWindow } from './electron/mainWindow';
import { ElectronScreenCapture } from './electron/screenCapture';
import { FsSettingsStore } from './node/fsSettingsStore';
import { FsVaultStore } from './node/fsVaultStore';
import { KeytarSecretStore } from './node/keytarSecretStore';
import { FsUserFiles } from './node/fsUserFiles';
import { tesseraHome } from './node/paths';
import { createWorkerQrDecoder } from './node/qr/workerQrDecoder';
import { SntpTimeServerClient } from './node/sntpClient';
import { systemClock, systemTimers } from './node/systemClock';
import { startTessera, type TesseraApp } from './services/tesseraApp';
import { createElectronFileDialogs } from './electron/electronFileDialogs';

app.setName('Tessera');
registerAppScheme();

// electron-vite sets this in `dev`; packaged and preview builds load app://renderer.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | undefined;
let tessera: TesseraApp | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', () => {
    void tessera?.stop();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    devServerUrl,
    // Camera access only while the user has the camera scanner open.
    userStartedCapture: () => tessera?.scan.cameraAllowed() ?? false,
  });
  mainWindow = window;
  try {
    tessera = await startTessera({
      vault: new FsVaultStore(tesseraHome()),
      settings: new FsSettingsStore(tesseraHome()),
      timeServer: new SntpTimeServerClient(),
      secrets: new KeytarSecretStore(),
      clock: systemClock,
      timers: systemTimers,
      clipboard: electronClipboard,
      transport: createIpcMainTransport(window, devServerUrl),
      files: new FsUserFiles(),
      dialogs: createElectronFileDialogs(window),
      screenCapture: new ElectronScreenCapture(() => mainWindow),
      qrDecoder: createWorkerQrDecoder(),
      log: {
        warn: (event, fields) => {
          console.warn(event, fields);
        },
      },
    });
  } catch (error) {
    dialog.showErrorBox(
      'Tessera cannot start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  const refresh = () => {
    tessera?.codes.refresh();
  };
  powerMonitor.on('resume', refresh);
  // The CLI may have added or edited devices while the window was in the background.
  window.on('focus', () => {
    void tessera?.devices.reload();
  });
  powerMonitor.on('unlock-screen', refresh);
  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}
