/**
 * Google Authenticator "Transfer accounts" (core, pure): `otpauth-migration://offline?data=…`,
 * where `data` is the base64 of a protobuf MigrationPayload (proto/google_auth_migration.proto,
 * decoded by code generated with protoc-gen-es, `npm run gen:proto`). Not encrypted: whoever
 * sees the QR code has the secrets. Large exports are split over several QR codes that share a
 * `batch_id` and carry `batch_index` of `batch_size`; MigrationCollector joins them and names
 * the missing ones (HOSTILE #22, #23).
 * Lost on import: nothing the format holds (it has no period, groups or icons: every TOTP entry
 * is 30 s). Lost on export: entries Google Authenticator cannot represent (7 digits, a period
 * other than 30 s) are left out with a reason, never silently.
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { HashAlgorithm, OtpParams } from '../otp/types';
import type { OtpSecret } from '../secret';
import { decodeBase64, encodeBase64, headText } from './encoding';
import { buildEntry, entryLabel } from './entry';
import {
  MigrationPayloadSchema,
  MigrationPayload_Algorithm as Algorithm,
  MigrationPayload_DigitCount as DigitCount,
  MigrationPayload_OtpParametersSchema as OtpParametersSchema,
  MigrationPayload_OtpType as OtpType,
  type MigrationPayload,
  type MigrationPayload_OtpParameters as OtpParameters,
} from './proto/google_auth_migration_pb';
import type {
  EntryError,
  ImportFailureReason,
  ImportOutcome,
  ImportResult,
  ImportedEntry,
  Importer,
} from './types';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES } from './types';
import { utf8Text } from './json';

/** Longest migration URI read. One QR code holds < 3 KB; pasted links from tools may be longer. */
export const MAX_MIGRATION_URI_LENGTH = 64 * 1024;
/** Google Authenticator splits exports into a handful of codes; far more is not an export. */
export const MAX_MIGRATION_BATCHES = 1000;

/** Which QR code of an export this is: `index` counts from 0, `id` ties the codes together. */
export interface MigrationBatch {
  readonly index: number;
  readonly size: number;
  readonly id: number;
}

export type MigrationOutcome =
  | { readonly ok: true; readonly batch: MigrationBatch; readonly result: ImportResult }
  | { readonly ok: false; readonly reason: ImportFailureReason; readonly message: string };

type Failure = Extract<MigrationOutcome, { ok: false }>;
const failure = (reason: ImportFailureReason, message: string): Failure => ({
  ok: false,
  reason,
  message,
});

const DAMAGED =
  'This Google Authenticator transfer code is damaged or incomplete (it may have been cut off when copied). Export the accounts again.';

/** The `data` parameter's text, or a failure. '+' turned into a space by a form decoder is undone. */
function dataParameter(uri: string): string | Failure {
  const text = uri.trim();
  const match = /^otpauth-migration:\/\/([^/?#]*)\/?\?([^#]*)/iu.exec(text);
  if (match === null) {
    return /^otpauth-migration:/iu.test(text)
      ? failure('malformed', DAMAGED)
      : failure('wrong-format', 'This is not a Google Authenticator transfer code.');
  }
  if ((match[1] ?? '').toLowerCase() !== 'offline') return failure('malformed', DAMAGED);
  const values = new Set<string>();
  for (const pair of (match[2] ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq >= 0 && pair.slice(0, eq).toLowerCase() === 'data') values.add(pair.slice(eq + 1));
  }
  const [data, other] = [...values];
  if (data === undefined || data === '') return failure('malformed', DAMAGED);
  if (other !== undefined) {
    return failure('malformed', 'This transfer code carries two different data parameters.');
  }
  try {
    // base64 never contains a space: any space was a '+' that a form decoder turned into one.
    return decodeURIComponent(data.replace(/ /gu, '+'));
  } catch {
    return failure('malformed', DAMAGED);
  }
}

function decodePayload(uri: string): MigrationPayload | Failure {
  if (uri.length > MAX_MIGRATION_URI_LENGTH) {
    return failure(
      'too-large',
      'This transfer code is far longer than any Google Authenticator export.',
    );
  }
  const data = dataParameter(uri);
  if (typeof data !== 'string') return data;
  const bytes = decodeBase64(data);
  if (bytes === undefined || bytes.length === 0) return failure('malformed', DAMAGED);
  try {
    return fromBinary(MigrationPayloadSchema, bytes, { readUnknownFields: false });
  } catch {
    return failure('malformed', DAMAGED);
  }
}

function batchOf(payload: MigrationPayload): MigrationBatch | Failure {
  // proto3 omits zeros: a single-code export may leave batch_size out entirely.
  const size = payload.batchSize === 0 ? 1 : payload.batchSize;
  const index = payload.batchIndex;
  if (size < 1 || size > MAX_MIGRATION_BATCHES || index < 0 || index >= size) {
    return failure('malformed', 'This transfer code has an impossible batch number.');
  }
  return { index, size, id: payload.batchId };
}

const ALGORITHMS: ReadonlyMap<number, HashAlgorithm> = new Map([
  [Algorithm.UNSPECIFIED, 'SHA1'],
  [Algorithm.SHA1, 'SHA1'],
  [Algorithm.SHA256, 'SHA256'],
  [Algorithm.SHA512, 'SHA512'],
]);
const DIGITS: ReadonlyMap<number, number> = new Map([
  [DigitCount.UNSPECIFIED, 6],
  [DigitCount.SIX, 6],
  [DigitCount.EIGHT, 8],
]);

/** Google writes the label into `name`, often as "Issuer:account"; split it like Aegis does. */
function namesOf(otp: OtpParameters): { issuer: string; accountName: string } {
  const issuer = otp.issuer.trim();
  const name = otp.name;
  const colon = name.indexOf(':');
  if (colon < 0) return { issuer, accountName: name.trim() };
  const prefix = name.slice(0, colon).trim();
  if (issuer === '' || prefix.toLowerCase() === issuer.toLowerCase()) {
    return { issuer: issuer === '' ? prefix : issuer, accountName: name.slice(colon + 1).trim() };
  }
  return { issuer, accountName: name.trim() };
}

function entryOf(otp: OtpParameters): { entry: ImportedEntry } | { reason: string } {
  const algorithm = ALGORITHMS.get(otp.algorithm);
  if (algorithm === undefined) {
    return {
      reason:
        otp.algorithm === Algorithm.MD5
          ? 'The hash algorithm MD5 is not supported (only SHA1, SHA256 and SHA512).'
          : 'The hash algorithm is not one Tessera knows.',
    };
  }
  const digits = DIGITS.get(otp.digits);
  if (digits === undefined) return { reason: 'The number of digits is not one Tessera knows.' };
  let type: string;
  if (otp.type === OtpType.TOTP) type = 'totp';
  else if (otp.type === OtpType.HOTP) type = 'hotp';
  else return { reason: 'The entry does not say whether it is a TOTP or an HOTP code.' };
  const names = namesOf(otp);
  const built = buildEntry({
    type,
    ...names,
    secret: { bytes: otp.secret },
    algorithm,
    digits,
    // A bigint: as a decimal string, integerField refuses negative or unsafe values.
    counter: type === 'hotp' ? otp.counter.toString() : undefined,
  });
  return built.ok ? { entry: built.entry } : { reason: built.reason };
}

/** Entries of one decoded payload; `firstIndex` numbers them across batches. */
function resultOf(payload: MigrationPayload, firstIndex: number): ImportResult {
  const entries: ImportedEntry[] = [];
  const errors: EntryError[] = [];
  payload.otpParameters.forEach((otp, i) => {
    const read = entryOf(otp);
    otp.secret.fill(0);
    if ('entry' in read) {
      entries.push(read.entry);
      return;
    }
    const label = entryLabel(otp.issuer, otp.name);
    errors.push({
      index: firstIndex + i,
      reason: read.reason,
      ...(label === undefined ? {} : { label }),
    });
  });
  return { entries, errors };
}

/**
 * Reads one `otpauth-migration://offline?data=…` URI (one QR code of a transfer). Never throws.
 * Entries that cannot be imported (MD5, unknown enum values, empty secret…) are per-entry errors;
 * the caller shows the good/bad count and imports nothing partially unless the user confirms.
 * The returned secrets belong to the caller.
 */
export function readMigrationUri(uri: string): MigrationOutcome {
  const payload = decodePayload(uri);
  if ('ok' in payload) return payload;
  const batch = batchOf(payload);
  if ('ok' in batch) return batch;
  if (payload.otpParameters.length > MAX_IMPORT_ENTRIES) {
    return failure(
      'too-large',
      `This transfer code holds more than ${MAX_IMPORT_ENTRIES} accounts.`,
    );
  }
  return { ok: true, batch, result: resultOf(payload, 0) };
}

// ---------------------------------------------------------------------------------------------
// Several QR codes of one export

export interface MigrationProgress {
  readonly id: number;
  readonly size: number;
  /** Batch indexes received so far, ascending, counted from 0. */
  readonly received: readonly number[];
  /** Batch indexes still missing, ascending, counted from 0. */
  readonly missing: readonly number[];
}

export type CollectOutcome =
  /** A new QR code of the export; its entries are kept. */
  | {
      readonly status: 'added';
      readonly batch: MigrationBatch;
      readonly progress: MigrationProgress;
    }
  /** This QR code was already read: nothing changed. */
  | {
      readonly status: 'duplicate';
      readonly batch: MigrationBatch;
      readonly progress: MigrationProgress;
    }
  /** A QR code of another export (different batch id or size): ignored. */
  | {
      readonly status: 'other-export';
      readonly message: string;
      readonly progress: MigrationProgress;
    }
  /** Not a readable transfer code: ignored. */
  | { readonly status: 'invalid'; readonly reason: ImportFailureReason; readonly message: string };

/** "1 and 3" (1-based, as people count QR codes). */
function listNumbers(indexes: readonly number[]): string {
  const numbers = indexes.map(index => String(index + 1));
  if (numbers.length <= 1) return numbers.join('');
  const shown = numbers.length > 10 ? [...numbers.slice(0, 10), '…'] : numbers;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/** A user-facing sentence about what is still missing, or undefined when nothing is. */
export function describeMissing(progress: MigrationProgress): string | undefined {
  if (progress.missing.length === 0) return undefined;
  const plural = progress.missing.length === 1 ? 'code' : 'codes';
  return `QR ${plural} ${listNumbers(progress.missing)} of ${progress.size} of this Google Authenticator export ${progress.missing.length === 1 ? 'is' : 'are'} missing: scan ${progress.missing.length === 1 ? 'it' : 'them'} too.`;
}

function sameEntry(a: ImportedEntry, b: ImportedEntry): boolean {
  return (
    a.issuer === b.issuer &&
    a.accountName === b.accountName &&
    a.params.type === b.params.type &&
    a.params.algorithm === b.params.algorithm &&
    a.params.digits === b.params.digits &&
    (a.params.type === 'totp'
      ? b.params.type === 'totp' && a.params.periodSeconds === b.params.periodSeconds
      : b.params.type === 'hotp' && a.params.counter === b.params.counter) &&
    a.secret.equals(b.secret)
  );
}

/**
 * Joins the QR codes of one multi-code export (HOSTILE #23): tracks batch_id, batch_size and
 * batch_index, ignores a code read twice and codes of another export, and says which are missing.
 * Pure and synchronous: the scanner feeds it decoded QR text as it comes.
 */
export class MigrationCollector {
  #id: number | undefined;
  #size = 0;
  readonly #batches = new Map<number, MigrationPayload>();

  add(uri: string): CollectOutcome {
    const payload = decodePayload(uri);
    if ('ok' in payload)
      return { status: 'invalid', reason: payload.reason, message: payload.message };
    const batch = batchOf(payload);
    if ('ok' in batch) return { status: 'invalid', reason: batch.reason, message: batch.message };
    if (payload.otpParameters.length > MAX_IMPORT_ENTRIES) {
      return {
        status: 'invalid',
        reason: 'too-large',
        message: `This transfer code holds more than ${MAX_IMPORT_ENTRIES} accounts.`,
      };
    }
    if (this.#id === undefined) {
      this.#id = batch.id;
      this.#size = batch.size;
    } else if (batch.id !== this.#id || batch.size !== this.#size) {
      wipePayload(payload);
      return {
        status: 'other-export',
        message:
          'This QR code belongs to a different Google Authenticator export. Scan the codes of one export at a time.',
        progress: this.progress(),
      };
    }
    if (this.#batches.has(batch.index)) {
      wipePayload(payload);
      return { status: 'duplicate', batch, progress: this.progress() };
    }
    this.#batches.set(batch.index, payload);
    return { status: 'added', batch, progress: this.progress() };
  }

  progress(): MigrationProgress {
    const received = [...this.#batches.keys()].sort((a, b) => a - b);
    const missing: number[] = [];
    for (let index = 0; index < this.#size; index++) {
      if (!this.#batches.has(index)) missing.push(index);
    }
    return { id: this.#id ?? 0, size: this.#size, received, missing };
  }

  get complete(): boolean {
    return this.#id !== undefined && this.#batches.size === this.#size;
  }

  /**
   * Entries of every batch received so far, in batch order, with exact duplicates (same names,
   * parameters and secret) dropped. Each call decodes afresh; the secrets belong to the caller.
   */
  result(): ImportResult & { readonly duplicatesDropped: number } {
    const entries: ImportedEntry[] = [];
    const errors: EntryError[] = [];
    let duplicatesDropped = 0;
    let position = 0;
    for (const index of this.progress().received) {
      const payload = this.#batches.get(index);
      if (payload === undefined) continue;
      const copy = create(MigrationPayloadSchema, {
        otpParameters: payload.otpParameters.map(otp =>
          create(OtpParametersSchema, { ...otp, secret: Uint8Array.from(otp.secret) }),
        ),
      });
      const part = resultOf(copy, position);
      position += payload.otpParameters.length;
      errors.push(...part.errors);
      for (const entry of part.entries) {
        if (entries.some(kept => sameEntry(kept, entry))) {
          entry.secret.wipe();
          duplicatesDropped++;
        } else entries.push(entry);
      }
    }
    return { entries, errors, duplicatesDropped };
  }

  /** Forgets everything read, zeroing the kept secret bytes. */
  clear(): void {
    for (const payload of this.#batches.values()) wipePayload(payload);
    this.#batches.clear();
    this.#id = undefined;
    this.#size = 0;
  }
}

function wipePayload(payload: MigrationPayload): void {
  for (const otp of payload.otpParameters) otp.secret.fill(0);
}

// ---------------------------------------------------------------------------------------------
// Importer: text holding one or more migration URIs

const SCHEME = /otpauth-migration:/giu;

/** The migration URIs in a text: split at each scheme occurrence, so spaces inside stay data. */
export function migrationUrisIn(text: string): string[] | undefined {
  const starts = [...text.matchAll(SCHEME)].map(match => match.index);
  if (starts.length === 0) return undefined;
  const before = text.slice(0, starts[0]).replace(/^\uFEFF/u, '');
  if (before.trim() !== '') return undefined;
  return starts.map((start, i) => text.slice(start, starts[i + 1]).trim());
}

/** Reads a text of one or more migration links as one export (all its batches, nothing else). */
export function readMigrationText(bytes: Uint8Array): ImportOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return failure('too-large', 'The file is far larger than any list of transfer codes.');
  }
  const text = utf8Text(bytes);
  const uris = text === undefined ? undefined : migrationUrisIn(text);
  if (uris === undefined) {
    return failure(
      'wrong-format',
      'This file does not contain Google Authenticator transfer links (otpauth-migration://).',
    );
  }
  if (uris.length > MAX_MIGRATION_BATCHES) {
    return failure('too-large', 'The file holds far more transfer codes than any export.');
  }
  const collector = new MigrationCollector();
  for (const [i, uri] of uris.entries()) {
    const added = collector.add(uri);
    if (added.status === 'invalid') {
      collector.clear();
      return failure(
        added.reason,
        uris.length > 1 ? `Transfer link ${i + 1}: ${added.message}` : added.message,
      );
    }
    if (added.status === 'other-export') {
      collector.clear();
      return failure(
        'malformed',
        'These transfer links come from different Google Authenticator exports: import one export at a time.',
      );
    }
  }
  const missing = describeMissing(collector.progress());
  if (missing !== undefined) {
    collector.clear();
    return failure('malformed', missing);
  }
  const { entries, errors } = collector.result();
  collector.clear();
  return { ok: true, value: { entries, errors } };
}

export const googleMigrationImporter: Importer = {
  format: 'google-migration',
  title: 'Google Authenticator transfer (otpauth-migration:// links)',
  sniff: bytes => /^\uFEFF?\s*otpauth-migration:/iu.test(headText(bytes)),
  isEncrypted: () => false,
  read: input => Promise.resolve(readMigrationText(input.bytes)),
};

// ---------------------------------------------------------------------------------------------
// Encoder (export to a phone)

/** What the encoder needs of a device. The secrets stay the caller's. */
export interface MigrationExportEntry {
  readonly issuer: string;
  readonly accountName: string;
  readonly params: OtpParams;
  readonly secret: OtpSecret;
}

export interface MigrationExport {
  /** One URI per QR code, in order. They contain secrets: show them, never store or log them. */
  readonly uris: readonly string[];
  /** Entries Google Authenticator cannot hold, by their index in the input. */
  readonly skipped: readonly EntryError[];
}

/**
 * Bytes of protobuf per QR code. A byte-mode QR code holds up to 2,331 bytes at error correction
 * M (version 40), but phones read dense codes off a screen badly (HOSTILE #26); the base64 and the
 * URI prefix add a third. ~1 KB keeps codes at version ≤ 25 or so.
 */
export const MAX_PAYLOAD_BYTES_PER_QR = 1000;

const EXPORT_ALGORITHMS: Record<HashAlgorithm, Algorithm> = {
  SHA1: Algorithm.SHA1,
  SHA256: Algorithm.SHA256,
  SHA512: Algorithm.SHA512,
};

function toOtpParameters(entry: MigrationExportEntry): OtpParameters | string {
  const { params } = entry;
  if (params.digits !== 6 && params.digits !== 8) {
    return `Google Authenticator only takes 6- or 8-digit codes (this one has ${params.digits}).`;
  }
  if (params.type === 'totp' && params.periodSeconds !== 30) {
    return `Google Authenticator only takes 30-second codes (this one changes every ${params.periodSeconds} s).`;
  }
  return create(OtpParametersSchema, {
    secret: entry.secret.use(bytes => Uint8Array.from(bytes)),
    name: entry.accountName,
    issuer: entry.issuer,
    algorithm: EXPORT_ALGORITHMS[params.algorithm],
    digits: params.digits === 8 ? DigitCount.EIGHT : DigitCount.SIX,
    type: params.type === 'totp' ? OtpType.TOTP : OtpType.HOTP,
    counter: params.type === 'hotp' ? BigInt(params.counter) : 0n,
  });
}

function uriOf(otpParameters: OtpParameters[], index: number, size: number, id: number): string {
  const payload = create(MigrationPayloadSchema, {
    otpParameters,
    version: 1,
    batchSize: size,
    batchIndex: index,
    batchId: id,
  });
  const bytes = toBinary(MigrationPayloadSchema, payload);
  const uri = `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(bytes))}`;
  bytes.fill(0);
  return uri;
}

/**
 * Google Authenticator transfer URIs for `entries`, at most `maxPerQr` accounts (and about
 * MAX_PAYLOAD_BYTES_PER_QR bytes) per QR code. `batchId` ties the codes together; pass a fresh
 * random 31-bit number per export (core reads no randomness). Entries the format cannot hold are
 * listed in `skipped`.
 */
export function encodeMigrationUris(
  entries: readonly MigrationExportEntry[],
  maxPerQr: number,
  batchId = 0,
): MigrationExport {
  const perQr = Math.max(1, Math.min(Math.floor(maxPerQr) || 1, 100));
  const skipped: EntryError[] = [];
  const batches: OtpParameters[][] = [];
  let current: OtpParameters[] = [];
  let currentBytes = 0;
  entries.forEach((entry, index) => {
    const otp = toOtpParameters(entry);
    if (typeof otp === 'string') {
      const label = entryLabel(entry.issuer, entry.accountName);
      skipped.push({ index, reason: otp, ...(label === undefined ? {} : { label }) });
      return;
    }
    const size = toBinary(OtpParametersSchema, otp).length + 3;
    if (
      current.length > 0 &&
      (current.length >= perQr || currentBytes + size > MAX_PAYLOAD_BYTES_PER_QR)
    ) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(otp);
    currentBytes += size;
  });
  if (current.length > 0) batches.push(current);
  const id = Math.abs(Math.trunc(batchId)) % 2 ** 31;
  const uris = batches.map((batch, index) => uriOf(batch, index, batches.length, id));
  for (const batch of batches) for (const otp of batch) otp.secret.fill(0);
  return { uris, skipped };
}
