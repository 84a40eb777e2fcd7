/**
 * Finding the MFA serial of an AWS CLI profile (cli layer): locates the config file the way the
 * AWS CLI does (`$AWS_CONFIG_FILE`, else `~/.aws/config`), reads it through the injected I/O
 * and asks the pure parser for the profile's `mfa_serial`. Every failure names the file.
 */
import path from 'node:path';
import { findMfaSerial, parseAwsConfig } from '../core/aws/awsConfigFile';
import type { CliIo } from './common';

export type ProfileSerialOutcome =
  | { readonly ok: true; readonly serialArn: string; readonly file: string; readonly from: string }
  | { readonly ok: false; readonly file: string; readonly message: string };

/** `$AWS_CONFIG_FILE` (with `~` expanded, as the AWS CLI does) or `~/.aws/config`. */
export function awsConfigPath(env: CliIo['env'], homedir: string): string {
  const configured = env.AWS_CONFIG_FILE;
  if (configured === undefined || configured === '') return path.join(homedir, '.aws', 'config');
  if (configured === '~') return homedir;
  if (configured.startsWith('~/') || configured.startsWith(`~${path.sep}`)) {
    return path.join(homedir, configured.slice(2));
  }
  return configured;
}

/** The `mfa_serial` for `profile`, following `source_profile` when the profile has none. */
export async function mfaSerialOfProfile(
  io: CliIo,
  profile: string,
): Promise<ProfileSerialOutcome> {
  const file = awsConfigPath(io.env, io.homedir);
  const text = await io.readTextFile(file);
  if (text === undefined) {
    return {
      ok: false,
      file,
      message: `The AWS config file ${file} does not exist (set AWS_CONFIG_FILE to use another one).`,
    };
  }
  const lookup = findMfaSerial(parseAwsConfig(text), profile);
  if (lookup.ok) return { ok: true, serialArn: lookup.serialArn, file, from: lookup.from };
  const chain = lookup.chain.join(' → ');
  switch (lookup.reason) {
    case 'no-profile': {
      const missing = lookup.chain.at(-1) ?? profile;
      const section = missing === 'default' ? '[default]' : `[profile ${missing}]`;
      return {
        ok: false,
        file,
        message:
          lookup.chain.length === 1
            ? `${file} has no profile "${profile}" (a ${section} section).`
            : `${file} has no profile "${missing}" (a ${section} section), which ${chain} leads to.`,
      };
    }
    case 'no-mfa-serial':
      return {
        ok: false,
        file,
        message:
          lookup.chain.length === 1
            ? `Profile "${profile}" in ${file} has no mfa_serial (nor a source_profile that has one).`
            : `No mfa_serial in ${file} along ${chain}.`,
      };
    case 'loop':
      return {
        ok: false,
        file,
        message: `The source_profile settings in ${file} loop (${chain}) without an mfa_serial.`,
      };
  }
}
