/**
 * Small pieces every third-party importer uses (core, pure): the failure value, loose record
 * access for JSON of unknown shape, and the loop that turns a list of foreign items into entries
 * plus per-entry errors through buildEntry (one bad item never aborts the rest).
 */
import { parseOtpauthUri } from '../otp/otpauthUri';
import { headText } from './encoding';
import { buildEntry, entryLabel, type RawEntry } from './entry';
import { parseJsonBytes } from './json';
import {
  MAX_IMPORT_ENTRIES,
  type EntryError,
  type ImportFailureReason,
  type ImportOutcome,
  type ImportedEntry,
} from './types';

export type ImportFailure = Extract<ImportOutcome, { ok: false }>;

export const fail = (reason: ImportFailureReason, message: string): ImportFailure => ({
  ok: false,
  reason,
  message,
});

export const PASSWORD_REQUIRED = (what: string): ImportFailure =>
  fail('password-required', `This ${what} is encrypted: enter the password it was exported with.`);

export const WRONG_PASSWORD = (what: string): ImportFailure =>
  fail(
    'wrong-password',
    `Wrong password, or the ${what} is damaged: it could not be decrypted. Nothing was imported.`,
  );

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `key` when `value` is an object; undefined otherwise. */
export function get(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Reads a file as JSON (size and depth bounded); a failure when it is not JSON. */
export function readJson(bytes: Uint8Array): { value: unknown } | ImportFailure {
  // Not even the start of JSON: another kind of file (HOSTILE #35), not a damaged one.
  if (!/^\uFEFF?\s*[[{]/u.test(headText(bytes, 64))) {
    return fail(
      'wrong-format',
      'This file is not in the format you chose: check which app it comes from.',
    );
  }
  const parsed = parseJsonBytes(bytes);
  return parsed.ok ? { value: parsed.value } : fail(parsed.reason, parsed.message);
}

/** What one foreign item becomes: a raw entry for buildEntry, or the reason it cannot be one. */
export type ItemReading = RawEntry | { readonly skip: string };

/**
 * Runs every item through `read` and buildEntry. `labelOf` names an item in error lists. Items
 * for which `read` returns undefined are not accounts at all (e.g. a Bitwarden secure note) and
 * are left out without an error.
 */
export function collectEntries<T>(
  items: readonly T[],
  read: (item: T, index: number) => ItemReading | undefined,
  labelOf: (item: T) => string | undefined,
): ImportOutcome {
  if (items.length > MAX_IMPORT_ENTRIES) {
    return fail('too-large', `The file holds more than ${MAX_IMPORT_ENTRIES} entries.`);
  }
  const entries: ImportedEntry[] = [];
  const errors: EntryError[] = [];
  items.forEach((item, index) => {
    const addError = (reason: string): void => {
      const label = labelOf(item);
      errors.push({ index, reason, ...(label === undefined ? {} : { label }) });
    };
    let reading: ItemReading | undefined;
    try {
      reading = read(item, index);
    } catch {
      // Defensive: a reader bug on one hostile item must not abort the others.
      reading = { skip: 'This entry could not be read.' };
    }
    if (reading === undefined) return;
    if ('skip' in reading) {
      addError(reading.skip);
      return;
    }
    const built = buildEntry(reading);
    if (built.ok) entries.push(built.entry);
    else addError(built.reason);
  });
  return { ok: true, value: { entries, errors } };
}

/** entryLabel over two loose fields of a record. */
export function labelOfFields(
  item: unknown,
  issuerKey: string,
  nameKey: string,
): string | undefined {
  return entryLabel(get(item, issuerKey), get(item, nameKey));
}

/**
 * An otpauth:// URI as an item reading, through the app's own URI parser (same rules and
 * messages as adding a device by URI); a `steam` or other unsupported type becomes a skip.
 */
export function uriReading(uri: string): ItemReading {
  const parsed = parseOtpauthUri(uri);
  if (!parsed.ok) return { skip: parsed.message };
  const { secret, params, issuer, accountName } = parsed.value;
  const bytes = secret.use(key => Uint8Array.from(key));
  secret.wipe();
  return {
    type: params.type,
    issuer,
    accountName,
    secret: { bytes },
    algorithm: params.algorithm,
    digits: params.digits,
    ...(params.type === 'totp' ? { period: params.periodSeconds } : { counter: params.counter }),
  };
}
