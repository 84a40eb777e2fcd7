/**
 * The hostile files of the third-party formats (test/fixtures/hostile/<format>/, HOSTILE-INPUTS
 * #22, #23, #29–#31, #33, #34): each gives the specific outcome below, quickly, never a throw.
 * KDF parameters out of bounds are refused before any key derivation (well under a second).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importerFor } from '../../../../main/core/interop/registry';
import type { ImportFailureReason, ImportFormat } from '../../../../main/core/interop/types';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'hostile');

type Expected =
  | { readonly reason: ImportFailureReason; readonly password?: string }
  /** Read, with this many entries and per-entry errors. */
  | { readonly entries: number; readonly errors: number; readonly password?: string };

const EXPECTED: Partial<Record<ImportFormat, Record<string, Expected>>> = {
  'google-migration': {
    'bad-base64.txt': { reason: 'malformed' },
    'truncated-protobuf.txt': { reason: 'malformed' },
    'only-batch-2-of-3.txt': { reason: 'malformed' },
    'two-different-exports.txt': { reason: 'malformed' },
    'unknown-enum-values.txt': { entries: 1, errors: 3 },
    'empty-secret.txt': { entries: 0, errors: 1 },
    'huge-uri.txt': { reason: 'too-large' },
    'plus-as-space-and-duplicate-batch.txt': { entries: 2, errors: 0 },
  },
  '2fas': {
    'truncated.2fas': { reason: 'malformed' },
    'tampered-ciphertext.2fas': { reason: 'wrong-password', password: 'test' },
    'wrong-types.2fas': { entries: 1, errors: 3 },
    'future-schema.2fas': { reason: 'unsupported-version' },
  },
  andotp: {
    'kdf-iterations-4294967295.bin': { reason: 'wrong-password', password: 'test' },
    'truncated.bin': { reason: 'wrong-password', password: 'test' },
    'deep-nesting.json': { reason: 'too-large' },
  },
  bitwarden: {
    'kdf-argon2-memory-4gib.json': { reason: 'too-large', password: 'x' },
    'kdf-pbkdf2-iterations-2e40.json': { reason: 'too-large', password: 'x' },
    'account-restricted.json': { reason: 'account-restricted', password: 'x' },
    'tampered-data.json': { reason: 'tampered', password: 'hostile' },
    'unterminated-quote.csv': { reason: 'malformed' },
    'null-fields.json': { entries: 1, errors: 2 },
  },
  ente: {
    'kdf-memlimit-4gib.json': { reason: 'too-large', password: 'x' },
    'kdf-opslimit-2e40.json': { reason: 'too-large', password: 'x' },
    'not-utf8.txt': { reason: 'wrong-format' },
    'huge-line.txt': { entries: 0, errors: 1 },
  },
  'authenticator-pro': {
    'truncated-header.bin': { reason: 'malformed', password: 'test' },
    'huge-field.json': { entries: 0, errors: 2 },
  },
  'freeotp-plus': {
    'wrong-types.json': { reason: 'wrong-format' },
    'secret-bytes-out-of-range.json': { entries: 0, errors: 1 },
  },
};

const cases = Object.entries(EXPECTED).flatMap(([format, files]) =>
  Object.entries(files).map(
    ([file, expected]) => [format as ImportFormat, file, expected] as const,
  ),
);

describe('hostile third-party import files', () => {
  it('has a hostile file for every expectation and an expectation for every hostile file', () => {
    for (const format of Object.keys(EXPECTED)) {
      expect(readdirSync(join(ROOT, format)).sort()).toEqual(
        Object.keys(EXPECTED[format as ImportFormat] ?? {}).sort(),
      );
    }
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s/%s ends in a clean, specific outcome', async (format, file, expected) => {
    const importer = importerFor(format);
    if (importer === undefined) throw new Error(`no importer for ${format}`);
    const bytes = new Uint8Array(readFileSync(join(ROOT, format, file)));
    const started = performance.now();
    const outcome = await importer.read({
      bytes,
      ...(expected.password === undefined ? {} : { password: expected.password }),
    });
    expect(performance.now() - started).toBeLessThan(1500);
    if ('reason' in expected) {
      expect(outcome).toMatchObject({ ok: false, reason: expected.reason });
      if (!outcome.ok) expect(outcome.message.length).toBeGreaterThan(10);
    } else {
      if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
      expect([outcome.value.entries.length, outcome.value.errors.length]).toEqual([
        expected.entries,
        expected.errors,
      ]);
    }
  });
});
