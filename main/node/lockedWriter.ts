/**
 * One writer at a time for a file in Tessera's data directory (node adapter layer). Updates from
 * one instance queue in memory; other instances and processes (the app and the `tessera` CLI)
 * wait on a proper-lockfile lock beside the file. Shared by the vault and the settings stores.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export interface LockedWriterOptions {
  /** Lock retries with 10–200 ms backoff (default 40, about 6 s) before the update fails. */
  readonly lockRetries?: number;
  /** A lock not refreshed for this long (ms) is broken as left by a crashed process (default 10 s). */
  readonly lockStaleMs?: number;
}

export class LockedWriter {
  #tail: Promise<unknown> = Promise.resolve();
  readonly #retries: number;
  readonly #staleMs: number;

  /**
   * @param target the file being written (it may not exist yet)
   * @param lockfilePath the lock beside it
   * @param mapError turns a failure to create the directory or take the lock into the store's
   *   own user-facing error
   */
  constructor(
    private readonly target: string,
    private readonly lockfilePath: string,
    private readonly mapError: (cause: unknown) => Error,
    options: LockedWriterOptions = {},
  ) {
    this.#retries = options.lockRetries ?? 40;
    this.#staleMs = options.lockStaleMs ?? 10_000;
  }

  /**
   * Runs `work` after this instance's earlier updates, holding the cross-process lock. `lost()`
   * returns the error if the lock was lost meanwhile, so `work` can abort before its rename.
   */
  run<T>(work: (lost: () => Error | undefined) => Promise<T>): Promise<T> {
    const run = this.#tail.then(() => this.#underLock(work));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #underLock<T>(work: (lost: () => Error | undefined) => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    let lost: Error | undefined;
    try {
      // SECURITY: 0700 — the data directory names the user's accounts; other users have no business here.
      await fs.mkdir(path.dirname(this.target), { recursive: true, mode: 0o700 });
      release = await lockfile.lock(this.target, {
        lockfilePath: this.lockfilePath,
        realpath: false, // the file may not exist yet
        stale: this.#staleMs,
        retries: {
          retries: this.#retries,
          factor: 1.3,
          minTimeout: 10,
          maxTimeout: 200,
          randomize: true,
        },
        // The default throws from a timer, which would crash the process; the write aborts instead.
        onCompromised: error => {
          lost = error;
        },
      });
    } catch (cause) {
      throw this.mapError(cause);
    }
    try {
      return await work(() => lost);
    } finally {
      // A failed release (the lock was already lost or removed) changes nothing for the caller.
      await release().catch(() => undefined);
    }
  }
}
