/**
 * Reads test/fixtures/imports/<format>/expected.json (transcribed from the source projects'
 * tests) and turns imported entries into the same shape, so a test compares like with like.
 */
import { readFileSync } from 'node:fs';
import { encodeBase32 } from '../../main/core/otp/base32';
import type { ImportedEntry } from '../../main/core/interop/types';

export interface ExpectedEntry {
  type: string;
  issuer: string;
  name: string;
  secret: string;
  algorithm: string;
  digits: number;
  period?: number;
  counter?: number;
  groups?: string[];
}

export interface ExpectedFile {
  file: string;
  password?: string;
  encrypted: boolean;
  entries: ExpectedEntry[];
}

const root = new URL('../fixtures/imports/', import.meta.url);

export function fixtureBytes(format: string, file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${format}/${file}`, root)));
}

export function expectedFiles(format: string): ExpectedFile[] {
  const expected = JSON.parse(readFileSync(new URL(`${format}/expected.json`, root), 'utf8')) as {
    files: {
      file: string;
      password?: string;
      encrypted: boolean;
      entries: (Partial<ExpectedEntry> & { ref?: string; groups?: string[] })[];
    }[];
  };
  const common = JSON.parse(readFileSync(new URL('expected-common.json', root), 'utf8')) as {
    entries: Record<string, ExpectedEntry>;
  };
  return expected.files.map(file => ({
    ...file,
    entries: file.entries.map(entry => {
      const base = entry.ref === undefined ? (entry as ExpectedEntry) : common.entries[entry.ref];
      if (base === undefined) throw new Error(`unknown ref ${String(entry.ref)}`);
      return { ...base, ...(entry.groups === undefined ? {} : { groups: entry.groups }) };
    }),
  }));
}

/** An imported entry in the expected.json shape. */
export function asExpected(entry: ImportedEntry): ExpectedEntry {
  const { params } = entry;
  return {
    type: params.type,
    issuer: entry.issuer,
    name: entry.accountName,
    secret: entry.secret.use(encodeBase32),
    algorithm: params.algorithm,
    digits: params.digits,
    ...(params.type === 'totp' ? { period: params.periodSeconds } : { counter: params.counter }),
  };
}

/** Entries Tessera refuses by design: other OTP types, and digits outside 6–8. */
export function isSupported(entry: ExpectedEntry): boolean {
  return (entry.type === 'totp' || entry.type === 'hotp') && entry.digits >= 6 && entry.digits <= 8;
}
