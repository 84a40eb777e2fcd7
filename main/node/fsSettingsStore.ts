/**
 * SettingsStore over `<dir>/settings.json` (node adapter layer: node:fs and proper-lockfile).
 * Preferences are never worth a failed start-up: a missing, unreadable or damaged file loads as
 * the defaults, and a damaged file is moved aside to settings.damaged.json (bytes kept) by the
 * next write. Writes are atomic and serialised across processes (app and CLI) by a lock file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SettingsStore } from '../core/ports';
import { Settings, defaultSettings } from '../core/settings/settings';
import { removeStaleTempFiles, writeFileAtomic } from './atomicFile';
import { LockedWriter } from './lockedWriter';

/** File names inside the settings directory (the same directory as the vault). */
export const SETTINGS_FILE = 'settings.json';
/** Where a damaged settings.json goes when a write replaces it (kept for diagnosis, not read). */
export const DAMAGED_SETTINGS_FILE = 'settings.damaged.json';
const LOCK_FILE = 'settings.json.lock';
/** Real settings take a few hundred bytes; anything this large is not ours. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Why `update` could not save; the message names the folder and what to do. */
export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';
}

export interface FsSettingsStoreOptions {
  /** Lock retries with 10–200 ms backoff (default 40, about 6 s) before `update` fails. */
  readonly lockRetries?: number;
  /** A lock not refreshed for this long (ms) is broken as left by a crashed process. */
  readonly lockStaleMs?: number;
}

/** What is on disk: `damaged` means a file exists that must be kept aside, not overwritten. */
interface SettingsRead {
  readonly settings: Settings;
  readonly state: 'missing' | 'valid' | 'damaged';
}

/** The production SettingsStore; several instances or processes on one directory are safe. */
export class FsSettingsStore implements SettingsStore {
  readonly settingsPath: string;
  readonly #writer: LockedWriter;

  /** @param dir the data directory (see `tesseraHome`); created with mode 0700 on first write. */
  constructor(
    readonly dir: string,
    options: FsSettingsStoreOptions = {},
  ) {
    this.settingsPath = path.join(dir, SETTINGS_FILE);
    this.#writer = new LockedWriter(
      this.settingsPath,
      path.join(dir, LOCK_FILE),
      cause => this.#writeError(cause),
      options,
    );
  }

  /**
   * The stored settings, each invalid field replaced by its default; the defaults when the file
   * is missing, unreadable or not a settings object. Never throws, never writes.
   */
  async load(): Promise<Settings> {
    return (await this.#read()).settings;
  }

  /**
   * Read-modify-write under the cross-process lock: re-reads the file, applies `change`,
   * validates the result (invalid fields fall back to defaults) and writes it atomically.
   * A damaged settings.json is first moved to settings.damaged.json.
   * @returns the settings now on disk.
   * @throws whatever `change` throws (nothing is written), or SettingsFileError when the folder
   *   cannot be written; settings.json is then left as it was.
   */
  update(change: (current: Settings) => Settings): Promise<Settings> {
    return this.#writer.run(lost => this.#updateUnderLock(change, lost));
  }

  async #updateUnderLock(
    change: (current: Settings) => Settings,
    lost: () => Error | undefined,
  ): Promise<Settings> {
    const current = await this.#read();
    const next = Settings.parse(change(current.settings));
    await removeStaleTempFiles(this.dir, SETTINGS_FILE);
    try {
      await writeFileAtomic(this.settingsPath, `${JSON.stringify(next, null, 2)}\n`, 0o600, {
        beforeRename: async () => {
          const lostLock = lost();
          if (lostLock !== undefined) throw lostLock;
          if (current.state === 'damaged') {
            await fs
              .rename(this.settingsPath, path.join(this.dir, DAMAGED_SETTINGS_FILE))
              .catch((error: unknown) => {
                if (errnoCode(error) !== 'ENOENT') throw error;
              });
          }
        },
      });
    } catch (cause) {
      throw this.#writeError(cause);
    }
    return next;
  }

  async #read(): Promise<SettingsRead> {
    let text: string;
    try {
      const handle = await fs.open(this.settingsPath, 'r');
      try {
        if ((await handle.stat()).size > MAX_SETTINGS_BYTES) {
          return { settings: defaultSettings(), state: 'damaged' };
        }
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      return {
        settings: defaultSettings(),
        state: errnoCode(error) === 'ENOENT' ? 'missing' : 'damaged',
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      return { settings: defaultSettings(), state: 'damaged' };
    }
    const parsed = Settings.safeParse(json);
    return parsed.success
      ? { settings: parsed.data, state: 'valid' }
      : { settings: defaultSettings(), state: 'damaged' };
  }

  #writeError(cause: unknown): SettingsFileError {
    const code = errnoCode(cause);
    const why =
      code === 'ELOCKED'
        ? 'another Tessera process is saving them right now; try again in a moment'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'the folder is not writable'
            : code === undefined
              ? 'an unexpected error'
              : `file-system error ${code}`;
    return new SettingsFileError(
      `Tessera could not save its settings in ${this.dir} (${why}). The previous settings were left untouched.`,
      { cause },
    );
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
