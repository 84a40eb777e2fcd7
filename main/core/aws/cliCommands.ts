/**
 * The AWS CLI commands for enrollment and resync (core, pure): `aws iam enable-mfa-device` and
 * `aws iam resync-mfa-device`, with POSIX shell quoting where a value needs it.
 */
const SAFE = /^[\w+=,.@:/-]+$/u;

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface MfaCommandInput {
  readonly userName: string;
  readonly serialArn: string;
  readonly code1: string;
  readonly code2: string;
}

function command(verb: string, input: MfaCommandInput): string {
  return [
    'aws iam',
    verb,
    `--user-name ${shellQuote(input.userName)}`,
    `--serial-number ${shellQuote(input.serialArn)}`,
    `--authentication-code1 ${input.code1}`,
    `--authentication-code2 ${input.code2}`,
  ].join(' ');
}

export function enableMfaDeviceCommand(input: MfaCommandInput): string {
  return command('enable-mfa-device', input);
}

export function resyncMfaDeviceCommand(input: MfaCommandInput): string {
  return command('resync-mfa-device', input);
}

/** IAM user names: 1–64 of letters, digits and `+=,.@_-` (IAM CreateUser). */
export const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/u;
