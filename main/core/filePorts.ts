/**
 * Ports for the user's own files (core, pure interfaces): backups, imports and exports. Main
 * reads and writes them, so a plaintext export never passes through the renderer, and the
 * renderer never names a path (a compromised page must not write anywhere it likes).
 * Adapters: main/node/fsUserFiles.ts; main/electron/electronFileDialogs.ts; test/harness.
 */

/** Reads and writes files the user chose. */
export interface UserFiles {
  /**
   * The file's bytes. @throws UserFileError when it cannot be read, or is larger than
   * `maxBytes` (checked before reading it all).
   */
  read(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * Replaces `path` atomically, readable by the user only (0600): backups and exports hold
   * seeds. @throws UserFileError.
   */
  writePrivate(path: string, text: string): Promise<void>;
}

export class UserFileError extends Error {
  override readonly name = 'UserFileError';
  constructor(
    readonly reason: 'not-found' | 'too-large' | 'unreadable' | 'unwritable',
    message: string,
  ) {
    super(message);
  }
}

export type FilePurpose = 'import' | 'restore' | 'backup' | 'export';

export interface SaveRequest {
  readonly purpose: 'backup' | 'export';
  /** Suggested file name, e.g. `tessera-2026-01-01.tessera`. */
  readonly defaultName: string;
  /** Extensions offered in the dialog's filter, without dots. */
  readonly extensions: readonly string[];
}

/** Native open/save dialogs (Electron), or a harness the e2e tests control. */
export interface FileDialogs {
  /** The chosen file's path, or undefined when the user cancelled. */
  chooseOpen(purpose: 'import' | 'restore'): Promise<string | undefined>;
  chooseSave(request: SaveRequest): Promise<string | undefined>;
}
