/**
 * Smoke test of the packaged-layout app (out/) in a real Electron: the window opens hardened,
 * the renderer loads from app://renderer, and the bridge answers. Skips loudly without Electron.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './electronBinary';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.warn(`\n*** SKIPPING the Electron smoke suite: ${binary.missing}. ***\n`);
}

test.describe('the Electron app', () => {
  test.skip(
    'missing' in binary,
    'missing' in binary ? `SKIPPED, not passed: ${binary.missing}` : '',
  );

  test('opens one hardened window that shows the device list', async () => {
    if (!('path' in binary)) return;
    const home = mkdtempSync(join(tmpdir(), 'tessera-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [resolve(import.meta.dirname, '../..'), '--no-sandbox'],
      env: {
        ...process.env,
        TESSERA_HOME: home,
        TESSERA_KEYCHAIN_SERVICE: `tessera-electron-${randomBytes(4).toString('hex')}`,
      },
    });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('app://renderer/index.html');
      await expect(window.getByRole('button', { name: 'Add device' }).first()).toBeVisible();
      // Isolation as the page sees it: no Node, no raw ipcRenderer, only the contract's bridge.
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as unknown as { tessera: object }).tessera).sort(),
        frozen: Object.isFrozen((globalThis as unknown as { tessera: object }).tessera),
      }));
      expect(page).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['app', 'codes', 'devices'],
        frozen: true,
      });
      const windows = await app.evaluate(
        ({ BrowserWindow }) => BrowserWindow.getAllWindows().length,
      );
      expect(windows).toBe(1);
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
