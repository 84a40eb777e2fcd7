/**
 * What every `tessera` command shares (cli layer): the injected I/O, the usage error that maps
 * to exit code 2, and finding a device — by query or by MFA serial ARN — and its seed, with
 * the messages and exit codes the README documents.
 */
import type { Device } from '../core/device/device';
import type { UserFiles } from '../core/filePorts';
import { deviceLabel } from '../core/device/deviceView';
import { findDevice } from '../core/device/query';
import { KeychainUnavailableError, type Clock } from '../core/ports';
import type { OtpSecret } from '../core/secret';
import type { DeviceService } from '../services/deviceService';
import { EXIT, type ExitCode } from './exitCodes';

/** Everything the CLI touches outside itself, injected so unit tests run on fakes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly clock: Clock;
  /** `on-demand`: read no seed until one is needed (a single keychain read for `code`). */
  readonly openDevices: (secrets: 'known' | 'on-demand') => Promise<DeviceService>;
  /** Environment variables (`AWS_CONFIG_FILE`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory (for `~/.aws/config`). */
  readonly homedir: string;
  /** A UTF-8 text file's content, or undefined when the file does not exist. */
  readonly readTextFile: (path: string) => Promise<string | undefined>;
  /** Absolute path of the Node binary running the CLI (`process.execPath`). */
  readonly execPath: string;
  /** Absolute path of the CLI script (`process.argv[1]`, resolved). */
  readonly scriptPath: string;
  /** Backups, imports and exports the user names (bounded reads, owner-only atomic writes). */
  readonly files: UserFiles;
  /**
   * Asks for a passphrase without echoing it, when stdin is a terminal; undefined otherwise
   * (scripts use --password-file).
   */
  readonly promptSecret?: (question: string) => Promise<string | undefined>;
}

/** A bad command line: reported with a pointer to `tessera help`, exit code 2. */
export class UsageError extends Error {}

export type Found<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly exit: ExitCode };

const found = <T>(value: T): Found<T> => ({ ok: true, value });
const failed = <T>(exit: ExitCode): Found<T> => ({ ok: false, exit });

/**
 * How a query is quoted back in messages. SECURITY: someone may paste a whole otpauth:// URI (or
 * a bare secret) where a device name belongs; that text is never echoed (HOSTILE-INPUTS rules).
 */
export function quoteQuery(query: string): string {
  if (/otpauth|secret=/i.test(query) || /^[A-Z2-7= ]{16,}$/i.test(query) || query.length > 80) {
    return 'that query (not repeated: it looks like it contains a secret)';
  }
  return `"${query}"`;
}

/**
 * Records that a code was printed (for the app's reuse guard). Best effort: the code is already
 * on stdout, and a busy or read-only vault must not turn a good code into a failed command
 * (aws-vault's mfa_process treats a non-zero exit as failure).
 */
export async function recordUse(
  devices: DeviceService,
  id: string,
  step: number | undefined,
  io: CliIo,
): Promise<void> {
  try {
    await devices.markUsed(id, step);
  } catch (error) {
    io.stderr(
      `warning: could not record this use in vault.json (${error instanceof Error ? error.message : String(error)}).\n`,
    );
  }
}

/** The device a query names; reports no match (3) or an ambiguous query (4) on stderr. */
export function deviceByQuery(devices: DeviceService, query: string, io: CliIo): Found<Device> {
  const outcome = findDevice(devices.devices(), query);
  if (outcome.kind === 'match') return found(outcome.device);
  if (outcome.kind === 'none') {
    io.stderr(`tessera: no device matches ${quoteQuery(query)}. Run "tessera list" to see them.\n`);
    return failed(EXIT.noMatch);
  }
  io.stderr(
    `tessera: ${quoteQuery(query)} matches ${outcome.candidates.length} devices; be more specific:\n`,
  );
  listCandidates(outcome.candidates, io);
  return failed(EXIT.ambiguous);
}

/**
 * The device whose stored MFA serial ARN is exactly `serialArn` (surrounding white space
 * aside). `origin` says where the ARN came from, for the message when nothing matches.
 */
export function deviceBySerial(
  devices: DeviceService,
  serialArn: string,
  io: CliIo,
  origin = '',
): Found<Device> {
  const wanted = serialArn.trim();
  const hits = devices.devices().filter(device => device.aws?.serialArn === wanted);
  const [only] = hits;
  if (hits.length === 1 && only !== undefined) return found(only);
  if (hits.length === 0) {
    io.stderr(
      `tessera: no device has the MFA serial ${wanted}${origin}. Attach it with: tessera edit <query> --serial ${wanted}\n`,
    );
    return failed(EXIT.noMatch);
  }
  io.stderr(`tessera: ${hits.length} devices have the MFA serial ${wanted}:\n`);
  listCandidates(hits, io);
  return failed(EXIT.ambiguous);
}

function listCandidates(devices: readonly Device[], io: CliIo): void {
  for (const device of devices) io.stderr(`  ${device.id}  ${deviceLabel(device)}\n`);
}

/** A device's seed (one keychain read); a missing keychain or seed is exit code 5. */
export async function secretOf(
  devices: DeviceService,
  device: Device,
  io: CliIo,
): Promise<Found<OtpSecret>> {
  let secret: OtpSecret | undefined;
  try {
    secret = await devices.loadSecret(device.id);
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    io.stderr(`tessera: ${error.message}\n`);
    return failed(EXIT.keychainUnavailable);
  }
  if (secret === undefined) {
    io.stderr(
      `tessera: the keychain has no secret for ${deviceLabel(device)}; re-enter it in Tessera or remove the device.\n`,
    );
    return failed(EXIT.keychainUnavailable);
  }
  return found(secret);
}

/** The single positional argument a command takes, or a usage error saying what it wanted. */
export function onePositional(positionals: readonly string[], message: string): string {
  const [only] = positionals;
  if (positionals.length !== 1 || only === undefined) throw new UsageError(message);
  return only;
}
