/**
 * Finds the Electron binary the `electron` npm package would launch, or explains why there is
 * none — without `require('electron')`: since Electron 45 that call downloads a missing binary
 * on the spot, and a test must never reach for the network. Offline installs
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1) have no `path.txt` and no `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { readonly path: string } | { readonly missing: string };

export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env.TESSERA_ELECTRON_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `TESSERA_ELECTRON_PATH=${fromEnv} does not exist` };
  }
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'no Electron binary is installed (node_modules/electron has no path.txt: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?); install Electron on a machine that can download it, or set TESSERA_ELECTRON_PATH',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { missing: `the Electron binary ${binary} is missing` };
}
