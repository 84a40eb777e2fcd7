/**
 * `tessera add <otpauth-uri | ->` (cli layer): stores a device, its seed in the keychain. "-"
 * reads the URI from stdin, keeping the secret out of shell history and the process list.
 */
import { parseArgs } from 'node:util';
import { deviceLabel } from '../../core/device/deviceView';
import { onePositional, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

export async function addCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const argument = onePositional(
    positionals,
    'add takes one otpauth:// URI, or "-" to read it from stdin.',
  );
  const uri = argument === '-' ? (await io.readStdin()).trim() : argument;
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
