/**
 * `tessera code` (cli layer): prints one code and a newline, nothing else, so
 * `$(tessera code …)` works in scripts, the AWS CLI and aws-vault's `mfa_process`. The device
 * is named by a query, by its MFA serial ARN (`--serial`), or by an AWS CLI profile whose
 * `mfa_serial` names it (`--profile`).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Device } from '../../core/device/device';
import { hotpAt, timeStep, totpAt } from '../../core/otp/codes';
import type { OtpSecret } from '../../core/secret';
import type { DeviceService } from '../../services/deviceService';
import { mfaSerialOfProfile } from '../awsConfig';
import {
  type CliIo,
  deviceByQuery,
  deviceBySerial,
  type Found,
  recordUse,
  secretOf,
  UsageError,
} from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

const CodeOptions = z.object({
  next: z.boolean(),
  minRemaining: z
    .string()
    .regex(/^\d+$/, '--min-remaining takes a whole number of seconds')
    .transform(Number)
    .optional(),
  serial: z.string().trim().min(1, '--serial takes an MFA serial ARN').optional(),
  profile: z.string().trim().min(1, '--profile takes an AWS CLI profile name').optional(),
});

const WHICH_DEVICE =
  'code takes exactly one of: a query (a device id, label or name), --serial <mfa-arn>, --profile <aws-profile>.';

export async function codeCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      next: { type: 'boolean', default: false },
      'min-remaining': { type: 'string' },
      serial: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const parsed = CodeOptions.safeParse({
    next: values.next,
    minRemaining: values['min-remaining'],
    serial: values.serial,
    profile: values.profile,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options');
  const options = parsed.data;
  const [query] = positionals;
  const ways = [query, options.serial, options.profile].filter(way => way !== undefined);
  if (positionals.length > 1 || ways.length !== 1) throw new UsageError(WHICH_DEVICE);

  let serialArn = options.serial;
  let origin = '';
  if (options.profile !== undefined) {
    const fromProfile = await mfaSerialOfProfile(io, options.profile);
    if (!fromProfile.ok) {
      io.stderr(`tessera: ${fromProfile.message}\n`);
      return EXIT.noMatch;
    }
    serialArn = fromProfile.serialArn;
    origin = ` (mfa_serial of profile "${fromProfile.from}" in ${fromProfile.file})`;
  }

  const devices = await io.openDevices('on-demand');
  const device: Found<Device> =
    serialArn === undefined
      ? deviceByQuery(devices, query ?? '', io)
      : deviceBySerial(devices, serialArn, io, origin);
  if (!device.ok) return device.exit;
  const secret = await secretOf(devices, device.value, io);
  if (!secret.ok) return secret.exit;

  if (device.value.type === 'hotp') return hotpCode(device.value, secret.value, devices, io);
  return totpCode(device.value, secret.value, devices, io, options);
}

/**
 * TOTP: the current code (or the next with `--next`), after waiting for a fresh period when
 * fewer than `--min-remaining` seconds are left. The printed step is recorded as copied.
 */
async function totpCode(
  device: Extract<Device, { type: 'totp' }>,
  secret: OtpSecret,
  devices: DeviceService,
  io: CliIo,
  options: { readonly next: boolean; readonly minRemaining?: number | undefined },
): Promise<ExitCode> {
  const periodMs = device.periodSeconds * 1000;
  const minRemainingMs = (options.minRemaining ?? 0) * 1000;
  if (minRemainingMs > periodMs) {
    throw new UsageError(
      `--min-remaining cannot exceed the device's period (${device.periodSeconds} s).`,
    );
  }
  let nowMs = io.clock.nowMs();
  const remainingMs = periodMs - (nowMs % periodMs);
  if (!options.next && remainingMs < minRemainingMs) {
    io.stderr(`Waiting ${Math.ceil(remainingMs / 1000)} s for a fresh code…\n`);
    await io.sleep(remainingMs + 5);
    nowMs = io.clock.nowMs();
  }
  const codes = totpAt(secret, device, nowMs);
  io.stdout(`${options.next ? codes.nextCode : codes.code}\n`);
  const step = timeStep(nowMs, device.periodSeconds) + (options.next ? 1 : 0);
  await recordUse(devices, device.id, step, io);
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
