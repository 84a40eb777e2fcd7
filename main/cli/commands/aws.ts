/**
 * `tessera aws …` (cli layer): the AWS CLI companions.
 * - `enable-command` / `resync-command <query>` print `aws iam enable-mfa-device` /
 *   `resync-mfa-device` with two consecutive codes — code 1 of the period that just ended, code 2
 *   of the current one — only while code 2 has at least 20 s left (otherwise they wait for the
 *   rollover first), so the command can be pasted and run before the pair expires.
 * - `config-snippet <profile> <query>` prints `mfa_serial` and aws-vault's `mfa_process` lines
 *   for `~/.aws/config`, the process being this CLI's `code --serial`.
 */
import { parseArgs } from 'node:util';
import {
  enableMfaDeviceCommand,
  IAM_USER_NAME,
  resyncMfaDeviceCommand,
  shellQuote,
} from '../../core/aws/cliCommands';
import { ENROLLMENT_MIN_VALIDITY_MS, planEnrollment } from '../../core/aws/enrollment';
import { parseMfaSerialArn } from '../../core/device/arn';
import type { Device } from '../../core/device/device';
import { hotpAt } from '../../core/otp/codes';
import {
  deviceByQuery,
  onePositional,
  recordUse,
  secretOf,
  UsageError,
  type CliIo,
} from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

/**
 * Slack added to the 20 s AWS asks for, so the pair still has them once the command has been
 * printed and the process has exited. Capped below the period so a fresh period always qualifies.
 */
const PRINT_MARGIN_MS = 1_000;
/** A wait ends a few milliseconds after the rollover, never on its edge. */
const PAST_ROLLOVER_MS = 5;

export async function awsCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'enable-command':
      return mfaCommand('enable', rest, io);
    case 'resync-command':
      return mfaCommand('resync', rest, io);
    case 'config-snippet':
      return configSnippet(rest, io);
    case undefined:
      throw new UsageError(
        'aws needs a subcommand: enable-command, resync-command or config-snippet.',
      );
    default:
      throw new UsageError(`Unknown aws subcommand "${subcommand}".`);
  }
}

const NEEDS_SERIAL = (query: string) =>
  `this device has no MFA serial ARN: pass --serial, or add the serial ARN with \`tessera edit ${shellQuote(query)} --serial …\`.`;

async function mfaCommand(
  verb: 'enable' | 'resync',
  args: readonly string[],
  io: CliIo,
): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'user-name': { type: 'string' }, serial: { type: 'string' } },
  });
  const query = onePositional(
    positionals,
    `aws ${verb}-command takes one query (a device id, label or name).`,
  );
  if (values.serial !== undefined) {
    const parsed = parseMfaSerialArn(values.serial);
    if (!parsed.ok) throw new UsageError(parsed.message);
  }
  const requestedUser = values['user-name']?.trim();
  if (requestedUser !== undefined && !IAM_USER_NAME.test(requestedUser)) {
    throw new UsageError('An IAM user name has 1–64 letters, digits and + = , . @ _ - characters.');
  }

  const devices = await io.openDevices('on-demand');
  const found = deviceByQuery(devices, query, io);
  if (!found.ok) return found.exit;
  const device = found.value;
  if (device.type !== 'totp') {
    return usage(io, 'AWS virtual MFA devices are time-based (TOTP); this device counts (HOTP).');
  }
  const aws = device.aws;
  if (aws?.principal?.kind === 'root') {
    return usage(
      io,
      verb === 'enable'
        ? 'The root user enables MFA in the AWS console only: use `tessera code` for the two codes there.'
        : 'The root user resyncs MFA in the AWS console only: use `tessera code` for the two codes there.',
    );
  }
  const serialArn = values.serial?.trim() ?? aws?.serialArn;
  if (serialArn === undefined) return usage(io, NEEDS_SERIAL(query));
  const userName =
    requestedUser ?? (aws?.principal?.kind === 'iam-user' ? aws.principal.userName : undefined);
  if (userName === undefined) {
    return usage(io, `aws ${verb}-command needs --user-name (the IAM user the device belongs to).`);
  }
  const secret = await secretOf(devices, device, io);
  if (!secret.ok) return secret.exit;

  const code2Step = await waitForFreshPair(device, io);
  const code = (step: number) => hotpAt(secret.value, device.algorithm, device.digits, step);
  const input = { userName, serialArn, code1: code(code2Step - 1), code2: code(code2Step) };
  io.stdout(
    `${verb === 'enable' ? enableMfaDeviceCommand(input) : resyncMfaDeviceCommand(input)}\n`,
  );
  // Both codes are spent once AWS has seen them: guard code 2's period against reuse.
  await recordUse(devices, device.id, code2Step, io);
  return EXIT.ok;
}

/**
 * The step of code 2 once the current period has enough validity left, sleeping until the
 * rollover (and saying so on stderr) when it has not.
 */
async function waitForFreshPair(
  device: Extract<Device, { type: 'totp' }>,
  io: CliIo,
): Promise<number> {
  const periodMs = device.periodSeconds * 1000;
  const minValidityMs = Math.min(
    ENROLLMENT_MIN_VALIDITY_MS + PRINT_MARGIN_MS,
    periodMs - PRINT_MARGIN_MS,
  );
  for (let attempt = 0; ; attempt += 1) {
    const nowMs = io.clock.nowMs();
    const plan = planEnrollment(nowMs, device.periodSeconds, minValidityMs);
    if (plan.ready) return plan.code2Step;
    if (attempt >= 3) throw new Error('The clock did not reach the next period; try again.');
    const waitMs = plan.readyAtMs - nowMs;
    io.stderr(
      `Waiting ${Math.ceil(waitMs / 1000)} s for a fresh period so the codes stay valid long enough…\n`,
    );
    await io.sleep(waitMs + PAST_ROLLOVER_MS);
  }
}

/** Profile names the snippet writes as is: no white space, brackets, quotes or comment marks. */
const PROFILE_NAME = /^[\w.@+=,/:-]+$/u;

async function configSnippet(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [profile, query] = positionals;
  if (positionals.length !== 2 || profile === undefined || query === undefined) {
    throw new UsageError('aws config-snippet takes a profile name and a query.');
  }
  if (!PROFILE_NAME.test(profile)) {
    throw new UsageError(
      'A profile name for the snippet may contain letters, digits and . @ + = , / : _ - only.',
    );
  }
  const devices = await io.openDevices('on-demand');
  const found = deviceByQuery(devices, query, io);
  if (!found.ok) return found.exit;
  const serialArn = found.value.aws?.serialArn;
  if (serialArn === undefined) {
    return usage(
      io,
      `this device has no MFA serial ARN: add it with \`tessera edit ${shellQuote(query)} --serial arn:aws:iam::<account-id>:mfa/<device-name>\`.`,
    );
  }
  const mfaProcess = [io.execPath, io.scriptPath, 'code', '--serial', serialArn]
    .map(shellQuote)
    .join(' ');
  if (/[#;]/u.test(mfaProcess)) {
    io.stderr(
      'warning: the mfa_process line contains # or ;, which aws-vault reads as the start of a comment; install Tessera under a path without them.\n',
    );
  }
  io.stdout(
    `${profile === 'default' ? '[default]' : `[profile ${profile}]`}\nmfa_serial = ${serialArn}\nmfa_process = ${mfaProcess}\n`,
  );
  return EXIT.ok;
}

function usage(io: CliIo, message: string): ExitCode {
  io.stderr(`tessera: ${message}\n`);
  return EXIT.usage;
}
