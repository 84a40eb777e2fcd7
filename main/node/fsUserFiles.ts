/**
 * UserFiles over the file system (node adapter): bounded reads (the size is checked before the
 * contents are read) and atomic, owner-only writes for backups and exports.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserFileError, type UserFiles } from '../core/filePorts';
import { writeFileAtomic } from './atomicFile';

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'error';
}

export class FsUserFiles implements UserFiles {
  async read(filePath: string, maxBytes: number): Promise<Uint8Array> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(filePath, 'r');
    } catch (error) {
      const code = describe(error);
      throw new UserFileError(
        code === 'ENOENT' ? 'not-found' : 'unreadable',
        code === 'ENOENT'
          ? `There is no file at ${filePath}.`
          : `Could not open ${filePath} (${code}).`,
      );
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new UserFileError('unreadable', `${filePath} is not a file.`);
      if (stat.size > maxBytes) {
        throw new UserFileError(
          'too-large',
          `${path.basename(filePath)} is ${Math.round(stat.size / 1024 / 1024)} MB, larger than any backup or export Tessera reads.`,
        );
      }
      return new Uint8Array(await handle.readFile());
    } catch (error) {
      if (error instanceof UserFileError) throw error;
      throw new UserFileError('unreadable', `Could not read ${filePath} (${describe(error)}).`);
    } finally {
      await handle.close();
    }
  }

  async writePrivate(filePath: string, text: string): Promise<void> {
    try {
      await writeFileAtomic(path.resolve(filePath), text, 0o600);
    } catch (error) {
      throw new UserFileError('unwritable', `Could not write ${filePath} (${describe(error)}).`);
    }
  }
}
