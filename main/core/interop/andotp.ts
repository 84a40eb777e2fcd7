/**
 * andOTP backups (core, pure). Plain: a JSON array of {secret (base32), issuer, label, digits,
 * type TOTP/HOTP/STEAM, algorithm, period, counter, tags}. Encrypted (`.json.aes`), current
 * layout: 4-byte big-endian PBKDF2 iteration count, 12-byte salt, 12-byte nonce, AES-256-GCM
 * ciphertext+tag, key = PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits). Old layout: key =
 * SHA-256(password), 12-byte nonce, ciphertext+tag. Old files have no `issuer`: the label reads
 * "Issuer - Issuer:Name" and is split on " - " (as Aegis does).
 * Lost on import: thumbnails, usage statistics, Steam entries (per-entry error). Tags become groups.
 */
import { headText } from './encoding';
import { KDF_BOUNDS, aesGcmDecrypt, pbkdf2, sha256 } from './importCrypto';
import {
  PASSWORD_REQUIRED,
  WRONG_PASSWORD,
  collectEntries,
  fail,
  get,
  isRecord,
  labelOfFields,
  readJson,
} from './importerKit';
import { parseJsonBytes } from './json';
import type { ImportInput, ImportOutcome, Importer } from './types';

const WHAT = 'andOTP backup';
const NONCE = 12;
const SALT = 12;
const TAG = 16;
/** andOTP picks 140,000–160,000; anything below 1,000 is not its header. */
const MIN_ITERATIONS = 1000;

const looksLikeJson = (bytes: Uint8Array): boolean => /^\uFEFF?\s*[[{]/u.test(headText(bytes, 16));

function iterationsOf(bytes: Uint8Array): number {
  return bytes.length < 4 ? 0 : new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
}

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array | undefined> {
  const iterations = iterationsOf(bytes);
  // SECURITY: the count comes from the file; bound it before running PBKDF2 (HOSTILE #31).
  if (
    iterations >= MIN_ITERATIONS &&
    iterations <= KDF_BOUNDS.maxPbkdf2Iterations &&
    bytes.length >= 4 + SALT + NONCE + TAG
  ) {
    const salt = bytes.subarray(4, 4 + SALT);
    const key = await pbkdf2(password, salt, iterations, 'SHA-1', 32);
    const plain = await aesGcmDecrypt(
      key,
      bytes.subarray(4 + SALT, 4 + SALT + NONCE),
      bytes.subarray(4 + SALT + NONCE),
    );
    key.fill(0);
    if (plain !== undefined) return plain;
  }
  if (bytes.length < NONCE + TAG) return undefined;
  const oldKey = await sha256(new TextEncoder().encode(password));
  const plain = await aesGcmDecrypt(oldKey, bytes.subarray(0, NONCE), bytes.subarray(NONCE));
  oldKey.fill(0);
  return plain;
}

function names(item: unknown): { issuer: unknown; accountName: unknown } {
  const issuer = get(item, 'issuer');
  const label = get(item, 'label');
  if (issuer !== undefined || typeof label !== 'string') return { issuer, accountName: label };
  const separator = label.indexOf(' - ');
  return separator < 0
    ? { issuer: '', accountName: label }
    : { issuer: label.slice(0, separator), accountName: label.slice(separator + 3) };
}

function entriesOf(list: unknown): ImportOutcome {
  if (!Array.isArray(list)) {
    return fail('wrong-format', 'This is not an andOTP backup (it should be a list of accounts).');
  }
  return collectEntries(
    list,
    item => {
      if (!isRecord(item)) return { skip: 'This entry is not an andOTP account.' };
      const tags = get(item, 'tags');
      return {
        type: get(item, 'type'),
        ...names(item),
        secret: { base32: get(item, 'secret') },
        algorithm: get(item, 'algorithm'),
        digits: get(item, 'digits'),
        period: get(item, 'period'),
        counter: get(item, 'counter'),
        groups: Array.isArray(tags) ? tags : [],
      };
    },
    item => labelOfFields(item, 'issuer', 'label'),
  );
}

async function read({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  if (looksLikeJson(bytes)) {
    const json = readJson(bytes);
    return 'ok' in json ? json : entriesOf(json.value);
  }
  if (password === undefined) return PASSWORD_REQUIRED(WHAT);
  if (bytes.length < NONCE + TAG) {
    return fail(
      'malformed',
      'This andOTP backup is too short to hold anything: it may be truncated.',
    );
  }
  const plain = await decrypt(bytes, password);
  if (plain === undefined) return WRONG_PASSWORD(WHAT);
  const parsed = parseJsonBytes(plain);
  plain.fill(0);
  if (!parsed.ok) return fail('malformed', 'The decrypted andOTP backup is not valid JSON.');
  return entriesOf(parsed.value);
}

export const andOtpImporter: Importer = {
  format: 'andotp',
  title: 'andOTP backup (.json / .json.aes)',
  sniff: bytes => {
    if (!looksLikeJson(bytes)) {
      // Only the current encrypted layout has something to recognise: a plausible PBKDF2 count.
      const iterations = iterationsOf(bytes);
      return (
        iterations >= 100_000 && iterations <= 1_000_000 && bytes.length >= 4 + SALT + NONCE + TAG
      );
    }
    const json = readJson(bytes);
    if ('ok' in json || !Array.isArray(json.value)) return false;
    const first: unknown = json.value[0];
    return isRecord(first) && 'secret' in first && 'label' in first && 'type' in first;
  },
  isEncrypted: bytes => !looksLikeJson(bytes),
  read,
};
