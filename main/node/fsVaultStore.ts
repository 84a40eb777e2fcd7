/**
 * VaultStore over `<dir>/vault.json` (node adapter layer: node:fs and proper-lockfile; never
 * electron). Writes are atomic (temp file + fsync + rename + directory fsync) with the previous
 * generation kept as vault.prev.json, and serialised across processes (app and CLI) by a lock
 * file. It must never destroy a file it cannot read: a newer-version vault is refused, and a
 * damaged vault.json is only ever moved aside (bytes kept), never overwritten in place.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { VaultLoadResult, VaultStore } from '../core/ports';
import { VaultDocument, emptyVault, parseVault, serializeVault } from '../core/vault/vaultDocument';
import { removeStaleTempFiles, writeFileAtomic } from './atomicFile';
import { LockedWriter } from './lockedWriter';

/** File names inside the vault directory. */
export const VAULT_FILE = 'vault.json';
export const PREVIOUS_VAULT_FILE = 'vault.prev.json';
/** Where a damaged vault.json is moved when a write replaces it (kept for diagnosis, not read). */
export const DAMAGED_VAULT_FILE = 'vault.damaged.json';
const LOCK_FILE = 'vault.json.lock';

/**
 * A vault far larger than any real one (1,000 devices take about 500 KB) is refused before it is
 * read into memory, so a hostile or runaway file cannot exhaust memory at start-up.
 */
const MAX_VAULT_BYTES = 32 * 1024 * 1024;

export type VaultFileErrorReason =
  /** vault.json is damaged and there is no usable previous generation. */
  | 'damaged'
  /** A newer Tessera wrote the file; this version must not read or rewrite it. */
  | 'newer-version'
  /** The file exists but could not be read (permissions, I/O error). */
  | 'read-failed'
  /** Saving failed (disk full, read-only, permission denied); the previous file is untouched. */
  | 'write-failed'
  /** Another process held the lock for too long, or this process lost it while writing. */
  | 'busy'
  /** The change produced a document that fails the schema (a bug); nothing was written. */
  | 'invalid-change';

/**
 * A vault file problem, with a message a user can act on: it names the file, what is wrong and
 * what to do, and says that the file was left untouched. Messages never contain vault contents.
 */
export class VaultFileError extends Error {
  override readonly name = 'VaultFileError';
  constructor(
    readonly reason: VaultFileErrorReason,
    /** The file (or directory) concerned. */
    readonly filePath: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface FsVaultStoreOptions {
  /**
   * How many times `update` retries a lock held by another process, with backoff from 10 ms up to
   * 200 ms (the default, 40, waits about 6 s) before failing with reason 'busy'.
   */
  readonly lockRetries?: number;
  /**
   * A lock not refreshed for this long (ms) is taken to belong to a crashed process and is broken.
   * Default 10,000; proper-lockfile enforces at least 2,000.
   */
  readonly lockStaleMs?: number;
}

/** What is on disk, after choosing between vault.json and vault.prev.json. */
interface VaultState {
  readonly result: VaultLoadResult;
  /** Which file the document came from; decides how a write rotates the generations. */
  readonly source: 'current' | 'previous' | 'none';
}

type FileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'parsed'; readonly document: VaultDocument }
  | { readonly kind: 'newer'; readonly message: string }
  | { readonly kind: 'damaged'; readonly message: string };

/**
 * The production VaultStore. One instance per directory is enough for a process; several
 * instances (or processes) on the same directory are safe: `update` re-reads under the lock.
 */
export class FsVaultStore implements VaultStore {
  readonly vaultPath: string;
  readonly previousPath: string;
  readonly #writer: LockedWriter;

  /** @param dir the vault directory (see `tesseraHome`); created with mode 0700 on first write. */
  constructor(
    readonly dir: string,
    options: FsVaultStoreOptions = {},
  ) {
    this.vaultPath = path.join(dir, VAULT_FILE);
    this.previousPath = path.join(dir, PREVIOUS_VAULT_FILE);
    this.#writer = new LockedWriter(
      this.vaultPath,
      path.join(dir, LOCK_FILE),
      cause => this.#lockError(cause),
      options,
    );
  }

  /**
   * Reads the vault without locking (writers replace the file atomically, so a reader sees one
   * whole generation). A missing vault is an empty one; a damaged or missing vault.json with a
   * good vault.prev.json yields the previous generation and `recoveredFrom`.
   * @throws VaultFileError ('damaged' | 'newer-version' | 'read-failed'); no file is modified.
   */
  async load(): Promise<VaultLoadResult> {
    return (await this.#readState()).result;
  }

  /**
   * Read-modify-write under the cross-process lock: re-reads the newest document, applies the pure
   * `change`, validates the result against the VaultDocument schema and writes it atomically.
   * The written generation is always greater than the one read (the store bumps it if `change`
   * did not), so readers can tell that something changed. A `change` that returns its argument
   * unchanged writes nothing.
   * @returns the document now on disk.
   * @throws whatever `change` throws (nothing is written), or a VaultFileError; in every failure
   *   case vault.json is left as it was.
   */
  update(change: (current: VaultDocument) => VaultDocument): Promise<VaultDocument> {
    return this.#writer.run(lost => this.#updateUnderLock(change, lost));
  }

  async #updateUnderLock(
    change: (current: VaultDocument) => VaultDocument,
    lost: () => Error | undefined,
  ): Promise<VaultDocument> {
    const state = await this.#readState();
    const current = state.result.document;
    const proposed = change(current);
    if (proposed === current) {
      return current;
    }
    const checked = VaultDocument.safeParse(proposed);
    if (!checked.success) {
      const where = checked.error.issues[0]?.path.map(String).join('.') ?? '';
      throw new VaultFileError(
        'invalid-change',
        this.vaultPath,
        `Tessera refused to save a vault that does not match the expected layout (at ${where || 'top level'}). ` +
          `Nothing was written; ${this.vaultPath} was left untouched.`,
      );
    }
    const next: VaultDocument =
      checked.data.generation > current.generation
        ? checked.data
        : { ...checked.data, generation: current.generation + 1 };
    await this.#writeAtomically(next, state.source, lost);
    return next;
  }

  /** Creating the folder or taking the lock failed: 'busy' when another process holds it. */
  #lockError(cause: unknown): Error {
    if (errnoCode(cause) === 'ELOCKED') {
      return new VaultFileError(
        'busy',
        this.vaultPath,
        `Another Tessera process (the app or the tessera command) is saving ${this.vaultPath} ` +
          'right now. Try again in a moment; nothing was changed.',
        { cause },
      );
    }
    return this.#writeError(cause);
  }

  async #readState(): Promise<VaultState> {
    const current = await this.#readFile(this.vaultPath);
    if (current.kind === 'parsed') {
      return { result: { document: current.document }, source: 'current' };
    }
    if (current.kind === 'newer') {
      throw this.#newerError(this.vaultPath, current.message);
    }
    const previous = await this.#readFile(this.previousPath).catch((error: unknown): FileRead => ({
      kind: 'damaged',
      message: error instanceof Error ? error.message : 'unreadable',
    }));
    switch (previous.kind) {
      case 'parsed':
        return {
          result: { document: previous.document, recoveredFrom: 'previous-generation' },
          source: 'previous',
        };
      case 'newer':
        throw this.#newerError(this.previousPath, previous.message);
      case 'missing':
        if (current.kind === 'missing') {
          return { result: { document: emptyVault() }, source: 'none' };
        }
        break;
      case 'damaged':
        break;
    }
    const currentProblem =
      current.kind === 'missing' ? `${this.vaultPath} is missing` : current.message;
    const previousProblem =
      previous.kind === 'missing'
        ? `there is no previous copy (${this.previousPath})`
        : `the previous copy is unusable too (${previous.message})`;
    throw new VaultFileError(
      'damaged',
      this.vaultPath,
      `Tessera's data file cannot be read: ${currentProblem}, and ${previousProblem}. ` +
        'Both files were left untouched. Restore them from a backup, or move them out of ' +
        `${this.dir} to start with an empty device list (your secrets stay in the system keychain ` +
        'and will be offered back as recovered devices).',
    );
  }

  /** Reads and parses one vault file. I/O errors other than "missing" throw 'read-failed'. */
  async #readFile(file: string): Promise<FileRead> {
    let text: string;
    try {
      const handle = await fs.open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > MAX_VAULT_BYTES) {
          return {
            kind: 'damaged',
            message: `${file} is far too large to be a vault (${size} bytes)`,
          };
        }
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (cause) {
      if (errnoCode(cause) === 'ENOENT') {
        return { kind: 'missing' };
      }
      throw new VaultFileError(
        'read-failed',
        file,
        `Tessera could not read ${file} (${describeFsError(cause)}). Check that the file and its ` +
          'folder belong to you and are readable; the file was left untouched.',
        { cause },
      );
    }
    // A byte-order mark from a hand edit is harmless; anything else non-JSON is damage.
    const outcome = parseVault(text.startsWith('\uFEFF') ? text.slice(1) : text);
    if (outcome.ok) {
      return { kind: 'parsed', document: outcome.document };
    }
    const message = `${file}: ${outcome.message}`;
    return outcome.reason === 'newer-version'
      ? { kind: 'newer', message }
      : { kind: 'damaged', message };
  }

  /**
   * The write protocol (HOSTILE-INPUTS #41/#42), run under the lock:
   * 1. write `vault.json.<pid>.<random>.tmp` (mode 0600, exclusive create) and fsync it;
   * 2. keep the previous generation: vault.prev.json becomes a hard link to the current vault.json
   *    (a copy where links are unsupported) — vault.json itself never disappears, so a reader
   *    without the lock always finds a whole file; a damaged vault.json is moved aside instead,
   *    so it never replaces a good previous generation;
   * 3. rename the temp file over vault.json (atomic), then fsync the directory.
   * Any failure removes the temp file and leaves vault.json as it was.
   */
  async #writeAtomically(
    document: VaultDocument,
    source: VaultState['source'],
    lockLost: () => Error | undefined,
  ): Promise<void> {
    await removeStaleTempFiles(this.dir, VAULT_FILE);
    try {
      await writeFileAtomic(this.vaultPath, serializeVault(document), 0o600, {
        beforeRename: async () => {
          const lost = lockLost();
          if (lost !== undefined) {
            throw new VaultFileError(
              'busy',
              this.vaultPath,
              `Tessera lost its lock on ${this.vaultPath} while saving (the computer may have been ` +
                'asleep or very busy). Nothing was changed; try again.',
              { cause: lost },
            );
          }
          await this.#keepPreviousGeneration(source);
        },
      });
    } catch (cause) {
      throw cause instanceof VaultFileError ? cause : this.#writeError(cause);
    }
  }

  async #keepPreviousGeneration(source: VaultState['source']): Promise<void> {
    switch (source) {
      case 'current':
        await unlinkIfExists(this.previousPath);
        try {
          await fs.link(this.vaultPath, this.previousPath);
        } catch {
          // Some file systems (FAT, some network shares) have no hard links.
          await fs.copyFile(this.vaultPath, this.previousPath);
        }
        return;
      case 'previous':
        // vault.json is damaged or missing and vault.prev.json is the good copy: keep it as is.
        await fs
          .rename(this.vaultPath, path.join(this.dir, DAMAGED_VAULT_FILE))
          .catch((error: unknown) => {
            if (errnoCode(error) !== 'ENOENT') throw error;
          });
        return;
      case 'none':
        return;
    }
  }

  #newerError(file: string, message: string): VaultFileError {
    return new VaultFileError(
      'newer-version',
      file,
      `${message} Update Tessera to open it; the file was left untouched.`,
    );
  }

  #writeError(cause: unknown): VaultFileError {
    return new VaultFileError(
      'write-failed',
      this.dir,
      `Tessera could not save its data in ${this.dir} (${describeFsError(cause)}). ` +
        `${fixFor(cause)} The previous ${VAULT_FILE} was left untouched.`,
      { cause },
    );
  }
}

async function unlinkIfExists(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function describeFsError(error: unknown): string {
  const code = errnoCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EFBIG':
      return 'the file is larger than the system allows';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'ENOENT':
      return 'the folder does not exist or is not a folder';
    case 'EISDIR':
      return 'a folder is in the way of a file';
    case undefined:
      return 'an unexpected error';
    default:
      return `file-system error ${code}`;
  }
}

function fixFor(error: unknown): string {
  switch (errnoCode(error) ?? '') {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Free some disk space and try again.';
    case 'EFBIG':
      return 'Check the disk space and file-size limits for your account, then try again.';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'Check that the folder is writable by you (or set TESSERA_HOME to another folder).';
    default:
      return 'Check the folder and try again.';
  }
}
