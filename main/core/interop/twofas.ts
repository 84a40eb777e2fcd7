/**
 * 2FAS Authenticator backups (core, pure): `.2fas` / `.json`, a JSON object with `schemaVersion`
 * 1–4, `services` and `groups`. Schema 1 has no digits/period/algorithm (TOTP SHA1/6/30), 2 adds
 * them, 3 adds `tokenType` (TOTP/HOTP/STEAM) and `counter`, 4 adds `otp.link`.
 * Encrypted backups keep `services` empty and put the list in `servicesEncrypted` =
 * base64(ciphertext+tag):base64(salt):base64(iv), key = PBKDF2-HMAC-SHA256(password, salt,
 * 10,000, 256 bits), AES-256-GCM; `reference` is a known text encrypted the same way.
 * Mapping (as Aegis): issuer = service `name` (else otp.issuer), account = otp.account.
 * Lost on import: icons, order, badge colours, Steam entries (per-entry error), unknown groups.
 */
import { decodeBase64, headText } from './encoding';
import { KDF_BOUNDS, aesGcmDecrypt, pbkdf2 } from './importCrypto';
import {
  PASSWORD_REQUIRED,
  WRONG_PASSWORD,
  collectEntries,
  fail,
  get,
  isRecord,
  labelOfFields,
  readJson,
  type ImportFailure,
} from './importerKit';
import { entryLabel } from './entry';
import { parseJsonText } from './json';
import type { ImportInput, ImportOutcome, Importer } from './types';

const KNOWN_SCHEMA_VERSIONS = [1, 2, 3, 4];
/** Fixed by the 2FAS apps. */
const PBKDF2_ITERATIONS = 10_000;
const WHAT = '2FAS backup';

interface Sealed {
  readonly ciphertext: Uint8Array;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
}

function sealed(text: unknown): Sealed | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split(':');
  if (parts.length !== 3) return undefined;
  const [ciphertext, salt, iv] = parts.map(part => decodeBase64(part));
  if (ciphertext === undefined || salt === undefined || iv === undefined) return undefined;
  if (salt.length === 0 || salt.length > KDF_BOUNDS.maxSaltBytes || iv.length !== 12)
    return undefined;
  return { ciphertext, salt, iv };
}

async function decryptServices(
  root: unknown,
  password: string,
): Promise<unknown[] | ImportFailure> {
  const services = sealed(get(root, 'servicesEncrypted'));
  if (services === undefined) {
    return fail('malformed', 'The encrypted part of this 2FAS backup is damaged.');
  }
  const key = await pbkdf2(password, services.salt, PBKDF2_ITERATIONS, 'SHA-256', 32);
  try {
    const plain = await aesGcmDecrypt(key, services.iv, services.ciphertext);
    if (plain === undefined) return WRONG_PASSWORD(WHAT);
    const parsed = parseJsonText(new TextDecoder().decode(plain));
    plain.fill(0);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
      return fail('malformed', 'The decrypted 2FAS backup is not a list of services.');
    }
    const list: unknown[] = parsed.value;
    return list;
  } finally {
    key.fill(0);
  }
}

function groupNames(root: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const groups = get(root, 'groups');
  if (!Array.isArray(groups)) return names;
  for (const group of groups) {
    const id = get(group, 'id');
    const name = get(group, 'name');
    if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
  }
  return names;
}

function nonEmpty(...values: unknown[]): unknown {
  return values.find(value => typeof value === 'string' && value.trim() !== '') ?? values[0];
}

async function read({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  const json = readJson(bytes);
  if ('ok' in json) return json;
  const root = json.value;
  const version = get(root, 'schemaVersion');
  if (!isRecord(root) || typeof version !== 'number' || !Array.isArray(get(root, 'services'))) {
    return fail('wrong-format', 'This is not a 2FAS backup (no schemaVersion and services).');
  }
  if (!KNOWN_SCHEMA_VERSIONS.includes(version)) {
    return fail(
      'unsupported-version',
      `This 2FAS backup uses schema version ${Number.isSafeInteger(version) ? version : '?'}, which Tessera does not know yet.`,
    );
  }
  let services = get(root, 'services') as unknown[];
  if (get(root, 'servicesEncrypted') !== undefined) {
    if (password === undefined) return PASSWORD_REQUIRED(WHAT);
    const decrypted = await decryptServices(root, password);
    if ('ok' in decrypted) return decrypted;
    services = decrypted;
  }
  const groups = groupNames(root);
  return collectEntries(
    services,
    service => {
      if (!isRecord(service)) return { skip: 'This entry is not a 2FAS service.' };
      const otp = get(service, 'otp');
      const tokenType = get(otp, 'tokenType');
      const group = groups.get(String(get(service, 'groupId')));
      return {
        type: tokenType === undefined || tokenType === null ? 'totp' : tokenType,
        issuer: nonEmpty(get(service, 'name'), get(otp, 'issuer')),
        accountName: get(otp, 'account'),
        secret: { base32: get(service, 'secret') },
        algorithm: get(otp, 'algorithm'),
        digits: get(otp, 'digits'),
        period: get(otp, 'period'),
        counter: get(otp, 'counter'),
        groups: group === undefined ? [] : [group],
      };
    },
    service =>
      entryLabel(
        nonEmpty(get(service, 'name'), get(get(service, 'otp'), 'issuer')),
        get(get(service, 'otp'), 'account'),
      ) ?? labelOfFields(service, 'name', 'name'),
  );
}

export const twoFasImporter: Importer = {
  format: '2fas',
  title: '2FAS Authenticator backup (.2fas / .json)',
  sniff: bytes => {
    if (!/^\uFEFF?\s*\{/u.test(headText(bytes, 16))) return false;
    const json = readJson(bytes);
    return (
      !('ok' in json) &&
      typeof get(json.value, 'schemaVersion') === 'number' &&
      Array.isArray(get(json.value, 'services'))
    );
  },
  isEncrypted: bytes => {
    const json = readJson(bytes);
    return !('ok' in json) && get(json.value, 'servicesEncrypted') !== undefined;
  },
  read,
};
