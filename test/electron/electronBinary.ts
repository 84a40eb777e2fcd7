/**
 * Finds the Electron binary the `electron` npm package would launch, or explains why there is
 * none. The package's install script downloads it; offline installs skip that download
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1), and then `require('electron')` throws.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { readonly path: string } | { readonly missing: string };

export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env.TESSERA_ELECTRON_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `TESSERA_ELECTRON_PATH=${fromEnv} does not exist` };
  }
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: `the electron package points at ${String(path)}, which does not exist` };
  } catch (error) {
    return {
      missing: `no Electron binary is installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); install without ELECTRON_SKIP_BINARY_DOWNLOAD or set TESSERA_ELECTRON_PATH`,
    };
  }
}
