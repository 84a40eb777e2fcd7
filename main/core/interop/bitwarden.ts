/**
 * Bitwarden exports (core, pure).
 * - Vault export, unencrypted JSON: {encrypted: false, folders: [{id, name}], items: [{type 1 =
 *   login, name, favorite, folderId, login: {username, totp}}]}; CSV with the columns folder,
 *   favorite, type, name, login_username, login_totp. `totp` is an otpauth:// URI, a bare base32
 *   secret (issuer = item name, account = username) or `steam://…` (per-entry error).
 * - Password-protected JSON: {encrypted: true, passwordProtected: true, salt, kdfType 0 =
 *   PBKDF2-SHA256 (kdfIterations) | 1 = Argon2id (kdfIterations, kdfMemory MiB, kdfParallelism,
 *   salt = SHA-256 of the salt text), encKeyValidation_DO_NOT_EDIT, data}. The 32-byte key is
 *   HKDF-expanded (SHA-256, info "enc" / "mac") to an AES key and an HMAC key; `data` and the
 *   validation value are EncStrings "2.iv|ciphertext|mac" (base64; AES-256-CBC, HMAC-SHA256
 *   over iv‖ciphertext). The validation value decides "wrong password"; a bad MAC on `data`
 *   afterwards means the file was modified. KDF parameters are bound-checked first (HOSTILE #31).
 * - Account-restricted export (encrypted: true, passwordProtected false): encrypted with the
 *   account's own key, so only Bitwarden can open it (reason 'account-restricted').
 * - Bitwarden Authenticator app export: {encrypted: false, items: [{name, favorite, login:
 *   {totp, issuer, period, digits}}]}, read by the same code.
 * Lost on import: passwords, URIs, notes, custom fields and every item without a TOTP (not an
 * error: most vault items have none); folders become groups.
 */
import { entryLabel } from './entry';
import { constantTimeEqual, decodeBase64, headText } from './encoding';
import {
  KDF_BOUNDS,
  aesCbcDecrypt,
  argon2idKey,
  hkdfExpandSha256,
  hmacSha256,
  pbkdf2,
  sha256,
} from './importCrypto';
import { csvRecords, parseCsv } from './csv';
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
import { parseJsonBytes, utf8Text } from './json';
import type { ImportInput, ImportOutcome, Importer } from './types';
import { MAX_IMPORT_BYTES } from './types';

const WHAT = 'Bitwarden export';
const LOGIN = 1;

/** The fields one item contributes, whatever the container (JSON item or CSV row). */
interface BitwardenItem {
  readonly name: unknown;
  readonly username: unknown;
  readonly totp: unknown;
  /** From the Bitwarden Authenticator app's export. */
  readonly issuer?: unknown;
  readonly digits?: unknown;
  readonly period?: unknown;
  readonly folder?: string;
  readonly favorite: boolean;
}

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function readItem(item: BitwardenItem): ItemReading | undefined {
  const { totp } = item;
  if (totp === null || totp === undefined || totp === '') return undefined; // no TOTP: not an account for us
  if (typeof totp !== 'string') return { skip: 'The TOTP field is not text.' };
  const groups = item.folder === undefined ? [] : [item.folder];
  const text = totp.trim();
  if (/^steam:\/\//iu.test(text)) {
    return { skip: 'Steam Guard codes are not supported yet (only TOTP and HOTP).' };
  }
  if (/^otpauth:/iu.test(text)) {
    const reading = uriReading(text);
    if ('skip' in reading) return reading;
    return {
      ...reading,
      issuer: nonEmpty(reading.issuer)
        ? reading.issuer
        : nonEmpty(item.issuer)
          ? item.issuer
          : item.name,
      accountName: nonEmpty(reading.accountName) ? reading.accountName : item.username,
      groups,
      favorite: item.favorite,
    };
  }
  // A bare secret: Bitwarden's own default is TOTP SHA1, 6 digits, 30 s.
  return {
    type: 'totp',
    issuer: nonEmpty(item.issuer) ? item.issuer : item.name,
    accountName: nonEmpty(item.username) ? item.username : nonEmpty(item.issuer) ? item.name : '',
    secret: { base32: text },
    digits: item.digits,
    period: item.period,
    groups,
    favorite: item.favorite,
  };
}

function fromJson(root: unknown): ImportOutcome {
  const items = get(root, 'items');
  if (!Array.isArray(items)) {
    return fail('wrong-format', 'This is not a Bitwarden export (it has no "items" list).');
  }
  const folders = new Map<string, string>();
  const folderList = get(root, 'folders');
  if (Array.isArray(folderList)) {
    for (const folder of folderList) {
      const id = get(folder, 'id');
      const name = get(folder, 'name');
      if (typeof id === 'string' && typeof name === 'string') folders.set(id, name);
    }
  }
  return collectEntries(
    items,
    item => {
      if (!isRecord(item)) return { skip: 'This entry is not a Bitwarden item.' };
      const type = get(item, 'type');
      if (type !== undefined && type !== LOGIN) return undefined; // cards, notes, identities
      const login = get(item, 'login');
      const folder = folders.get(String(get(item, 'folderId')));
      return readItem({
        name: get(item, 'name'),
        username: get(login, 'username'),
        totp: get(login, 'totp'),
        issuer: get(login, 'issuer'),
        digits: get(login, 'digits'),
        period: get(login, 'period'),
        ...(folder === undefined ? {} : { folder }),
        favorite: get(item, 'favorite') === true,
      });
    },
    item => entryLabel(get(item, 'name'), get(get(item, 'login'), 'username')),
  );
}

const CSV_COLUMNS = ['name', 'login_totp'];

function fromCsv(text: string): ImportOutcome {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail('malformed', parsed.message);
  const { header, records } = csvRecords(parsed.rows);
  if (!CSV_COLUMNS.every(column => header.includes(column))) {
    return fail(
      'wrong-format',
      'This CSV file is not a Bitwarden export (no name and login_totp columns).',
    );
  }
  return collectEntries(
    records,
    record => {
      const type = record.type?.trim().toLowerCase();
      if (type !== undefined && type !== '' && type !== 'login') return undefined;
      const folder = record.folder?.trim();
      return readItem({
        name: record.name,
        username: record.login_username,
        totp: record.login_totp,
        ...(folder === undefined || folder === '' ? {} : { folder }),
        favorite: record.favorite?.trim() === '1',
      });
    },
    record => entryLabel(record.name, record.login_username),
  );
}

// ---------------------------------------------------------------------------------------------
// Password-protected exports

interface EncString {
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
  readonly mac: Uint8Array;
}

/** "2.iv|ct|mac" (AesCbc256_HmacSha256_B64), the only type a password-protected export uses. */
function encString(value: unknown): EncString | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/u.exec(value.trim());
  if (match === null) return undefined;
  const [iv, data, mac] = [match[1], match[2], match[3]].map(part => decodeBase64(part ?? ''));
  if (iv?.length !== 16 || data === undefined || data.length === 0 || mac?.length !== 32)
    return undefined;
  return { iv, data, mac };
}

interface Keys {
  readonly enc: Uint8Array;
  readonly mac: Uint8Array;
}

/** Undefined when the MAC does not match (wrong key, or a modified value). */
async function openEncString(keys: Keys, value: EncString): Promise<Uint8Array | undefined> {
  const signed = new Uint8Array(value.iv.length + value.data.length);
  signed.set(value.iv);
  signed.set(value.data, value.iv.length);
  const mac = await hmacSha256(keys.mac, signed);
  if (!constantTimeEqual(mac, value.mac)) return undefined;
  return aesCbcDecrypt(keys.enc, value.iv, value.data);
}

type KdfSettings =
  | { readonly kind: 'pbkdf2'; readonly iterations: number }
  | {
      readonly kind: 'argon2id';
      readonly iterations: number;
      readonly memoryMiB: number;
      readonly parallelism: number;
    };

/** Bitwarden's own accepted ranges, within our KDF_BOUNDS. */
function kdfSettings(root: unknown): KdfSettings | ImportFailure {
  const type = get(root, 'kdfType');
  const iterations = get(root, 'kdfIterations');
  const isInt = (value: unknown): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value);
  const outOfBounds = fail(
    'too-large',
    'This Bitwarden export asks for key-derivation settings far outside what Bitwarden uses; it was not opened.',
  );
  if (type === 0) {
    if (!isInt(iterations))
      return fail('malformed', 'This Bitwarden export is damaged: the iteration count is missing.');
    if (iterations < 1 || iterations > KDF_BOUNDS.maxPbkdf2Iterations) return outOfBounds;
    return { kind: 'pbkdf2', iterations };
  }
  if (type === 1) {
    const memory = get(root, 'kdfMemory');
    const parallelism = get(root, 'kdfParallelism');
    if (!isInt(iterations) || !isInt(memory) || !isInt(parallelism)) {
      return fail(
        'malformed',
        'This Bitwarden export is damaged: its Argon2 settings are missing.',
      );
    }
    if (
      iterations < 1 ||
      iterations > KDF_BOUNDS.maxArgon2Iterations ||
      memory < 1 ||
      memory * 1024 > KDF_BOUNDS.maxArgon2MemoryKiB ||
      parallelism < 1 ||
      parallelism > KDF_BOUNDS.maxArgon2Parallelism
    ) {
      return outOfBounds;
    }
    return { kind: 'argon2id', iterations, memoryMiB: memory, parallelism };
  }
  return fail(
    'unsupported-version',
    'This Bitwarden export uses a key-derivation method Tessera does not know.',
  );
}

async function deriveKeys(password: string, salt: string, kdf: KdfSettings): Promise<Keys> {
  const master =
    kdf.kind === 'pbkdf2'
      ? await pbkdf2(password, new TextEncoder().encode(salt), kdf.iterations, 'SHA-256', 32)
      : await argon2idKey(password, await sha256(new TextEncoder().encode(salt)), {
          iterations: kdf.iterations,
          memoryKiB: kdf.memoryMiB * 1024,
          parallelism: kdf.parallelism,
        });
  const keys = {
    enc: await hkdfExpandSha256(master, 'enc', 32),
    mac: await hkdfExpandSha256(master, 'mac', 32),
  };
  master.fill(0);
  return keys;
}

async function fromProtected(root: unknown, password: string): Promise<ImportOutcome> {
  const kdf = kdfSettings(root);
  if ('ok' in kdf) return kdf;
  const salt = get(root, 'salt');
  const validation = encString(get(root, 'encKeyValidation_DO_NOT_EDIT'));
  const data = encString(get(root, 'data'));
  if (
    typeof salt !== 'string' ||
    salt === '' ||
    salt.length > KDF_BOUNDS.maxSaltBytes ||
    validation === undefined ||
    data === undefined
  ) {
    return fail(
      'malformed',
      'This Bitwarden export is damaged: its encrypted parts are not readable.',
    );
  }
  const keys = await deriveKeys(password, salt, kdf);
  try {
    if ((await openEncString(keys, validation)) === undefined) return WRONG_PASSWORD(WHAT);
    const plain = await openEncString(keys, data);
    if (plain === undefined) {
      return fail(
        'tampered',
        'The password is right, but this Bitwarden export was modified or damaged after it was made. Nothing was imported.',
      );
    }
    const parsed = parseJsonBytes(plain);
    plain.fill(0);
    if (!parsed.ok) return fail('malformed', 'The decrypted Bitwarden export is not valid JSON.');
    return fromJson(parsed.value);
  } finally {
    keys.enc.fill(0);
    keys.mac.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------

const looksLikeJson = (bytes: Uint8Array): boolean => /^\uFEFF?\s*\{/u.test(headText(bytes, 16));

async function read({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail('too-large', 'The file is far larger than any Bitwarden export.');
  if (!looksLikeJson(bytes)) {
    const text = utf8Text(bytes);
    if (text === undefined)
      return fail('wrong-format', 'This file is not a Bitwarden export (it is not text).');
    return fromCsv(text);
  }
  const json = readJson(bytes);
  if ('ok' in json) return json;
  const root = json.value;
  if (get(root, 'encrypted') !== true) return fromJson(root);
  if (get(root, 'passwordProtected') !== true) {
    return fail(
      'account-restricted',
      'This Bitwarden export is locked to your Bitwarden account ("account restricted"), so only Bitwarden itself can open it. In Bitwarden, export your vault again choosing "Password protected" (or an unencrypted .json) and import that file.',
    );
  }
  if (password === undefined) return PASSWORD_REQUIRED(WHAT);
  return fromProtected(root, password);
}

export const bitwardenImporter: Importer = {
  format: 'bitwarden',
  title: 'Bitwarden export (.json / .csv, Bitwarden Authenticator)',
  sniff: bytes => {
    if (looksLikeJson(bytes)) {
      const json = readJson(bytes);
      if ('ok' in json) return false;
      const root = json.value;
      return (
        typeof get(root, 'encrypted') === 'boolean' &&
        (Array.isArray(get(root, 'items')) ||
          get(root, 'data') !== undefined ||
          get(root, 'encKeyValidation_DO_NOT_EDIT') !== undefined)
      );
    }
    const firstLine =
      headText(bytes, 1024)
        .replace(/^\uFEFF/u, '')
        .split(/\r?\n/u)[0] ?? '';
    const columns = firstLine.split(',').map(column => column.trim().toLowerCase());
    return CSV_COLUMNS.every(column => columns.includes(column));
  },
  isEncrypted: bytes => {
    if (!looksLikeJson(bytes)) return false;
    const json = readJson(bytes);
    return !('ok' in json) && get(json.value, 'encrypted') === true;
  },
  read,
};
