/**
 * Aegis Authenticator vaults (core, pure): import of plain and password-encrypted vaults, and an
 * encrypted export that Aegis imports. Format: beemdevelopment/Aegis docs/vault.md — a JSON file
 * `{ version: 1, header: { slots, params }, db }`; encrypted vaults keep a random master key
 * wrapped by each slot (password slots: scrypt(password, salt, N, r, p) → 32-byte key that
 * AES-256-GCM-decrypts the master key), and `db` is base64 AES-256-GCM of the content JSON
 * `{ version: 1–3, entries, groups }` (hex nonce/tag in header.params).
 * Lost on import: icons, notes, usage counts, archived flags, and Steam/Yandex/mOTP entries
 * (reported per entry). Aegis's header is not authenticated (HOSTILE-INPUTS #31): scrypt
 * parameters are bound-checked before any derivation.
 */
import { createCipheriv, createDecipheriv, createHash, scrypt } from 'node:crypto';
import type { Device } from '../device/device';
import { encodeBase32 } from '../otp/base32';
import type { OtpSecret } from '../secret';
import { collectEntries, entryLabel, isRecord, type RawOrError } from './collect';
import { headText } from './encoding';
import { parseJsonBytes, utf8Text } from './json';
import type { Importer, ImportInput, ImportOutcome } from './types';

const FILE_VERSION = 1;
/** Content versions this reader knows (3 added group UUIDs; 2 had a per-entry group name). */
const MAX_DB_VERSION = 3;

/** scrypt bounds (HOSTILE #31): Aegis uses N=2^15, r=8, p=1 (32 MiB). */
const SCRYPT_BOUNDS = {
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  maxMemoryBytes: 512 * 1024 * 1024,
} as const;

type Failure = Extract<ImportOutcome, { ok: false }>;
const failure = (reason: Failure['reason'], message: string): Failure => ({
  ok: false,
  reason,
  message,
});

const HEX = /^(?:[0-9a-fA-F]{2})*$/u;

function hexBytes(value: unknown, length?: number): Uint8Array | undefined {
  if (typeof value !== 'string' || !HEX.test(value) || value.length > 1024) return undefined;
  const bytes = new Uint8Array(Buffer.from(value, 'hex'));
  return length === undefined || bytes.length === length ? bytes : undefined;
}

function base64Bytes(value: string): Uint8Array | undefined {
  const cleaned = value.replace(/\s/gu, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(cleaned) || cleaned.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(cleaned, 'base64'));
}

interface CryptParams {
  readonly nonce: Uint8Array;
  readonly tag: Uint8Array;
}

function cryptParams(value: unknown): CryptParams | undefined {
  if (!isRecord(value)) return undefined;
  const nonce = hexBytes(value.nonce, 12);
  const tag = hexBytes(value.tag, 16);
  return nonce && tag ? { nonce, tag } : undefined;
}

function gcmOpen(key: Uint8Array, params: CryptParams, data: Uint8Array): Uint8Array | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, params.nonce, { authTagLength: 16 });
    decipher.setAuthTag(params.tag);
    return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    return undefined;
  }
}

function gcmSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  data: Uint8Array,
): { data: Uint8Array; tag: Uint8Array } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return { data: new Uint8Array(sealed), tag: new Uint8Array(cipher.getAuthTag()) };
}

interface PasswordSlot {
  readonly key: Uint8Array;
  readonly keyParams: CryptParams;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
}

function scryptProblem(n: number, r: number, p: number): string | undefined {
  const powerOfTwo = Number.isSafeInteger(n) && n >= 2 && (n & (n - 1)) === 0;
  if (
    !powerOfTwo ||
    n > SCRYPT_BOUNDS.maxN ||
    !Number.isSafeInteger(r) ||
    r < 1 ||
    r > SCRYPT_BOUNDS.maxR ||
    !Number.isSafeInteger(p) ||
    p < 1 ||
    p > SCRYPT_BOUNDS.maxP ||
    128 * n * r > SCRYPT_BOUNDS.maxMemoryBytes
  ) {
    return 'The vault asks for key-derivation settings far beyond what Aegis uses (it may have been modified); Tessera will not run them.';
  }
  return undefined;
}

/** scrypt off the event loop (libuv's pool), so a 32 MiB derivation never freezes the app. */
function scryptKey(password: string, slot: PasswordSlot): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(password, 'utf8'),
      slot.salt,
      32,
      { N: slot.n, r: slot.r, p: slot.p, maxmem: SCRYPT_BOUNDS.maxMemoryBytes + 1024 * 1024 },
      (error, key) => {
        if (error) reject(error);
        else resolve(new Uint8Array(key));
      },
    );
  });
}

function passwordSlots(slots: readonly unknown[]): PasswordSlot[] | string {
  const found: PasswordSlot[] = [];
  for (const slot of slots) {
    if (!isRecord(slot) || slot.type !== 1) continue; // raw/biometric slots need the phone's keystore
    const key = hexBytes(slot.key, 32);
    const keyParams = cryptParams(slot.key_params);
    const salt = hexBytes(slot.salt);
    const { n, r, p } = slot;
    if (
      !key ||
      !keyParams ||
      !salt ||
      salt.length < 8 ||
      typeof n !== 'number' ||
      typeof r !== 'number' ||
      typeof p !== 'number'
    ) {
      return 'The vault has a password slot with missing or malformed fields.';
    }
    const problem = scryptProblem(n, r, p);
    if (problem !== undefined) return problem;
    found.push({ key, keyParams, n, r, p, salt });
  }
  return found;
}

async function decryptDb(
  header: Record<string, unknown>,
  db: unknown,
  password: string | undefined,
): Promise<{ ok: true; content: unknown } | Failure> {
  if (!Array.isArray(header.slots))
    return failure('malformed', 'The vault header has no slot list.');
  const params = cryptParams(header.params);
  if (!params) return failure('malformed', 'The vault header has no valid nonce and tag.');
  if (typeof db !== 'string') return failure('malformed', 'The encrypted vault has no ciphertext.');
  const ciphertext = base64Bytes(db);
  if (!ciphertext) return failure('malformed', 'The vault ciphertext is not base64 (truncated?).');
  const slots = passwordSlots(header.slots);
  if (typeof slots === 'string') {
    return failure(slots.includes('beyond') ? 'too-large' : 'malformed', slots);
  }
  if (slots.length === 0) {
    return failure(
      'malformed',
      'This vault can only be unlocked with a fingerprint on the phone (it has no password slot). Export it from Aegis with a password.',
    );
  }
  if (password === undefined || password === '') {
    return failure('password-required', 'This Aegis vault is encrypted: enter its password.');
  }
  for (const slot of slots) {
    let derived: Uint8Array;
    try {
      derived = await scryptKey(password, slot);
    } catch {
      return failure('too-large', 'The vault’s key-derivation settings could not be run.');
    }
    const masterKey = gcmOpen(derived, slot.keyParams, slot.key);
    derived.fill(0);
    if (!masterKey) continue;
    const plaintext = gcmOpen(masterKey, params, ciphertext);
    masterKey.fill(0);
    if (!plaintext) {
      return failure(
        'tampered',
        'The password is right, but the vault contents do not authenticate: the file was damaged or modified.',
      );
    }
    const text = utf8Text(plaintext);
    plaintext.fill(0);
    const json = text === undefined ? undefined : parseJsonBytes(new TextEncoder().encode(text));
    if (!json?.ok) return failure('malformed', 'The decrypted vault contents are not valid JSON.');
    return { ok: true, content: json.value };
  }
  return failure('wrong-password', 'Wrong password for this Aegis vault (or the file is damaged).');
}

function toRaw(item: unknown, groupNames: ReadonlyMap<string, string>): RawOrError {
  if (!isRecord(item)) return { error: 'The entry is not an object.' };
  const label = entryLabel(item.issuer, item.name);
  const info = item.info;
  if (!isRecord(info)) return { error: 'The entry has no "info" object.', label };
  const groups: unknown[] = [];
  if (Array.isArray(item.groups)) {
    for (const uuid of item.groups) {
      const name = typeof uuid === 'string' ? groupNames.get(uuid) : undefined;
      if (name !== undefined) groups.push(name);
    }
  } else if (typeof item.group === 'string') {
    groups.push(item.group);
  }
  return {
    label,
    raw: {
      type: item.type,
      issuer: item.issuer,
      accountName: item.name,
      secret: { base32: info.secret },
      algorithm: info.algo,
      digits: info.digits,
      period: info.period,
      counter: info.counter,
      groups,
      favorite: item.favorite,
    },
  };
}

function readContent(content: unknown): ImportOutcome {
  if (!isRecord(content)) return failure('malformed', 'The vault contents are not an object.');
  const version = content.version;
  if (typeof version === 'number' && version > MAX_DB_VERSION) {
    return failure(
      'unsupported-version',
      `This vault was written by a newer Aegis (content version ${version}); Tessera reads versions 1 to ${MAX_DB_VERSION}.`,
    );
  }
  if (typeof version !== 'number' || version < 1 || !Number.isInteger(version)) {
    return failure('malformed', 'The vault contents have no valid version.');
  }
  if (!Array.isArray(content.entries)) return failure('malformed', 'The vault has no entry list.');
  const groupNames = new Map<string, string>();
  if (Array.isArray(content.groups)) {
    for (const group of content.groups) {
      if (isRecord(group) && typeof group.uuid === 'string' && typeof group.name === 'string') {
        groupNames.set(group.uuid, group.name);
      }
    }
  }
  return collectEntries(content.entries, item => toRaw(item, groupNames));
}

function parseFile(bytes: Uint8Array): { ok: true; file: Record<string, unknown> } | Failure {
  if (bytes.length === 0) return failure('malformed', 'The file is empty.');
  // Not even the start of JSON: another kind of file (HOSTILE #35), not a damaged vault.
  if (!/^\uFEFF?\s*[[{]/u.test(headText(bytes, 64))) {
    return failure(
      'wrong-format',
      'This is not an Aegis vault: check which app the file comes from.',
    );
  }
  const json = parseJsonBytes(bytes);
  if (!json.ok) {
    return failure(json.reason === 'too-large' ? 'too-large' : 'malformed', json.message);
  }
  const file = json.value;
  if (!isRecord(file) || !('header' in file) || !('db' in file)) {
    return failure('wrong-format', 'This is not an Aegis vault (no "header" and "db").');
  }
  if (typeof file.version === 'number' && file.version > FILE_VERSION) {
    return failure(
      'unsupported-version',
      `This vault was written by a newer Aegis (file version ${file.version}).`,
    );
  }
  if (file.version !== FILE_VERSION) return failure('malformed', 'The vault has no valid version.');
  if (!isRecord(file.header)) return failure('malformed', 'The vault header is not an object.');
  return { ok: true, file };
}

function isPlain(header: Record<string, unknown>): boolean {
  return header.slots === null && header.params === null;
}

async function readAegis({ bytes, password }: ImportInput): Promise<ImportOutcome> {
  const parsed = parseFile(bytes);
  if (!parsed.ok) return parsed;
  const header = parsed.file.header as Record<string, unknown>;
  if (isPlain(header)) return readContent(parsed.file.db);
  const decrypted = await decryptDb(header, parsed.file.db, password);
  if (!decrypted.ok) return decrypted;
  return readContent(decrypted.content);
}

const SNIFF = /"header"\s*:\s*\{[\s\S]*"slots"/u;

export const aegisImporter: Importer = {
  format: 'aegis',
  title: 'Aegis vault (.json)',
  sniff(bytes) {
    const head = utf8Text(bytes.subarray(0, 4096)) ?? '';
    return head.trimStart().startsWith('{') && SNIFF.test(head) && head.includes('"db"');
  },
  isEncrypted(bytes) {
    const parsed = parseFile(bytes);
    return parsed.ok && !isPlain(parsed.file.header as Record<string, unknown>);
  },
  read: readAegis,
};

// ---------------------------------------------------------------------------------------------
// Export

/** Random bytes the caller supplies for one export (fresh for every file). */
export interface AegisExportRandom {
  /** 32 bytes: the vault's master key. */
  readonly masterKey: Uint8Array;
  /** 32 bytes: the password slot's scrypt salt. */
  readonly salt: Uint8Array;
  /** 12 bytes each. */
  readonly slotNonce: Uint8Array;
  readonly dbNonce: Uint8Array;
  /** 16 bytes: the slot's UUID. */
  readonly slotUuid: Uint8Array;
}

/** scrypt parameters Aegis itself uses (docs/vault.md). */
export const AEGIS_SCRYPT = { n: 32768, r: 8, p: 1 } as const;

/** A version-4 UUID string from 16 bytes (sets the version and variant bits). */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable UUID per group name, so the same group gets the same UUID in every export. */
function groupUuid(name: string): string {
  return uuidFromBytes(
    new Uint8Array(createHash('sha256').update(`tessera-group:${name}`).digest()),
  );
}

/**
 * The Aegis content JSON (db version 3) for these devices. Tessera's group becomes an Aegis group;
 * AWS details, tags and order have no Aegis field and are not exported. SECURITY: the result
 * holds every seed in clear; it only goes to the cipher.
 */
export function aegisContent(devices: readonly { device: Device; secret: OtpSecret }[]): string {
  const groups = new Map<string, string>();
  const entries = devices.map(({ device, secret }) => {
    const entryGroups: string[] = [];
    if (device.group !== undefined) {
      const uuid = groups.get(device.group) ?? groupUuid(device.group);
      groups.set(device.group, uuid);
      entryGroups.push(uuid);
    }
    const info =
      device.type === 'totp'
        ? {
            secret: secret.use(encodeBase32),
            algo: device.algorithm,
            digits: device.digits,
            period: device.periodSeconds,
          }
        : {
            secret: secret.use(encodeBase32),
            algo: device.algorithm,
            digits: device.digits,
            counter: device.counter,
          };
    return {
      type: device.type,
      uuid: device.id,
      name: device.accountName,
      issuer: device.issuer,
      note: '',
      favorite: device.favorite,
      icon: null,
      icon_mime: null,
      icon_hash: null,
      info,
      groups: entryGroups,
    };
  });
  return JSON.stringify({
    version: MAX_DB_VERSION,
    entries,
    groups: [...groups].map(([name, uuid]) => ({ uuid, name })),
    icons_optimized: true,
  });
}

/**
 * An encrypted Aegis vault (file version 1, one password slot with Aegis's own scrypt
 * parameters, db version 3), as Aegis writes it. Async: scrypt runs off the event loop.
 */
export async function exportAegisVault(
  devices: readonly { device: Device; secret: OtpSecret }[],
  password: string,
  random: AegisExportRandom,
): Promise<string> {
  const slot: PasswordSlot = {
    key: new Uint8Array(32),
    keyParams: { nonce: random.slotNonce, tag: new Uint8Array(16) },
    ...AEGIS_SCRYPT,
    salt: random.salt,
  };
  const slotKey = await scryptKey(password, slot);
  const wrapped = gcmSeal(slotKey, random.slotNonce, random.masterKey);
  slotKey.fill(0);
  const content = new TextEncoder().encode(aegisContent(devices));
  const sealed = gcmSeal(random.masterKey, random.dbNonce, content);
  content.fill(0);
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const file = {
    version: FILE_VERSION,
    header: {
      slots: [
        {
          type: 1,
          uuid: uuidFromBytes(random.slotUuid),
          key: hex(wrapped.data),
          key_params: { nonce: hex(random.slotNonce), tag: hex(wrapped.tag) },
          n: AEGIS_SCRYPT.n,
          r: AEGIS_SCRYPT.r,
          p: AEGIS_SCRYPT.p,
          salt: hex(random.salt),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: hex(random.dbNonce), tag: hex(sealed.tag) },
    },
    db: Buffer.from(sealed.data).toString('base64'),
  };
  return `${JSON.stringify(file, null, 4)}\n`;
}
