/**
 * Turns a list of raw foreign entries into entries plus per-entry errors (core, pure): one bad
 * entry never aborts the rest (HOSTILE-INPUTS #33), and the count limit is enforced here.
 */
import { buildEntry, entryLabel, type RawEntry } from './entry';
import {
  MAX_IMPORT_ENTRIES,
  type EntryError,
  type ImportOutcome,
  type ImportedEntry,
} from './types';

/** What an importer's mapping returns for one item: a raw entry, or why it cannot be one. */
export type RawOrError =
  | { readonly raw: RawEntry; readonly label?: string | undefined }
  | { readonly error: string; readonly label?: string | undefined };

export function collectEntries(
  items: readonly unknown[],
  toRaw: (item: unknown, index: number) => RawOrError,
): ImportOutcome {
  if (items.length > MAX_IMPORT_ENTRIES) {
    return {
      ok: false,
      reason: 'too-large',
      message: `The file holds ${items.length} entries; Tessera imports at most ${MAX_IMPORT_ENTRIES} at a time.`,
    };
  }
  const entries: ImportedEntry[] = [];
  const errors: EntryError[] = [];
  items.forEach((item, index) => {
    const mapped = toRaw(item, index);
    const label = mapped.label;
    if ('error' in mapped) {
      errors.push({ index, ...(label === undefined ? {} : { label }), reason: mapped.error });
      return;
    }
    const outcome = buildEntry(mapped.raw);
    if (outcome.ok) entries.push(outcome.entry);
    else errors.push({ index, ...(label === undefined ? {} : { label }), reason: outcome.reason });
  });
  return { ok: true, value: { entries, errors } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export { entryLabel };
