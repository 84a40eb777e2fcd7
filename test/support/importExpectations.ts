/**
 * Loads a fixture folder's expected.json (test/fixtures/imports/<format>/), resolving `ref`
 * entries through expected-common.json, and compares an ImportResult with it. Entries are
 * matched by secret, as the Aegis importer tests do; expected entries of a type Tessera does not
 * support (steam…) must come back as per-entry errors instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import type { ImportResult, Importer } from '../../main/core/interop/types';
import { encodeBase32 } from '../../main/core/otp/base32';

export const IMPORT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');

export interface ExpectedEntry {
  readonly type: string;
  readonly issuer: string;
  readonly name: string;
  readonly secret: string;
  readonly algorithm: string;
  readonly digits: number;
  readonly period?: number;
  readonly counter?: number;
  /** Fields the source test does not check (a convention of the source app). */
  readonly unchecked?: readonly string[];
}

export interface ExpectedFile {
  readonly file: string;
  readonly path: string;
  readonly encrypted: boolean;
  readonly password?: string;
  readonly entries: readonly ExpectedEntry[];
}

type RawEntry = Partial<ExpectedEntry> & { readonly ref?: string };
interface RawFile {
  file: string;
  encrypted?: boolean;
  password?: string;
  entries: RawEntry[];
}

/** Every file described in `<folder>/expected.json`, entries resolved. */
export function loadExpectations(folder: string): ExpectedFile[] {
  const dir = join(IMPORT_FIXTURES, folder);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    common?: string;
    files: RawFile[];
  };
  const common =
    expected.common === undefined
      ? {}
      : (
          JSON.parse(readFileSync(join(dir, expected.common), 'utf8')) as {
            entries: Record<string, ExpectedEntry>;
          }
        ).entries;
  return expected.files.map(file => ({
    file: file.file,
    path: join(dir, file.file),
    encrypted: file.encrypted === true,
    ...(file.password === undefined ? {} : { password: file.password }),
    entries: file.entries.map(({ ref, ...own }) => {
      const base = ref === undefined ? undefined : common[ref];
      if (ref !== undefined && base === undefined) throw new Error(`unknown ref ${ref}`);
      return { ...base, ...own } as ExpectedEntry;
    }),
  }));
}

export function fixtureBytes(file: ExpectedFile | string): Uint8Array {
  return new Uint8Array(readFileSync(typeof file === 'string' ? file : file.path));
}

/** The fixture folder of a fixture file (for hostile files next to it). */
export const folderOf = (file: ExpectedFile): string => dirname(file.path);

const SUPPORTED = new Set(['totp', 'hotp']);

/**
 * Asserts that `result` holds exactly the expected TOTP/HOTP entries (matched by secret, every
 * checked field equal) and one per-entry error for each expected entry of an unsupported type.
 */
export function expectMatches(result: ImportResult, expected: readonly ExpectedEntry[]): void {
  const supported = expected.filter(entry => SUPPORTED.has(entry.type));
  const unsupported = expected.length - supported.length;
  const actual = result.entries.map(entry => ({
    type: entry.params.type,
    issuer: entry.issuer,
    name: entry.accountName,
    secret: entry.secret.use(encodeBase32),
    algorithm: entry.params.algorithm,
    digits: entry.params.digits,
    ...(entry.params.type === 'totp'
      ? { period: entry.params.periodSeconds }
      : { counter: entry.params.counter }),
  }));
  expect(actual.map(entry => entry.secret).sort()).toEqual(
    supported.map(entry => entry.secret.replace(/=+$/u, '').toUpperCase()).sort(),
  );
  for (const want of supported) {
    const got = actual.find(
      entry => entry.secret === want.secret.replace(/=+$/u, '').toUpperCase(),
    );
    const all: Record<string, unknown> = {
      type: want.type,
      issuer: want.issuer,
      name: want.name,
      algorithm: want.algorithm,
      digits: want.digits,
      ...(want.type === 'totp' ? { period: want.period ?? 30 } : { counter: want.counter }),
    };
    const checked = Object.fromEntries(
      Object.entries(all).filter(([field]) => !(want.unchecked ?? []).includes(field)),
    );
    expect(got, `entry ${want.issuer} / ${want.name}`).toMatchObject(checked);
  }
  expect(result.errors, 'per-entry errors (unsupported types)').toHaveLength(unsupported);
}

/**
 * The standard fixture tests of one importer: every file of `folder` imports as expected.json
 * says (sniffed, encryption detected), and every encrypted one asks for its password and
 * reports a wrong one as 'wrong-password'.
 */
export function fixtureSuite(
  importer: Importer,
  folder: string,
  options: { readonly skip?: readonly string[]; readonly notSniffable?: readonly string[] } = {},
): void {
  const files = loadExpectations(folder).filter(file => !(options.skip ?? []).includes(file.file));
  it.each(files.map(file => [file.file, file] as const))('imports %s', async (_name, file) => {
    const bytes = fixtureBytes(file);
    expect(importer.sniff(bytes), 'sniff').toBe(!(options.notSniffable ?? []).includes(file.file));
    expect(importer.isEncrypted(bytes), 'isEncrypted').toBe(file.encrypted);
    const outcome = await importer.read({
      bytes,
      ...(file.password === undefined ? {} : { password: file.password }),
    });
    if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
    expectMatches(outcome.value, file.entries);
  });
  const encrypted = files.filter(file => file.encrypted);
  if (encrypted.length === 0) return;
  it.each(encrypted.map(file => [file.file, file] as const))(
    'asks for the password of %s and reports a wrong one',
    async (_name, file) => {
      const bytes = fixtureBytes(file);
      expect(await importer.read({ bytes })).toMatchObject({
        ok: false,
        reason: 'password-required',
      });
      expect(await importer.read({ bytes, password: `${file.password ?? ''}x` })).toMatchObject({
        ok: false,
        reason: 'wrong-password',
      });
    },
  );
}
