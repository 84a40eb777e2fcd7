/**
 * Where Tessera keeps its files (node adapter layer; never imports electron). A pure function of
 * its arguments so that the app (Electron) and the `tessera` CLI (plain Node) agree on the
 * directory without the CLI loading Electron, and so each platform is unit-tested anywhere.
 */
import os from 'node:os';
import path from 'node:path';

/** The application name as it appears in the user-data directory. */
export const APP_DIRECTORY_NAME = 'Tessera';

/**
 * The directory holding vault.json and settings.json.
 *
 * `TESSERA_HOME` wins when set and non-empty (tests, portable installs). Otherwise this is the
 * directory Electron's `app.getPath('userData')` gives for an app named "Tessera":
 * - Linux and other Unixes: `$XDG_CONFIG_HOME/Tessera`, or `~/.config/Tessera`
 *   (Chromium uses XDG_CONFIG_HOME whenever it is non-empty);
 * - macOS: `~/Library/Application Support/Tessera`;
 * - Windows: `%APPDATA%\Tessera`, or `<home>\AppData\Roaming\Tessera` when APPDATA is unset.
 *
 * Paths are joined with the target platform's separator (path.win32 / path.posix), not the host's.
 */
export function tesseraHome(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir: string = os.homedir(),
): string {
  const override = nonEmpty(env.TESSERA_HOME);
  if (override !== undefined) {
    return override;
  }
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? path.win32.join(homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIRECTORY_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homedir, 'Library', 'Application Support', APP_DIRECTORY_NAME);
  }
  // Linux and every other Unix: Chromium follows the XDG base directory spec there.
  const configHome = nonEmpty(env.XDG_CONFIG_HOME) ?? path.posix.join(homedir, '.config');
  return path.posix.join(configHome, APP_DIRECTORY_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
