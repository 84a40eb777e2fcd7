/**
 * The `tessera` command (cli layer): parses arguments with a schema, opens the same services
 * the app uses, and prints only what was asked for — codes go alone on stdout so
 * `$(tessera code …)` works in scripts, the AWS CLI and aws-vault. Seeds are never printed.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Device } from '../core/device/device';
import { deviceLabel } from '../core/device/deviceView';
import { findDevice } from '../core/device/query';
import { hotpAt, totpAt } from '../core/otp/codes';
import { groupFor } from '../core/device/grouping';
import { KeychainUnavailableError, type Clock } from '../core/ports';
import type { OtpSecret } from '../core/secret';
import type { DeviceService } from '../services/deviceService';
import { EXIT, type ExitCode } from './exitCodes';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly clock: Clock;
  /** `on-demand`: read no seed until one is needed (a single keychain read for `code`). */
  readonly openDevices: (secrets: 'known' | 'on-demand') => Promise<DeviceService>;
}

export const USAGE = `Usage: tessera <command> [options]

Commands:
  add <otpauth-uri | ->           Store a device (use "-" to read the URI from stdin, which
                                  keeps the secret out of your shell history and process list)
  list [--json]                   List devices (no secrets)
  code <query> [--next] [--min-remaining <seconds>]
                                  Print the current code and a newline; <query> is an id, a
                                  label (issuer:account), an account or issuer name, or a
                                  unique part of a label
  help                            Show this help

Exit codes: 0 ok, 2 usage or invalid input, 3 no match, 4 ambiguous query, 5 keychain unavailable.
Environment: TESSERA_HOME (metadata folder), TESSERA_KEYCHAIN_SERVICE (keychain service name).
`;

class UsageError extends Error {}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'add':
        return await addCommand(rest, io);
      case 'list':
        return await listCommand(rest, io);
      case 'code':
        return await codeCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tessera: ${error.message}\nRun "tessera help" for usage.\n`);
      return EXIT.usage;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`tessera: ${error.message}\nRun "tessera help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`tessera: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

async function addCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError('add takes one otpauth:// URI, or "-" to read it from stdin.');
  }
  const uri = positionals[0] === '-' ? (await io.readStdin()).trim() : positionals[0];
  const devices = await io.openDevices('known'); // all seeds: to warn about duplicates
  const outcome = await devices.addFromUri(uri);
  if (!outcome.ok) {
    io.stderr(`tessera: ${outcome.message}\n`);
    return outcome.reason === 'keychain-unavailable' ? EXIT.keychainUnavailable : EXIT.usage;
  }
  for (const warning of outcome.warnings) io.stderr(`warning: ${warning.message}\n`);
  io.stdout(`${outcome.device.id}\t${deviceLabel(outcome.device)}\n`);
  return EXIT.ok;
}

async function listCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new UsageError('list takes no arguments.');
  const devices = (await io.openDevices('on-demand')).devices();
  if (values.json) {
    const rows = devices.map(device => ({
      id: device.id,
      type: device.type,
      issuer: device.issuer,
      accountName: device.accountName,
      awsAccount:
        device.aws === undefined ? null : (device.aws.alias ?? device.aws.accountId ?? null),
      awsAccountId: device.aws?.accountId ?? null,
      awsAlias: device.aws?.alias ?? null,
      mfaDeviceName: device.aws?.deviceName ?? null,
      group: groupFor(device).label,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (devices.length === 0) {
    io.stderr('No devices yet. Add one with: tessera add -   (then paste an otpauth:// URI)\n');
    return EXIT.ok;
  }
  const table = devices.map(device => [
    device.id,
    device.issuer || '-',
    device.accountName || '-',
    device.aws === undefined
      ? '-'
      : [device.aws.alias, device.aws.accountId].filter(Boolean).join(' '),
  ]);
  io.stdout(formatTable([['ID', 'ISSUER', 'ACCOUNT', 'AWS ACCOUNT'], ...table]));
  return EXIT.ok;
}

const CodeOptions = z.object({
  next: z.boolean(),
  minRemaining: z
    .string()
    .regex(/^\d+$/, '--min-remaining takes a whole number of seconds')
    .transform(Number)
    .optional(),
});

async function codeCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { next: { type: 'boolean', default: false }, 'min-remaining': { type: 'string' } },
  });
  const parsed = CodeOptions.safeParse({
    next: values.next,
    minRemaining: values['min-remaining'],
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options');
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError('code takes one query (a device id, label or name).');
  }
  const devices = await io.openDevices('on-demand');
  const found = findDevice(devices.devices(), positionals[0]);
  if (found.kind === 'none') {
    io.stderr(`tessera: no device matches "${positionals[0]}". Run "tessera list" to see them.\n`);
    return EXIT.noMatch;
  }
  if (found.kind === 'ambiguous') {
    io.stderr(
      `tessera: "${positionals[0]}" matches ${found.candidates.length} devices; be more specific:\n`,
    );
    for (const device of found.candidates) io.stderr(`  ${device.id}  ${deviceLabel(device)}\n`);
    return EXIT.ambiguous;
  }
  const device = found.device;
  let secret: OtpSecret | undefined;
  try {
    secret = await devices.loadSecret(device.id);
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    io.stderr(`tessera: ${error.message}\n`);
    return EXIT.keychainUnavailable;
  }
  if (secret === undefined) {
    io.stderr(
      `tessera: the keychain has no secret for ${deviceLabel(device)}; re-enter it in Tessera or remove the device.\n`,
    );
    return EXIT.keychainUnavailable;
  }
  if (device.type === 'hotp') {
    return hotpCode(device, secret, devices, io);
  }
  const periodMs = device.periodSeconds * 1000;
  let nowMs = io.clock.nowMs();
  const minRemainingMs = (parsed.data.minRemaining ?? 0) * 1000;
  if (minRemainingMs > periodMs) {
    throw new UsageError(
      `--min-remaining cannot exceed the device's period (${device.periodSeconds} s).`,
    );
  }
  const remainingMs = periodMs - (nowMs % periodMs);
  if (!parsed.data.next && remainingMs < minRemainingMs) {
    io.stderr(`Waiting ${Math.ceil(remainingMs / 1000)} s for a fresh code…\n`);
    await io.sleep(remainingMs + 5);
    nowMs = io.clock.nowMs();
  }
  const codes = totpAt(secret, device, nowMs);
  io.stdout(`${parsed.data.next ? codes.nextCode : codes.code}\n`);
  await devices.markUsed(device.id);
  return EXIT.ok;
}

/** HOTP: print the code of the stored counter, after persisting the move to the next one. */
async function hotpCode(
  device: Extract<Device, { type: 'hotp' }>,
  secret: OtpSecret,
  devices: DeviceService,
  io: CliIo,
): Promise<ExitCode> {
  const code = hotpAt(secret, device.algorithm, device.digits, device.counter);
  const advanced = await devices.advanceHotp(device.id);
  if (!advanced.ok) {
    io.stderr(`tessera: ${advanced.message}\n`);
    return EXIT.failure;
  }
  io.stdout(`${code}\n`);
  return EXIT.ok;
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map(row => (row[column] ?? '').length))) ?? [];
  return (
    rows
      .map(row =>
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
