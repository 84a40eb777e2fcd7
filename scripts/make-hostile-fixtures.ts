/**
 * Writes the hostile-input corpus for the formats of issue 6 part A into
 * test/fixtures/hostile/<format>/ (HOSTILE-INPUTS #28–#35): truncated, tampered in every region,
 * wrong types, huge fields, deep nesting, absurd KDF parameters, future versions, NUL-filled and
 * empty files. Deterministic (fixed salts, nonces and passphrases), so re-running it reproduces
 * the committed files. Run: `npx tsx scripts/make-hostile-fixtures.ts`.
 * test/integration/interop/hostileCorpus.test.ts feeds every file to its importer with the
 * password "hostile-corpus".
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canonicalJson, sealBackup } from '../main/core/backup/envelope';
import { Device } from '../main/core/device/device';
import { OtpSecret } from '../main/core/secret';

const root = resolve(import.meta.dirname, '../test/fixtures/hostile');
const aegisPlain = readFileSync(
  resolve(import.meta.dirname, '../test/fixtures/imports/aegis/aegis_plain.json'),
  'utf8',
);
const aegisEncrypted = readFileSync(
  resolve(import.meta.dirname, '../test/fixtures/imports/aegis/aegis_encrypted.json'),
  'utf8',
);

function write(format: string, name: string, content: string | Uint8Array): void {
  mkdirSync(join(root, format), { recursive: true });
  writeFileSync(join(root, format, name), content);
}

type Json = Record<string, unknown> & {
  kdf: Record<string, unknown>;
  cipher: Record<string, unknown>;
  keyCheck: string;
  checksum: string;
  ciphertext: string;
};

const serialize = (file: unknown) => `${JSON.stringify(file, null, 2)}\n`;

function flip(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x04;
  return bytes.toString('base64');
}

function rechecksum(file: Json): Json {
  const { checksum: _c, ciphertext, ...header } = file;
  const digest = createHash('sha256')
    .update(canonicalJson(header))
    .update(Buffer.from(ciphertext, 'base64'))
    .digest('base64');
  return { ...file, checksum: digest };
}

// --- tessera -------------------------------------------------------------------------------
const device = Device.parse({
  id: '0f0e0d0c-0b0a-4908-8706-050403020100',
  type: 'totp',
  issuer: 'Hostile',
  accountName: 'corpus',
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  tags: [],
  favorite: false,
  order: 0,
  createdAt: 0,
  updatedAt: 0,
});
const params = {
  kdf: { memoryKiB: 256, iterations: 1, parallelism: 1 },
  salt: Uint8Array.from({ length: 16 }, (_, i) => i),
  nonce: Uint8Array.from({ length: 12 }, (_, i) => 0xa0 + i),
};
const secret = OtpSecret.fromBytes(Uint8Array.from({ length: 20 }, (_, i) => i * 3));
const text = await sealBackup([{ device, secret }], 'hostile-corpus', params, 0);
const otherPassphrase = await sealBackup(
  [{ device, secret }],
  'not the corpus password',
  params,
  0,
);
const base = () => JSON.parse(text) as Json;
const variant = (name: string, change: (file: Json) => void, keepChecksum = false) => {
  const file = base();
  change(file);
  write('tessera', name, serialize(keepChecksum ? file : rechecksum(file)));
};

write('tessera', 'empty.tessera', '');
write('tessera', 'nul-filled.tessera', new Uint8Array(4096));
write('tessera', 'truncated-half.tessera', text.slice(0, text.length / 2));
write('tessera', 'truncated-last-40-bytes.tessera', text.slice(0, -40));
write('tessera', 'wrong-passphrase.tessera', otherPassphrase);
write('tessera', 'aegis-vault.tessera', aegisPlain);
write('tessera', 'json-array.tessera', '[1, 2, 3]');
write('tessera', 'deep-nesting.tessera', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
variant('flip-salt.tessera', f => (f.kdf.salt = flip(f.kdf.salt as string, 2)), true);
variant('flip-memory.tessera', f => (f.kdf.memoryKiB = (f.kdf.memoryKiB as number) ^ 4), true);
variant('flip-nonce.tessera', f => (f.cipher.nonce = flip(f.cipher.nonce as string, 0)), true);
variant('flip-key-check.tessera', f => (f.keyCheck = flip(f.keyCheck, 7)), true);
variant('flip-ciphertext.tessera', f => (f.ciphertext = flip(f.ciphertext, 3)), true);
variant('flip-tag.tessera', f => (f.ciphertext = flip(f.ciphertext, -1)), true);
variant('tampered-ciphertext-rechecksummed.tessera', f => (f.ciphertext = flip(f.ciphertext, 3)));
variant(
  'tampered-nonce-rechecksummed.tessera',
  f => (f.cipher.nonce = flip(f.cipher.nonce as string, 0)),
);
variant('kdf-memory-4gib.tessera', f => (f.kdf.memoryKiB = 4 * 1024 * 1024));
variant('kdf-iterations-2pow40.tessera', f => (f.kdf.iterations = 2 ** 40));
variant('kdf-unknown-pbkdf2.tessera', f => (f.kdf.name = 'pbkdf2'));
variant('kdf-parallelism-zero.tessera', f => (f.kdf.parallelism = 0));
variant('wrong-types.tessera', f => Object.assign(f.kdf, { memoryKiB: '65536', salt: 12345 }));
variant(
  'future-version.tessera',
  f => Object.assign(f, { version: 2, cipher: { name: 'xchacha20-poly1305' } }),
  true,
);
variant('unknown-field.tessera', f => (f.compression = 'zip'));
variant('huge-field.tessera', f => (f.comment = 'A'.repeat(512 * 1024)));
variant('ciphertext-shorter-than-tag.tessera', f => (f.ciphertext = 'AAAA'));

// --- aegis -----------------------------------------------------------------------------------
type AegisFile = {
  version: unknown;
  header: Record<string, unknown> & { slots: Record<string, unknown>[] | null };
  db: unknown;
};
const plain = () => JSON.parse(aegisPlain) as AegisFile;
const encrypted = () => JSON.parse(aegisEncrypted) as AegisFile;
const aegis = (name: string, file: unknown) => {
  write('aegis', name, JSON.stringify(file, null, 4));
};
const slot = (file: AegisFile) => (file.header.slots ?? [])[0] ?? {};

write('aegis', 'empty.json', '');
write('aegis', 'nul-filled.json', new Uint8Array(2048));
write('aegis', 'truncated-half.json', aegisPlain.slice(0, aegisPlain.length / 2));
write(
  'aegis',
  'deep-nesting.json',
  `{"version":1,"header":{"slots":null,"params":null},"db":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
);
aegis(
  'scrypt-n-2pow30.json',
  (() => {
    const f = encrypted();
    slot(f).n = 2 ** 30;
    return f;
  })(),
);
aegis(
  'scrypt-r-huge.json',
  (() => {
    const f = encrypted();
    slot(f).r = 1 << 20;
    return f;
  })(),
);
aegis(
  'scrypt-n-not-power-of-two.json',
  (() => {
    const f = encrypted();
    slot(f).n = 30000;
    return f;
  })(),
);
aegis(
  'flip-db.json',
  (() => {
    const f = encrypted();
    f.db = flip(f.db as string, 10);
    return f;
  })(),
);
aegis(
  'bad-hex-nonce.json',
  (() => {
    const f = encrypted();
    f.header.params = { nonce: 'zz', tag: 'yy' };
    return f;
  })(),
);
aegis(
  'biometric-slot-only.json',
  (() => {
    const f = encrypted();
    slot(f).type = 2;
    return f;
  })(),
);
aegis(
  'db-is-a-number.json',
  (() => {
    const f = encrypted();
    f.db = 42;
    return f;
  })(),
);
aegis(
  'file-version-99.json',
  (() => {
    const f = plain();
    f.version = 99;
    return f;
  })(),
);
aegis(
  'db-version-99.json',
  (() => {
    const f = plain();
    (f.db as Record<string, unknown>).version = 99;
    return f;
  })(),
);
aegis(
  'entries-not-a-list.json',
  (() => {
    const f = plain();
    (f.db as Record<string, unknown>).entries = { a: 1 };
    return f;
  })(),
);
aegis(
  'wrong-types-per-entry.json',
  (() => {
    const f = plain();
    (f.db as Record<string, unknown>).entries = [
      null,
      42,
      { type: 'totp', name: 'no info', issuer: 'X' },
      {
        type: 'totp',
        name: 'six',
        issuer: 'X',
        info: { secret: 'JBSWY3DPEHPK3PXP', digits: 'six', period: 30 },
      },
      {
        type: 'totp',
        name: 'neg',
        issuer: 'X',
        info: { secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: -30 },
      },
      { type: 'hotp', name: 'nocounter', issuer: 'X', info: { secret: 'JBSWY3DPEHPK3PXP' } },
      { type: 'totp', name: 'md5', issuer: 'X', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'MD5' } },
      { type: 'totp', name: 'num secret', issuer: 'X', info: { secret: 12345 } },
      { type: 'totp', name: ['array'], issuer: { o: 1 }, info: { secret: 'JBSWY3DPEHPK3PXP' } },
      { type: 'yandex', name: 'y', issuer: 'X', info: { secret: 'JBSWY3DPEHPK3PXP' } },
    ];
    return f;
  })(),
);
aegis(
  'huge-fields.json',
  (() => {
    const f = plain();
    (f.db as Record<string, unknown>).entries = [
      {
        type: 'totp',
        name: 'n'.repeat(200_000),
        issuer: 'X',
        info: { secret: 'JBSWY3DPEHPK3PXP' },
      },
      { type: 'totp', name: 'big secret', issuer: 'X', info: { secret: 'A'.repeat(500_000) } },
    ];
    return f;
  })(),
);
write(
  'aegis',
  'too-many-entries.json',
  JSON.stringify(
    (() => {
      const f = plain();
      (f.db as Record<string, unknown>).entries = Array.from({ length: 10_001 }, () => ({
        type: 'totp',
        name: 'a',
        issuer: 'b',
        info: { secret: 'JBSWY3DPEHPK3PXP' },
      }));
      return f;
    })(),
  ),
);
write('aegis', 'tessera-backup.json', text);

// --- otpauth-list ----------------------------------------------------------------------------
write('otpauth-list', 'empty.txt', '');
write('otpauth-list', 'nul-filled.txt', new Uint8Array(1024));
write(
  'otpauth-list',
  'binary-garbage.txt',
  Uint8Array.from({ length: 3000 }, (_, i) => (i * 151 + 7) & 0xff),
);
write('otpauth-list', 'only-comments.txt', '# nothing here\n#\n\n');
write(
  'otpauth-list',
  'utf16.txt',
  Buffer.from('\uFEFFotpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n', 'utf16le'),
);
write(
  'otpauth-list',
  'bad-lines-bom-crlf.txt',
  [
    '\uFEFFotpauth://totp/Good:one?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Good',
    'otpauth://totp/Bad:digits?secret=JBSWY3DPEHPK3PXP&digits=99',
    'otpauth://totp/Bad:period?secret=JBSWY3DPEHPK3PXP&period=-1',
    'otpauth://totp/Bad:algo?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
    'otpauth://hotp/Bad:nocounter?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Bad%E0%A4%A:enc?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Bad:dup?secret=JBSWY3DPEHPK3PXP&secret=GEZDGNBVGY3TQOJQ',
    'otpauth://totp/Bad:zero?secret=0000000000000000',
    'otpauth://motp/Bad:motp?secret=JBSWY3DPEHPK3PXP',
    'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8',
    'https://example.com/not-a-code',
  ].join('\r\n'),
);
write('otpauth-list', 'huge-line.txt', `otpauth://totp/Huge:a?secret=${'A'.repeat(300_000)}\n`);
write(
  'otpauth-list',
  'many-huge-labels.txt',
  Array.from(
    { length: 40 },
    (_, i) => `otpauth://totp/${'L'.repeat(6_000)}${i}?secret=JBSWY3DPEHPK3PXP`,
  ).join('\n'),
);
write('otpauth-list', 'aegis-vault.txt', aegisPlain);

console.log(`hostile corpus written to ${root}`);
