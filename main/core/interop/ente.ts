/**
 * Ente Auth exports (core, pure). Plain: text, one otpauth:// URI per line, each with Ente's
 * extra `codeDisplay` parameter (JSON: pinned, trashed, tags…). Encrypted (ente-io/ente
 * docs/docs/auth/migration/export.md): JSON {version: 1, kdfParams: {memLimit (bytes), opsLimit,
 * salt (base64)}, encryptedData, encryptionNonce (base64)}; key = Argon2id v1.3(password, salt,
 * t=opsLimit, m=memLimit/1024 KiB, p=1, 32 bytes) as libsodium's crypto_pwhash; the data is one
 * libsodium secretstream XChaCha20-Poly1305 message whose header is `encryptionNonce`, and
 * decrypts to the plain text. KDF parameters are bound-checked before the KDF runs (HOSTILE #31).
 * Lost on import: icons, notes, usage counts, Steam entries (per-entry error); codes in Ente's
 * trash are skipped with a reason; tags become groups and "pinned" becomes favourite.
 */
import sodium from 'libsodium-wrappers';
import { decodeBase64, headText } from './encoding';
import { KDF_BOUNDS, argon2idKey } from './importCrypto';
import {
  PASSWORD_REQUIRED,
  WRONG_PASSWORD,
  collectEntries,
  fail,
  get,
  isRecord,
  readJson,
  uriReading,
  type ImportFailure,
  type ItemReading,
} from './importerKit';
import { parseJsonText, utf8Text } from './json';
import type { ImportInput, ImportOutcome, Importer } from './types';
import { MAX_IMPORT_BYTES } from './types';

const WHAT = 'Ente Auth export';
/** libsodium's crypto_pwhash_MEMLIMIT_MIN and _OPSLIMIT_MIN for Argon2id. */
const MIN_MEM_BYTES = 8192;
const MIN_OPS = 1;

/** A label for error lists: the URI's label, decoded, without anything after '?'. */
function uriLabel(line: string): string | undefined {
  const match = /^otpauth:\/\/[^/]*\/([^?#]*)/iu.exec(line);
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '').slice(0, 80) || undefined;
  } catch {
    return undefined;
  }
}

/** Ente's codeDisplay parameter: tags, trashed and pinned; empty when absent or unreadable. */
function codeDisplay(line: string): { tags: string[]; trashed: boolean; pinned: boolean } {
  const none = { tags: [], trashed: false, pinned: false };
  const raw = /[?&]codeDisplay=([^&#]*)/u.exec(line)?.[1];
  if (raw === undefined) return none;
  let text: string;
  try {
    text = decodeURIComponent(raw.replace(/\+/gu, ' '));
  } catch {
    return none;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok || !isRecord(parsed.value)) return none;
  const tags = get(parsed.value, 'tags');
  return {
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
    trashed: get(parsed.value, 'trashed') === true,
    pinned: get(parsed.value, 'pinned') === true,
  };
}

function readLine(line: string): ItemReading {
  const display = codeDisplay(line);
  if (display.trashed) return { skip: "This code is in Ente Auth's trash." };
  const reading = uriReading(line);
  if ('skip' in reading) return reading;
  return { ...reading, groups: display.tags, favorite: display.pinned };
}

/** Reads the plain-text export (also what the encrypted one decrypts to). */
export function readEnteText(text: string): ImportOutcome {
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map(line => line.trim())
    .filter(line => line !== '');
  if (lines.length > 0 && !lines.some(line => /^otpauth:/iu.test(line))) {
    return fail('wrong-format', 'This is not an Ente Auth export: it holds no otpauth:// lines.');
  }
  return collectEntries(lines, readLine, uriLabel);
}

interface Envelope {
  readonly memLimit: number;
  readonly opsLimit: number;
  readonly salt: Uint8Array;
  readonly data: Uint8Array;
  readonly header: Uint8Array;
}

function envelopeOf(root: unknown): Envelope | ImportFailure {
  const version = get(root, 'version');
  if (version !== 1) {
    return fail(
      'unsupported-version',
      'This Ente Auth export was made by a newer version of Ente, which Tessera does not know yet.',
    );
  }
  const kdf = get(root, 'kdfParams');
  const memLimit = get(kdf, 'memLimit');
  const opsLimit = get(kdf, 'opsLimit');
  const salt = get(kdf, 'salt');
  const data = get(root, 'encryptedData');
  const nonce = get(root, 'encryptionNonce');
  if (
    typeof memLimit !== 'number' ||
    typeof opsLimit !== 'number' ||
    typeof salt !== 'string' ||
    typeof data !== 'string' ||
    typeof nonce !== 'string'
  ) {
    return fail('malformed', 'This Ente Auth export is damaged: its key parameters are missing.');
  }
  // SECURITY: bound the work the file asks for before running Argon2 (HOSTILE #31).
  if (
    !Number.isSafeInteger(memLimit) ||
    !Number.isSafeInteger(opsLimit) ||
    memLimit < MIN_MEM_BYTES ||
    memLimit > KDF_BOUNDS.maxArgon2MemoryKiB * 1024 ||
    opsLimit < MIN_OPS ||
    opsLimit > KDF_BOUNDS.maxArgon2Iterations
  ) {
    return fail(
      'too-large',
      'This Ente Auth export asks for key-derivation settings far outside what Ente uses; it was not opened.',
    );
  }
  const saltBytes = decodeBase64(salt);
  const dataBytes = decodeBase64(data);
  const header = decodeBase64(nonce);
  if (saltBytes?.length !== 16 || dataBytes === undefined || header?.length !== 24) {
    return fail(
      'malformed',
      'This Ente Auth export is damaged: its salt, nonce or data is not valid.',
    );
  }
  return { memLimit, opsLimit, salt: saltBytes, data: dataBytes, header };
}

/** One secretstream message (what Ente writes); plain XChaCha20-Poly1305 as a fallback. */
function openData(key: Uint8Array, envelope: Envelope): Uint8Array | undefined {
  try {
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(envelope.header, key);
    const pulled = sodium.crypto_secretstream_xchacha20poly1305_pull(state, envelope.data, null);
    if (pulled !== false) return pulled.message;
  } catch {
    // authentication failed: try the one-shot AEAD below
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      envelope.data,
      null,
      envelope.header,
      key,
    );
  } catch {
    return undefined;
  }
}

async function readEncrypted(root: unknown, password: string): Promise<ImportOutcome> {
  const envelope = envelopeOf(root);
  if ('ok' in envelope) return envelope;
  const key = await argon2idKey(password, envelope.salt, {
    iterations: envelope.opsLimit,
    memoryKiB: Math.floor(envelope.memLimit / 1024),
    parallelism: 1,
  });
  await sodium.ready;
  const plain = openData(key, envelope);
  key.fill(0);
  if (plain === undefined) return WRONG_PASSWORD(WHAT);
  const text = utf8Text(plain);
  plain.fill(0);
  if (text === undefined) return fail('malformed', 'The decrypted Ente Auth export is not text.');
  return readEnteText(text);
}

const looksLikeJson = (bytes: Uint8Array): boolean => /^\uFEFF?\s*\{/u.test(headText(bytes, 16));

async function read({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail('too-large', 'The file is far larger than any Ente Auth export.');
  if (looksLikeJson(bytes)) {
    const json = readJson(bytes);
    if ('ok' in json) return json;
    if (
      get(json.value, 'encryptedData') === undefined ||
      get(json.value, 'kdfParams') === undefined
    ) {
      return fail('wrong-format', 'This JSON file is not an Ente Auth export.');
    }
    if (password === undefined) return PASSWORD_REQUIRED(WHAT);
    return readEncrypted(json.value, password);
  }
  const text = utf8Text(bytes);
  if (text === undefined)
    return fail('wrong-format', 'This file is not an Ente Auth export (it is not text).');
  return readEnteText(text);
}

export const enteImporter: Importer = {
  format: 'ente',
  title: 'Ente Auth export (.txt, encrypted .json)',
  sniff: bytes => {
    if (looksLikeJson(bytes)) {
      const json = readJson(bytes);
      return (
        !('ok' in json) &&
        get(json.value, 'encryptedData') !== undefined &&
        get(json.value, 'kdfParams') !== undefined
      );
    }
    const head = headText(bytes, 4096);
    return /^\uFEFF?\s*otpauth:\/\//iu.test(head) && head.includes('codeDisplay=');
  },
  isEncrypted: looksLikeJson,
  read,
};
