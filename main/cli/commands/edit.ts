/**
 * `tessera edit <query> …` (cli layer): renames a device (`--issuer`, `--name`) and attaches or
 * corrects its AWS details (`--serial`, `--aws-account`, `--iam-user` / `--root`), keeping the
 * AWS fields not given. Everything is validated before the first write, so an invalid value
 * changes nothing; the updated device is printed as JSON (metadata only: never a secret).
 */
import { parseArgs } from 'node:util';
import type { AwsEditInput, EditOutcome, RenameInput } from '../../../preload/contract/contract';
import { validateAwsEdit } from '../../core/aws/awsEdit';
import { parseMfaSerialArn } from '../../core/device/arn';
import { Device, TEXT_LIMITS } from '../../core/device/device';
import { toDeviceView } from '../../core/device/deviceView';
import { normalizeDisplayText } from '../../core/otp/otpauthUri';
import { deviceByQuery, onePositional, UsageError, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

const AWS_OPTIONS = ['serial', 'aws-account', 'iam-user', 'root'] as const;

interface EditValues {
  readonly serial?: string | undefined;
  readonly issuer?: string | undefined;
  readonly name?: string | undefined;
  readonly 'aws-account'?: string | undefined;
  readonly 'iam-user'?: string | undefined;
  readonly root: boolean;
}

export async function editCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      serial: { type: 'string' },
      issuer: { type: 'string' },
      name: { type: 'string' },
      'aws-account': { type: 'string' },
      'iam-user': { type: 'string' },
      root: { type: 'boolean', default: false },
    },
  });
  const query = onePositional(positionals, 'edit takes one query (a device id, label or name).');
  if (values['iam-user'] !== undefined && values.root) {
    throw new UsageError('--iam-user and --root cannot be used together: a device has one owner.');
  }
  if (values['aws-account']?.trim() === '') {
    throw new UsageError('--aws-account takes a 12-digit account ID or an account alias.');
  }
  const renaming = values.issuer !== undefined || values.name !== undefined;
  const editingAws = AWS_OPTIONS.some(option =>
    option === 'root' ? values.root : values[option] !== undefined,
  );
  if (!renaming && !editingAws) {
    throw new UsageError(
      'edit needs at least one of --issuer, --name, --serial, --aws-account, --iam-user, --root.',
    );
  }

  const devices = await io.openDevices('on-demand');
  const found = deviceByQuery(devices, query, io);
  if (!found.ok) return found.exit;
  const device = found.value;

  // 1. Validate everything, against the stored schema too, before writing anything.
  let rename: RenameInput | undefined;
  let prospective: Device = device;
  if (renaming) {
    rename = {
      issuer: values.issuer ?? device.issuer,
      accountName: values.name ?? device.accountName,
    };
    const issuer = normalizeDisplayText(rename.issuer);
    const accountName = normalizeDisplayText(rename.accountName);
    if (issuer === undefined || accountName === undefined) {
      return invalid(io, 'Names cannot contain NUL characters.');
    }
    if (issuer === '' && accountName === '') {
      return invalid(io, 'Give the device an issuer or an account name.');
    }
    prospective = { ...prospective, issuer, accountName };
  }
  let aws: AwsEditInput | undefined;
  if (editingAws) {
    aws = awsEditInput(device, values);
    if (aws.deviceName.trim() === '') {
      return invalid(
        io,
        "Tessera needs the MFA device's name: pass --serial with its ARN (the name is its last part).",
      );
    }
    const validated = validateAwsEdit(aws);
    if (!validated.ok) return invalid(io, validated.message);
    prospective = { ...prospective, aws: validated.aws };
  }
  const storable = Device.safeParse(prospective);
  if (!storable.success) return invalid(io, schemaMessage(storable.error.issues[0]?.path ?? []));

  // 2. Write: the AWS details, then the names (both already known to be valid).
  if (aws !== undefined) {
    const outcome = await devices.editAws(device.id, aws);
    if (!outcome.ok) return failed(io, outcome);
  }
  if (rename !== undefined) {
    const outcome = await devices.rename(device.id, rename);
    if (!outcome.ok) return failed(io, outcome);
  }

  // 3. Print the device as stored (its seed status is not read: the keychain is not opened).
  const { secretStatus: _secretStatus, ...view } = toDeviceView(
    devices.device(device.id) ?? prospective,
    'ok',
  );
  io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  return EXIT.ok;
}

/**
 * The complete AWS details after this edit: the options given, and the stored values for the
 * rest. `--aws-account` is an account ID when it is made of digits (`123456789012`,
 * `1234-5678-9012`: validated as such), an alias otherwise. The MFA device name is the last part
 * of a serial ARN given now, else the stored one, else the device's account name.
 */
function awsEditInput(device: Device, values: EditValues): AwsEditInput {
  const stored = device.aws;
  let accountId = stored?.accountId ?? null;
  let alias = stored?.alias ?? null;
  const account = values['aws-account']?.trim();
  if (account !== undefined) {
    if (/^[\d\s-]+$/u.test(account)) accountId = account;
    else alias = account;
  }
  const serial = values.serial === undefined ? undefined : parseMfaSerialArn(values.serial);
  const deviceName =
    serial?.ok === true ? serial.deviceName : (stored?.deviceName ?? device.accountName);
  let principal: AwsEditInput['principal'] = stored?.principal ?? { kind: 'unknown' };
  if (values.root) principal = { kind: 'root' };
  const userName = values['iam-user'];
  if (userName !== undefined) principal = { kind: 'iam-user', userName };
  return {
    accountId,
    alias,
    deviceName,
    principal,
    serialArn: values.serial ?? stored?.serialArn ?? null,
  };
}

/** What the stored schema refused, in the user's terms (lengths are the only rule left). */
function schemaMessage(path: readonly PropertyKey[]): string {
  const field = path.map(String).join('.');
  switch (field) {
    case 'issuer':
      return `The issuer can be at most ${TEXT_LIMITS.issuer} characters long.`;
    case 'accountName':
      return `The account name can be at most ${TEXT_LIMITS.accountName} characters long.`;
    case 'aws.serialArn':
      return 'The serial ARN can be at most 512 characters long.';
    case 'aws.deviceName':
      return `The MFA device name can be at most ${TEXT_LIMITS.accountName} characters long.`;
    default:
      return `Tessera cannot store this value (${field || 'device'}).`;
  }
}

function invalid(io: CliIo, message: string): ExitCode {
  io.stderr(`tessera: ${message} Nothing was changed.\n`);
  return EXIT.usage;
}

function failed(io: CliIo, outcome: Extract<EditOutcome, { ok: false }>): ExitCode {
  io.stderr(`tessera: ${outcome.message}\n`);
  return outcome.reason === 'not-found' ? EXIT.noMatch : EXIT.usage;
}
