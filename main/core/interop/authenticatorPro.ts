/**
 * Authenticator Pro / Stratum backups (core, pure). Plain `.json`: {"Authenticators": [{Type
 * 1=HOTP 2=TOTP 3=mOTP 4=Steam 5=Yandex, Issuer, Username, Secret (base32), Pin, Algorithm
 * 0=SHA1 1=SHA256 2=SHA512, Digits, Period, Counter, Ranking}], "Categories": [{Id, Name}],
 * "AuthenticatorCategories": [{CategoryId, AuthenticatorSecret}], "CustomIcons"}.
 * Encrypted `.authpro`: "AUTHENTICATORPRO" (16 bytes), 16-byte salt, 12-byte IV, AES-256-GCM
 * ciphertext+tag, key = Argon2id(password, salt, t=3, m=64 MiB, p=4, 32 bytes). Legacy encrypted:
 * "AuthenticatorPro" (16 bytes), 20-byte salt, 16-byte IV, AES-256-CBC/PKCS#7, key =
 * PBKDF2-HMAC-SHA1(password, salt, 64,000, 32 bytes). The KDF parameters are fixed by the app,
 * not read from the file. Lost on import: icons, custom icons, ranking, copy counts; mOTP, Steam
 * and Yandex entries (per-entry error). Categories become groups.
 */
import { headText } from './encoding';
import { aesCbcDecrypt, aesGcmDecrypt, argon2idKey, pbkdf2 } from './importCrypto';
import {
  PASSWORD_REQUIRED,
  WRONG_PASSWORD,
  collectEntries,
  fail,
  get,
  isRecord,
  labelOfFields,
  readJson,
  type ItemReading,
} from './importerKit';
import { parseJsonBytes } from './json';
import type { ImportInput, ImportOutcome, Importer } from './types';

const WHAT = 'Authenticator Pro backup';
const HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';
const TYPES: Readonly<Record<number, string>> = {
  1: 'hotp',
  2: 'totp',
  3: 'motp',
  4: 'steam',
  5: 'yandex',
};
const ALGORITHMS: Readonly<Record<number, string>> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

const headerOf = (bytes: Uint8Array): string =>
  bytes.length < 16 ? '' : String.fromCharCode(...bytes.subarray(0, 16));

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array | undefined> {
  if (headerOf(bytes) === HEADER) {
    const salt = bytes.subarray(16, 32);
    const iv = bytes.subarray(32, 44);
    const key = await argon2idKey(password, salt, {
      iterations: 3,
      memoryKiB: 65_536,
      parallelism: 4,
    });
    const plain = await aesGcmDecrypt(key, iv, bytes.subarray(44));
    key.fill(0);
    return plain;
  }
  const salt = bytes.subarray(16, 36);
  const iv = bytes.subarray(36, 52);
  const key = await pbkdf2(password, salt, 64_000, 'SHA-1', 32);
  const plain = await aesCbcDecrypt(key, iv, bytes.subarray(52));
  key.fill(0);
  return plain;
}

function categoriesBySecret(root: unknown): Map<string, string[]> {
  const names = new Map<string, string>();
  const categories = get(root, 'Categories');
  if (Array.isArray(categories)) {
    for (const category of categories) {
      const id = get(category, 'Id');
      const name = get(category, 'Name');
      if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
    }
  }
  const bySecret = new Map<string, string[]>();
  const links = get(root, 'AuthenticatorCategories');
  if (Array.isArray(links)) {
    for (const link of links) {
      const secret = get(link, 'AuthenticatorSecret');
      const name = names.get(String(get(link, 'CategoryId')));
      if (typeof secret === 'string' && name !== undefined) {
        bySecret.set(secret, [...(bySecret.get(secret) ?? []), name]);
      }
    }
  }
  return bySecret;
}

function entriesOf(root: unknown): ImportOutcome {
  const authenticators = get(root, 'Authenticators');
  if (!Array.isArray(authenticators)) {
    return fail(
      'wrong-format',
      'This is not an Authenticator Pro backup (it has no "Authenticators" list).',
    );
  }
  const groups = categoriesBySecret(root);
  return collectEntries(
    authenticators,
    (item): ItemReading => {
      if (!isRecord(item)) return { skip: 'This entry is not an Authenticator Pro account.' };
      const type = get(item, 'Type');
      const algorithm = get(item, 'Algorithm');
      const secret = get(item, 'Secret');
      return {
        type: typeof type === 'number' ? (TYPES[type] ?? String(type)) : type,
        issuer: get(item, 'Issuer'),
        accountName: get(item, 'Username'),
        secret: { base32: secret },
        algorithm:
          typeof algorithm === 'number' ? (ALGORITHMS[algorithm] ?? `#${algorithm}`) : algorithm,
        digits: get(item, 'Digits'),
        period: get(item, 'Period'),
        counter: get(item, 'Counter'),
        groups: typeof secret === 'string' ? (groups.get(secret) ?? []) : [],
      };
    },
    item => labelOfFields(item, 'Issuer', 'Username'),
  );
}

async function read({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  const header = headerOf(bytes);
  if (header !== HEADER && header !== LEGACY_HEADER) {
    const json = readJson(bytes);
    return 'ok' in json ? json : entriesOf(json.value);
  }
  if (password === undefined) return PASSWORD_REQUIRED(WHAT);
  if (bytes.length < 16 + 36 + 16) {
    return fail('malformed', 'This Authenticator Pro backup is too short: it may be truncated.');
  }
  const plain = await decrypt(bytes, password);
  if (plain === undefined) return WRONG_PASSWORD(WHAT);
  const parsed = parseJsonBytes(plain);
  plain.fill(0);
  // CBC has no authentication: a wrong key that happens to unpad gives garbage, not JSON.
  if (!parsed.ok)
    return header === LEGACY_HEADER
      ? WRONG_PASSWORD(WHAT)
      : fail('malformed', 'The decrypted backup is not valid JSON.');
  return entriesOf(parsed.value);
}

export const authenticatorProImporter: Importer = {
  format: 'authenticator-pro',
  title: 'Authenticator Pro / Stratum backup (.authpro / .json)',
  sniff: bytes => {
    const header = headerOf(bytes);
    if (header === HEADER || header === LEGACY_HEADER) return true;
    if (!/^\uFEFF?\s*\{/u.test(headText(bytes, 16))) return false;
    const json = readJson(bytes);
    return !('ok' in json) && Array.isArray(get(json.value, 'Authenticators'));
  },
  isEncrypted: bytes => [HEADER, LEGACY_HEADER].includes(headerOf(bytes)),
  read,
};
