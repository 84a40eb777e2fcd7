/**
 * What `tessera import`, `export` and `backup` share (cli layer): passphrases from a file only
 * (never an argument or an environment variable: both leak through `ps`, shell history and
 * /proc), the service over the real devices, and outcome → message + exit code.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  PreviewOutcome,
  WriteOutcome,
  ApplyOutcome,
} from '../../preload/contract/backupChannels';
import { UserFileError } from '../core/filePorts';
import { MAX_IMPORT_BYTES } from '../core/interop/types';
import { InteropService } from '../services/interopService';
import { UsageError, type CliIo } from './common';
import { EXIT, type ExitCode } from './exitCodes';

/**
 * The passphrase in `--password-file` (its first line; a trailing newline is not part of it),
 * or, without one, typed at a no-echo prompt when stdin is a terminal and `ask` is given.
 * `confirm` asks twice (for a new backup).
 */
export async function readPasswordFile(
  io: CliIo,
  file: string | undefined,
  ask?: { readonly question: string; readonly confirm?: boolean },
): Promise<string | undefined> {
  if (file === undefined) {
    if (ask === undefined || io.promptSecret === undefined) return undefined;
    const typed = await io.promptSecret(ask.question);
    if (typed === undefined) return undefined;
    if (typed === '') throw new UsageError('No passphrase was typed.');
    if (ask.confirm === true && (await io.promptSecret('Again: ')) !== typed) {
      throw new UsageError('The two passphrases are not the same.');
    }
    return typed;
  }
  const text = await io.readTextFile(file);
  if (text === undefined) throw new UsageError(`There is no password file at ${file}.`);
  const password = text.replace(/^\uFEFF/u, '').split(/\r?\n/u)[0] ?? '';
  if (password === '') throw new UsageError(`The password file ${file} is empty.`);
  return password;
}

export async function readUserFile(io: CliIo, file: string): Promise<Uint8Array | undefined> {
  try {
    return await io.files.read(file, MAX_IMPORT_BYTES);
  } catch (error) {
    if (!(error instanceof UserFileError)) throw error;
    io.stderr(`tessera: ${error.message}\n`);
    return undefined;
  }
}

export async function openInterop(io: CliIo): Promise<InteropService> {
  const devices = await io.openDevices('known');
  return new InteropService({
    devices,
    clock: io.clock,
    files: io.files,
    randomBytes: length => new Uint8Array(randomBytes(length)),
    newId: randomUUID,
  });
}

type Failed = Extract<PreviewOutcome | WriteOutcome | ApplyOutcome, { ok: false }>;

/** Reports a failure on stderr; keychain problems are exit 5, everything else the user's input (2). */
export function reportFailure(io: CliIo, outcome: Failed): ExitCode {
  const hint =
    outcome.reason === 'password-required' ? ' Pass it with --password-file <file>.' : '';
  io.stderr(`tessera: ${outcome.message}${hint}\n`);
  if (outcome.reason === 'keychain-unavailable') return EXIT.keychainUnavailable;
  return EXIT.usage;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
