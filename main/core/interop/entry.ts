/**
 * Turns the loosely typed fields of one foreign entry into a validated ImportedEntry (core, pure).
 * Every importer funnels its entries through here, so the rules match the otpauth:// parser's
 * (OTP_LIMITS, cleaned display text, SHA1/SHA256/SHA512 only) and the messages are the same
 * everywhere. Differences from the URI parser, on purpose: a secret shorter than 80 bits is
 * accepted with a warning (the user already relies on that account elsewhere), and numbers may
 * arrive as numeric strings (several apps write them so).
 */
import { TEXT_LIMITS } from '../device/device';
import { decodeBase32 } from '../otp/base32';
import { normalizeDisplayText } from '../otp/otpauthUri';
import { HASH_ALGORITHMS, OTP_LIMITS, type HashAlgorithm, type OtpParams } from '../otp/types';
import { OtpSecret } from '../secret';
import type { ImportedEntry } from './types';

export interface RawEntry {
  /** `totp`, `hotp` in any case; anything else (steam, motp, yandex…) is refused per entry. */
  readonly type: unknown;
  readonly issuer: unknown;
  readonly accountName: unknown;
  /** Base32 text (spaces, dashes, lower case and `=` padding tolerated) or raw key bytes. */
  readonly secret: { readonly base32: unknown } | { readonly bytes: Uint8Array };
  /** Defaults to SHA1 when absent (null/undefined/''), as every app does. */
  readonly algorithm?: unknown;
  /** Defaults to 6. */
  readonly digits?: unknown;
  /** TOTP only; defaults to 30. */
  readonly period?: unknown;
  /** HOTP only; required. */
  readonly counter?: unknown;
  readonly groups?: readonly unknown[];
  readonly favorite?: unknown;
}

export type EntryOutcome =
  | { readonly ok: true; readonly entry: ImportedEntry }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): EntryOutcome => ({ ok: false, reason });

/** Reads an integer that may be written as a number or a decimal string; undefined if neither. */
export function integerField(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d{1,16}$/u.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function textField(value: unknown, what: string, max: number): string | { error: string } {
  if (isAbsent(value)) return '';
  if (typeof value !== 'string') return { error: `The ${what} is not text.` };
  const cleaned = normalizeDisplayText(value);
  if (cleaned === undefined) return { error: `The ${what} contains a NUL character.` };
  if (cleaned.length > max) return { error: `The ${what} is longer than ${max} characters.` };
  return cleaned;
}

/** SHA1/SHA256/SHA512 in any case, with or without the dash; undefined for anything else. */
export function algorithmField(value: unknown): HashAlgorithm | undefined {
  if (isAbsent(value)) return 'SHA1';
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toUpperCase().replace(/^SHA-/u, 'SHA');
  return HASH_ALGORITHMS.find(algorithm => algorithm === name);
}

function secretBytes(secret: RawEntry['secret']): Uint8Array | { error: string } {
  if ('bytes' in secret) return secret.bytes;
  const text = secret.base32;
  if (isAbsent(text)) return { error: 'The entry has no secret.' };
  if (typeof text !== 'string') return { error: 'The secret is not text.' };
  if (text.length > 4 * OTP_LIMITS.maxSecretBytes) {
    return { error: 'The secret is far longer than any authenticator key.' };
  }
  const cleaned = text.replace(/[\s-]/gu, '').replace(/=+$/u, '').toUpperCase();
  const bytes = decodeBase32(cleaned);
  if (bytes === undefined) return { error: 'The secret is not valid base32.' };
  return bytes;
}

function paramsOf(raw: RawEntry): OtpParams | { error: string } {
  const type = typeof raw.type === 'string' ? raw.type.trim().toLowerCase() : raw.type;
  if (type !== 'totp' && type !== 'hotp') {
    const named = typeof type === 'string' && type.length <= 20 ? ` "${type}"` : '';
    return { error: `The code type${named} is not supported yet (only TOTP and HOTP).` };
  }
  const algorithm = algorithmField(raw.algorithm);
  if (algorithm === undefined) {
    return { error: 'The hash algorithm is not SHA1, SHA256 or SHA512.' };
  }
  const digits = isAbsent(raw.digits) ? 6 : integerField(raw.digits);
  if (digits === undefined || digits < OTP_LIMITS.minDigits || digits > OTP_LIMITS.maxDigits) {
    return { error: `Codes must have ${OTP_LIMITS.minDigits} to ${OTP_LIMITS.maxDigits} digits.` };
  }
  if (type === 'totp') {
    const period = isAbsent(raw.period) ? 30 : integerField(raw.period);
    if (
      period === undefined ||
      period < OTP_LIMITS.minPeriodSeconds ||
      period > OTP_LIMITS.maxPeriodSeconds
    ) {
      return {
        error: `The period must be a whole number of seconds from ${OTP_LIMITS.minPeriodSeconds} to ${OTP_LIMITS.maxPeriodSeconds}.`,
      };
    }
    return { type, algorithm, digits, periodSeconds: period };
  }
  if (isAbsent(raw.counter)) return { error: 'This HOTP entry has no counter.' };
  const counter = integerField(raw.counter);
  if (counter === undefined || counter < 0 || counter > OTP_LIMITS.maxCounter) {
    return { error: `The HOTP counter must be a whole number from 0 to ${OTP_LIMITS.maxCounter}.` };
  }
  return { type, algorithm, digits, counter };
}

/** Validates one entry. Never throws; the reason never contains the secret. */
export function buildEntry(raw: RawEntry): EntryOutcome {
  const issuer = textField(raw.issuer, 'issuer', TEXT_LIMITS.issuer);
  if (typeof issuer !== 'string') return fail(issuer.error);
  const accountName = textField(raw.accountName, 'account name', TEXT_LIMITS.accountName);
  if (typeof accountName !== 'string') return fail(accountName.error);
  const params = paramsOf(raw);
  if ('error' in params) return fail(params.error);
  const bytes = secretBytes(raw.secret);
  if ('error' in bytes) return fail(bytes.error);
  if (bytes.length === 0) return fail('The entry has no secret.');
  if (bytes.length > OTP_LIMITS.maxSecretBytes) {
    return fail('The secret is far longer than any authenticator key.');
  }
  const warnings: string[] = [];
  if (bytes.length < OTP_LIMITS.recommendedSecretBytes) {
    warnings.push(
      `The secret is only ${bytes.length * 8} bits long (RFC 4226 asks for at least 128).`,
    );
  }
  const groups: string[] = [];
  for (const group of raw.groups ?? []) {
    const name = textField(group, 'group name', TEXT_LIMITS.group);
    if (typeof name === 'string' && name !== '' && !groups.includes(name)) groups.push(name);
  }
  return {
    ok: true,
    entry: {
      issuer,
      accountName,
      secret: OtpSecret.fromBytes(bytes),
      params,
      groups,
      favorite: raw.favorite === true,
      warnings,
    },
  };
}

/** A label for error lists ("GitHub (alice)"), from raw fields that may be anything. */
export function entryLabel(issuer: unknown, accountName: unknown): string | undefined {
  const parts = [issuer, accountName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map(part => normalizeDisplayText(part.slice(0, 80)) ?? '');
  if (parts.length === 0) return undefined;
  return parts.length === 2 ? `${parts[0] ?? ''} (${parts[1] ?? ''})` : parts[0];
}
