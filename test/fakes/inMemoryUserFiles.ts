/** UserFiles in memory (test fake): files by path, with the same errors as FsUserFiles. */
import { UserFileError, type UserFiles } from '../../main/core/filePorts';

export class InMemoryUserFiles implements UserFiles {
  readonly files = new Map<string, Uint8Array>();

  read(path: string, maxBytes: number): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (bytes === undefined) {
      return Promise.reject(new UserFileError('not-found', `There is no file at ${path}.`));
    }
    if (bytes.length > maxBytes) {
      return Promise.reject(new UserFileError('too-large', `${path} is too large.`));
    }
    return Promise.resolve(Uint8Array.from(bytes));
  }

  writePrivate(path: string, text: string): Promise<void> {
    this.files.set(path, new TextEncoder().encode(text));
    return Promise.resolve();
  }

  text(path: string): string {
    return new TextDecoder().decode(this.files.get(path) ?? new Uint8Array());
  }
}
