/**
 * `tessera export --format <tessera|aegis|otpauth-list> <file> [--password-file <f>]` (cli
 * layer). Encrypted formats need a password file; the otpauth:// list is plaintext, written
 * readable by the owner only, with a warning.
 */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/interop/types';
import { onePositional, UsageError, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';
import { openInterop, plural, readPasswordFile, reportFailure } from '../interopCommon';

export async function exportCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { format: { type: 'string' }, 'password-file': { type: 'string' } },
  });
  const format: ExportFormat | undefined = EXPORT_FORMATS.find(name => name === values.format);
  if (format === undefined)
    throw new UsageError(`--format must be one of: ${EXPORT_FORMATS.join(', ')}.`);
  const file = onePositional(
    positionals,
    'export takes one file: tessera export --format <format> <file>.',
  );
  const password = await readPasswordFile(
    io,
    values['password-file'],
    format === 'otpauth-list'
      ? undefined
      : { question: 'Password for the export: ', confirm: true },
  );
  if (format !== 'otpauth-list' && password === undefined) {
    throw new UsageError(`A ${format} export is encrypted: pass --password-file <file>.`);
  }
  if (format === 'otpauth-list' && password !== undefined) {
    throw new UsageError('An otpauth:// list is not encrypted: it takes no password file.');
  }
  const interop = await openInterop(io);
  const outcome = await interop.exportTo(format, file, file, password);
  if (!outcome.ok) return reportFailure(io, outcome);
  if (format === 'otpauth-list') {
    io.stderr(
      `warning: ${file} holds every secret UNENCRYPTED. Anyone who reads it can generate your codes; delete it once imported.\n`,
    );
  }
  if (outcome.missing > 0)
    io.stderr(`warning: ${plural(outcome.missing, 'device')} without a stored secret left out.\n`);
  io.stdout(`Exported ${plural(outcome.count, 'device')} to ${file}.\n`);
  return EXIT.ok;
}
