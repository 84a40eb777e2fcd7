/**
 * The `tessera` command (cli layer): parses arguments with a schema, opens the same services
 * the app uses, and prints only what was asked for — codes go alone on stdout so
 * `$(tessera code …)` works in scripts, the AWS CLI and aws-vault. Seeds are never printed.
 * Each command lives in ./commands; this module dispatches and maps errors to exit codes.
 */
import { addCommand } from './commands/add';
import { awsCommand } from './commands/aws';
import { backupCommand } from './commands/backup';
import { codeCommand } from './commands/code';
import { editCommand } from './commands/edit';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { scanCommand } from './commands/scan';
import { UsageError, type CliIo } from './common';
import { EXIT, type ExitCode } from './exitCodes';

export type { CliIo } from './common';

export const USAGE = `Usage: tessera <command> [options]

Commands:
  add <otpauth-uri | ->           Store a device (use "-" to read the URI from stdin, which
                                  keeps the secret out of your shell history and process list)
  list [--json]                   List devices (no secrets)
  code <query> [--next] [--min-remaining <seconds>]
  code --serial <mfa-arn> [--next] [--min-remaining <seconds>]
  code --profile <aws-profile> [--next] [--min-remaining <seconds>]
                                  Print the current code and a newline. <query> is an id, a
                                  label (issuer:account), an account or issuer name, or a
                                  unique part of a label; --serial matches the MFA serial ARN
                                  stored with a device; --profile reads that profile's
                                  mfa_serial (or its source_profile's) from $AWS_CONFIG_FILE or
                                  ~/.aws/config. --min-remaining waits for a fresh code when
                                  the current one has fewer seconds left
  edit <query> [--issuer <s>] [--name <s>] [--serial <mfa-arn>]
       [--aws-account <id-or-alias>] [--iam-user <name> | --root]
                                  Rename a device and attach its AWS details (other AWS
                                  details are kept); prints the device as JSON. Nothing is
                                  saved when any value is invalid
  aws enable-command <query> [--user-name <iam-user>] [--serial <mfa-arn>]
  aws resync-command <query> [--user-name <iam-user>] [--serial <mfa-arn>]
                                  Print "aws iam enable-mfa-device" (or "resync-mfa-device")
                                  with two consecutive codes, once the current one has at
                                  least 20 s left (waiting for the next period if needed)
  aws config-snippet <profile> <query>
                                  Print a ~/.aws/config profile with mfa_serial and
                                  mfa_process (aws-vault runs it to get the code)
  scan <image>... [--json] [--add]
                                  Read every QR code in PNG, JPEG or WebP images (e.g. the
                                  QRCodePNG of aws iam create-virtual-mfa-device); --json
                                  prints the decoded texts, --add stores the authenticator
                                  codes found
  import --format <format> <file> [--password-file <f>] [--dry-run] [--json] [--show-secrets]
         [--on-conflict skip|replace|keep-both]
                                  Import from another app. <format>: tessera, aegis, 2fas,
                                  google-migration, andotp, bitwarden, freeotp-plus, ente,
                                  authenticator-pro, otpauth-list. Conflicts are skipped unless
                                  --on-conflict says otherwise. --dry-run stores nothing;
                                  --dry-run --json prints the entries (--show-secrets: with
                                  their secrets, base32)
  export --format <tessera|aegis|otpauth-list> <file> [--password-file <f>]
                                  Export every device (otpauth-list is NOT encrypted)
  backup create <file> --password-file <f>
  backup restore <file> --password-file <f> [--dry-run] [--on-conflict <choice>]
                                  Encrypted backup (Argon2id + AES-256-GCM) and restore.
                                  Passphrases are read from the first line of a file (or typed
                                  at a prompt on a terminal), never from arguments or
                                  environment variables
  help                            Show this help

Exit codes: 0 ok, 2 usage or invalid input, 3 no match, 4 ambiguous query, 5 keychain unavailable.
Environment: TESSERA_HOME (metadata folder), TESSERA_KEYCHAIN_SERVICE (keychain service name),
AWS_CONFIG_FILE (the AWS CLI config file for code --profile).
`;

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
      case 'edit':
        return await editCommand(rest, io);
      case 'aws':
        return await awsCommand(rest, io);
      case 'scan':
        return await scanCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'backup':
        return await backupCommand(rest, io);
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
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`tessera: ${error.message}\nRun "tessera help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`tessera: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}

/** node:util parseArgs rejects unknown options and missing values with ERR_PARSE_ARGS_* codes. */
function isParseArgsError(error: unknown): error is TypeError {
  return (
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}
