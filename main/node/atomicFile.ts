/**
 * Atomic file replacement (node adapter layer), shared by the vault and settings stores: write a
 * uniquely named temp file next to the target, fsync it, rename it over the target, fsync the
 * directory. A reader sees the old file or the new one, never a mix; a crash leaves at most a
 * stale temp file, which `removeStaleTempFiles` clears on a later write.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface WriteFileAtomicOptions {
  /**
   * Runs once the temp file is written and synced, just before it replaces the target (the
   * vault uses it to keep the previous generation). If it throws, the temp file is removed,
   * the target is untouched and the error propagates.
   */
  readonly beforeRename?: () => Promise<void> | void;
}

/**
 * Replaces `filePath` with `text` (UTF-8) atomically. The temp file is
 * `<name>.<pid>.<random>.tmp`, created exclusively with `mode`.
 * @throws the file-system error as is (the caller words it); the temp file is removed and
 *   `filePath` is left as it was.
 */
export async function writeFileAtomic(
  filePath: string,
  text: string,
  mode: number,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const dir = path.dirname(filePath);
  const tempPath = path.join(
    dir,
    `${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    // SECURITY: exclusive create with the final mode, so the file is never briefly world-readable.
    const handle = await fs.open(tempPath, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await fs.rename(tempPath, filePath);
  } catch (cause) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw cause;
  }
  await syncDirectory(dir);
}

/** Matches the temp files `writeFileAtomic` creates for `fileName`. */
export function tempFilePattern(fileName: string): RegExp {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}\\.\\d+\\.[0-9a-f]+\\.tmp$`);
}

/**
 * Removes temp files left in `dir` by a writer of `fileName` that crashed. Call it only while
 * holding the lock that serialises writers, or it may remove a live writer's temp file.
 */
export async function removeStaleTempFiles(dir: string, fileName: string): Promise<void> {
  const pattern = tempFilePattern(fileName);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter(name => pattern.test(name))
      .map(name => fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)),
  );
}

/**
 * Makes renames in `dir` durable. Best effort: the new file is already in place, and Windows
 * (and some file systems) cannot fsync a directory, so a failure here is not a failed save.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: durability of the directory entry is best effort.
  }
}
