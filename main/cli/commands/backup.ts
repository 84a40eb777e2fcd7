/**
 * `tessera backup create <file> --password-file <f>` and `tessera backup restore <file>
 * --password-file <f> [--dry-run] [--on-conflict skip|replace|keep-both]` (cli layer): the
 * encrypted `.tessera` backup of main/core/backup/FORMAT.md.
 */
import { parseArgs } from 'node:util';
import { onePositional, UsageError, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';
import {
  openInterop,
  plural,
  readPasswordFile,
  readUserFile,
  reportFailure,
} from '../interopCommon';
import { parseConflictChoice } from './import';

async function requiredPassword(
  io: CliIo,
  file: string | undefined,
  confirm: boolean,
): Promise<string> {
  const password = await readPasswordFile(io, file, { question: 'Backup passphrase: ', confirm });
  if (password === undefined) {
    throw new UsageError('Backups are encrypted: pass the passphrase with --password-file <file>.');
  }
  return password;
}

async function create(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'password-file': { type: 'string' } },
  });
  const file = onePositional(
    positionals,
    'backup create takes one file: tessera backup create <file> --password-file <f>.',
  );
  const password = await requiredPassword(io, values['password-file'], true);
  const interop = await openInterop(io);
  const outcome = await interop.createBackup(file, file, password);
  if (!outcome.ok) return reportFailure(io, outcome);
  if (outcome.missing > 0)
    io.stderr(`warning: ${plural(outcome.missing, 'device')} without a stored secret left out.\n`);
  io.stdout(`Backed up ${plural(outcome.count, 'device')} to ${file}.\n`);
  return EXIT.ok;
}

async function restore(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'password-file': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'on-conflict': { type: 'string' },
    },
  });
  const file = onePositional(
    positionals,
    'backup restore takes one file: tessera backup restore <file> --password-file <f>.',
  );
  const choice = parseConflictChoice(values['on-conflict']);
  const password = await requiredPassword(io, values['password-file'], false);
  const bytes = await readUserFile(io, file);
  if (bytes === undefined) return EXIT.usage;
  const interop = await openInterop(io);
  const preview = await interop.previewBytes('tessera', bytes, password);
  if (!preview.ok) return reportFailure(io, preview);
  const { counts, items, token } = preview.preview;
  for (const item of items.filter(i => i.status === 'conflict')) {
    io.stderr(
      `conflict: ${item.issuer}:${item.accountName} differs from the stored ${item.existingLabel ?? '?'} — ${values['dry-run'] ? 'would' : 'will'} ${choice}\n`,
    );
  }
  if (values['dry-run']) {
    interop.discard(token);
    io.stdout(
      `Dry run, nothing restored: ${plural(counts.new, 'new device')}, ${counts.present} already present, ${plural(counts.conflict, 'conflict')}.\n`,
    );
    return EXIT.ok;
  }
  const applied = await interop.apply(token, choice);
  if (!applied.ok) return reportFailure(io, applied);
  const { added, replaced, skipped, present } = applied.summary;
  io.stdout(
    `Restored ${plural(added, 'device')}${replaced > 0 ? `, replaced ${replaced}` : ''}; ${present} already present${skipped > 0 ? `, ${plural(skipped, 'conflict')} skipped` : ''}.\n`,
  );
  return EXIT.ok;
}

export function backupCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'restore') return restore(rest, io);
  throw new UsageError(
    'Use "tessera backup create <file> --password-file <f>" or "tessera backup restore <file> --password-file <f>".',
  );
}
