/** `tessera list [--json]` (cli layer): the devices, as a table or JSON; never a secret. */
import { parseArgs } from 'node:util';
import { groupFor } from '../../core/device/grouping';
import { UsageError, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

export async function listCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
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
