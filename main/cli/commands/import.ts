/**
 * `tessera import --format <f> <file> [--password-file <f>] [--dry-run] [--json] [--show-secrets]
 * [--on-conflict skip|replace|keep-both]` (cli layer). Without --dry-run the entries are stored
 * (conflicts skipped unless told otherwise); with it nothing is stored. `--show-secrets` (only
 * with --dry-run --json) prints each secret as unpadded upper-case base32, for scripts that check
 * an export before trusting it.
 */
import { parseArgs } from 'node:util';
import { ConflictChoiceName } from '../../../preload/contract/backupChannels';
import { encodeBase32 } from '../../core/otp/base32';
import { importerFor } from '../../core/interop/registry';
import { IMPORT_FORMATS, type ImportFormat, type ImportResult } from '../../core/interop/types';
import { onePositional, UsageError, type CliIo } from '../common';
import { looksLikeImage, transferLinksFromImage } from '../transferImage';
import { EXIT, type ExitCode } from '../exitCodes';
import {
  openInterop,
  plural,
  readPasswordFile,
  readUserFile,
  reportFailure,
} from '../interopCommon';

export function parseFormat(value: string | undefined): ImportFormat {
  const format = IMPORT_FORMATS.find(name => name === value);
  if (format === undefined) {
    throw new UsageError(`--format must be one of: ${IMPORT_FORMATS.join(', ')}.`);
  }
  return format;
}

export function parseConflictChoice(value: string | undefined): ConflictChoiceName {
  const parsed = ConflictChoiceName.safeParse(value ?? 'skip');
  if (!parsed.success) throw new UsageError('--on-conflict must be skip, replace or keep-both.');
  return parsed.data;
}

/** The `--dry-run --json` document: entries (with secrets only when asked) and entry errors. */
export function dryRunJson(result: ImportResult, showSecrets: boolean): string {
  const entries = result.entries.map(entry => ({
    type: entry.params.type,
    issuer: entry.issuer,
    name: entry.accountName,
    ...(showSecrets ? { secret: entry.secret.use(encodeBase32) } : {}),
    algorithm: entry.params.algorithm,
    digits: entry.params.digits,
    ...(entry.params.type === 'totp'
      ? { period: entry.params.periodSeconds }
      : { counter: entry.params.counter }),
  }));
  const errors = result.errors.map(({ index, reason }) => ({ index, reason }));
  return `${JSON.stringify({ entries, errors }, null, 2)}\n`;
}

export async function importCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'password-file': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'show-secrets': { type: 'boolean', default: false },
      'on-conflict': { type: 'string' },
    },
  });
  const format = parseFormat(values.format);
  const file = onePositional(
    positionals,
    'import takes one file: tessera import --format <format> <file>.',
  );
  const choice = parseConflictChoice(values['on-conflict']);
  if (values['show-secrets'] && !(values['dry-run'] && values.json)) {
    throw new UsageError(
      '--show-secrets only works with --dry-run --json (nothing stored, printed for a script).',
    );
  }
  const importer = importerFor(format);
  if (importer === undefined) {
    io.stderr(`tessera: importing from ${format} is not available in this build.\n`);
    return EXIT.usage;
  }
  const read = await readUserFile(io, file);
  if (read === undefined) return EXIT.usage;
  let bytes = read;
  if (format === 'google-migration' && looksLikeImage(read)) {
    const links = await transferLinksFromImage(read);
    if (!links.ok) {
      io.stderr(`tessera: ${links.message}
`);
      return EXIT.usage;
    }
    bytes = links.text;
  }
  const password = await readPasswordFile(
    io,
    values['password-file'],
    importer.isEncrypted(bytes) ? { question: `Password of ${file}: ` } : undefined,
  );

  if (values['dry-run'] && values.json) {
    const outcome = await importer.read({ bytes, ...(password === undefined ? {} : { password }) });
    if (!outcome.ok) return reportFailure(io, outcome);
    io.stdout(dryRunJson(outcome.value, values['show-secrets']));
    for (const entry of outcome.value.entries) entry.secret.wipe();
    return EXIT.ok;
  }

  const interop = await openInterop(io);
  const preview = await interop.previewBytes(format, bytes, password);
  if (!preview.ok) return reportFailure(io, preview);
  const { counts, items, errors, token } = preview.preview;
  for (const error of errors) {
    io.stderr(
      `skipped entry ${error.index + 1}${error.label === null ? '' : ` (${error.label})`}: ${error.reason}\n`,
    );
  }
  for (const item of items.filter(i => i.status === 'conflict')) {
    io.stderr(
      `conflict: ${item.issuer}:${item.accountName} vs stored ${item.existingLabel ?? '?'} (${item.conflict ?? ''}) — ${values['dry-run'] ? 'would' : 'will'} ${choice}\n`,
    );
  }
  if (values['dry-run']) {
    interop.discard(token);
    io.stdout(
      `Dry run, nothing stored: ${plural(counts.new, 'new device')}, ${counts.present} already present, ${plural(counts.conflict, 'conflict')}, ${plural(counts.errors, 'entry')} that cannot be imported.\n`,
    );
    return EXIT.ok;
  }
  const applied = await interop.apply(token, choice);
  if (!applied.ok) return reportFailure(io, applied);
  const { added, replaced, skipped, present } = applied.summary;
  io.stdout(
    `Imported ${plural(added, 'new device')}${replaced > 0 ? `, replaced ${replaced}` : ''}; ${present} already present${skipped > 0 ? `, ${plural(skipped, 'conflict')} skipped` : ''}${errors.length > 0 ? `, ${plural(errors.length, 'entry')} could not be imported` : ''}.\n`,
  );
  return EXIT.ok;
}
