/**
 * Google Authenticator transfer links (HOSTILE #22, #23): known URIs from other projects' tests,
 * payloads written by an independent protobuf writer (below, not our encoder), batches, damage,
 * the encoder's round trip and its wire layout, and fuzzing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MigrationCollector,
  describeMissing,
  encodeMigrationUris,
  googleMigrationImporter,
  readMigrationUri,
  type MigrationExportEntry,
} from '../../../../main/core/interop/googleMigration';
import { transferQrCodes } from '../../../../main/core/interop/transferQr';
import type { ImportedEntry } from '../../../../main/core/interop/types';
import { decodeBase32, encodeBase32 } from '../../../../main/core/otp/base32';
import { OtpSecret } from '../../../../main/core/secret';

// --- An independent, minimal protobuf writer/reader for the MigrationPayload wire format -------

function varint(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}
const tag = (field: number, wire: number): number[] => varint(BigInt((field << 3) | wire));
const bytesField = (field: number, data: Uint8Array | number[]): number[] => [
  ...tag(field, 2),
  ...varint(BigInt(data.length)),
  ...data,
];
const textField = (field: number, text: string) =>
  bytesField(field, [...new TextEncoder().encode(text)]);
const intField = (field: number, value: number | bigint) => [
  ...tag(field, 0),
  ...varint(BigInt(value)),
];

interface Otp {
  secret: string; // base32
  name: string;
  issuer: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
}
function otpBytes(otp: Otp): number[] {
  return [
    ...bytesField(1, [...(decodeBase32(otp.secret) ?? new Uint8Array())]),
    ...textField(2, otp.name),
    ...textField(3, otp.issuer),
    ...(otp.algorithm === undefined ? [] : intField(4, otp.algorithm)),
    ...(otp.digits === undefined ? [] : intField(5, otp.digits)),
    ...(otp.type === undefined ? [] : intField(6, otp.type)),
    ...(otp.counter === undefined ? [] : intField(7, otp.counter)),
  ];
}
function payload(otps: Otp[], batch?: { size: number; index: number; id: number }): Uint8Array {
  const out = otps.flatMap(otp => bytesField(1, otpBytes(otp)));
  out.push(...intField(2, 1));
  if (batch !== undefined) {
    out.push(...intField(3, batch.size), ...intField(4, batch.index), ...intField(5, batch.id));
  }
  return Uint8Array.from(out);
}
const uriOf = (data: Uint8Array) =>
  `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(data).toString('base64'))}`;

/** Reads fields of a protobuf message: field number → list of raw values (bigint or bytes). */
function readFields(data: Uint8Array): Map<number, (bigint | Uint8Array)[]> {
  const fields = new Map<number, (bigint | Uint8Array)[]>();
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = data[pos++];
      if (byte === undefined) throw new Error('truncated');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < data.length) {
    const key = Number(readVarint());
    const field = key >> 3;
    const list = fields.get(field) ?? [];
    if ((key & 7) === 0) list.push(readVarint());
    else if ((key & 7) === 2) {
      const length = Number(readVarint());
      list.push(data.subarray(pos, pos + length));
      pos += length;
    } else throw new Error(`unexpected wire type ${key & 7}`);
    fields.set(field, list);
  }
  return fields;
}

const summary = (entry: ImportedEntry) => ({
  issuer: entry.issuer,
  name: entry.accountName,
  secret: entry.secret.use(encodeBase32),
  ...entry.params,
});

function ok(uri: string) {
  const outcome = readMigrationUri(uri);
  if (!outcome.ok) throw new Error(`expected success: ${outcome.message}`);
  return outcome;
}

// --- Known URIs from public tests ------------------------------------------------------------

// dim13/otpauth migration/convert_test.go (commit on GitHub, ISC licence): one TOTP, the classic
// "Hello!\xde\xad\xbe\xef" secret, name "Example:alice@google.com", no algorithm/digits fields.
const DIM13 =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';
// 2FAGuard Guard.Test/Import/GoogleAuthMigration.cs: two TOTP accounts and a negative batch_id
// (int32 written as a ten-byte varint), as real Google Authenticator exports have.
const GUARD =
  'otpauth-migration://offline?data=Ci0KEBfNhW48%2BTYHuJJjaGSVaDgSDHRlc3RAdGVzdC5kZRoFQXBwbGUgASgBMAIKLwoUULGGAD3E0ueYHAy7s69SLeV1tHISCXVzZXJAdGVzdBoGVG9rZW4yIAEoATACEAEYASAAKJbEnKb%2B%2F%2F%2F%2F%2FwE%3D';
// johncallahan/otpauth_migration test/otpauth_migration_encode_test.dart: an encoder's output.
const CALLAHAN =
  'otpauth-migration://offline?data=CkMKFD3GyqSCSm0oh2eyMx4gtDFmy4XZEhxBQ01FIENvOmpvaG4uZG9lQGV4YW1wbGUuY29tGgdBQ01FIENvIAEoATACCjUKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjn4Pv4Ag==';

describe('readMigrationUri', () => {
  it('reads the dim13/otpauth test URI: label split on the issuer, SHA1/6/30 defaults, weak-key warning', () => {
    const { batch, result } = ok(DIM13);
    expect(batch).toEqual({ index: 0, size: 1, id: 0 });
    expect(result.errors).toEqual([]);
    expect(result.entries.map(summary)).toEqual([
      {
        issuer: 'Example',
        name: 'alice@google.com',
        secret: 'JBSWY3DPEHPK3PXP',
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        periodSeconds: 30,
      },
    ]);
    expect(result.entries[0]?.warnings.join(' ')).toMatch(/80 bits/u);
  });

  it('reads the 2FAGuard test URI with a negative batch id', () => {
    const { batch, result } = ok(GUARD);
    expect(batch.size).toBe(1);
    expect(batch.index).toBe(0);
    expect(batch.id).toBeLessThan(0);
    expect(result.entries.map(e => [e.issuer, e.accountName, e.secret.use(encodeBase32)])).toEqual([
      ['Apple', 'test@test.de', 'C7GYK3R47E3APOESMNUGJFLIHA'],
      ['Token2', 'user@test', 'KCYYMAB5YTJOPGA4BS53HL2SFXSXLNDS'],
    ]);
  });

  it('reads the otpauth_migration encoder test URI (issuer prefix in the name)', () => {
    const { result } = ok(CALLAHAN);
    expect(result.entries.map(e => [e.issuer, e.accountName, e.secret.use(encodeBase32)])).toEqual([
      ['ACME Co', 'john.doe@example.com', 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'],
      ['Example', 'alice@google.com', 'JBSWY3DPEHPK3PXP'],
    ]);
  });

  it('reads HOTP counters, SHA256/SHA512 and eight digits from an independently written payload', () => {
    const data = payload([
      {
        secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
        name: 'Benjamin',
        issuer: 'Air Canada',
        algorithm: 2,
        digits: 2,
        type: 1,
        counter: 50,
      },
      {
        secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
        name: 'Airbnb:Elijah',
        issuer: '',
        algorithm: 3,
        digits: 1,
        type: 2,
      },
      { secret: '5VAML3X35THCEBVRLV24CGBKOY', name: 'Other:Mason', issuer: 'WWE', type: 2 },
    ]);
    const { result } = ok(uriOf(data));
    expect(result.entries.map(summary)).toEqual([
      {
        issuer: 'Air Canada',
        name: 'Benjamin',
        secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
        type: 'hotp',
        algorithm: 'SHA256',
        digits: 8,
        counter: 50,
      },
      {
        issuer: 'Airbnb',
        name: 'Elijah',
        secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
        type: 'totp',
        algorithm: 'SHA512',
        digits: 6,
        periodSeconds: 30,
      },
      // A prefix that is not the issuer stays part of the account name.
      {
        issuer: 'WWE',
        name: 'Other:Mason',
        secret: '5VAML3X35THCEBVRLV24CGBKOY',
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        periodSeconds: 30,
      },
    ]);
  });

  it('turns bad entries (MD5, unknown enums, empty secret, no type, huge counter) into per-entry errors', () => {
    const good = { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', name: 'Mason', issuer: 'Deno', type: 2 };
    const data = payload([
      good,
      { ...good, algorithm: 4 },
      { ...good, algorithm: 9 },
      { ...good, digits: 7 },
      { ...good, type: 5 },
      { ...good, type: 0 },
      { ...good, secret: '' },
      { ...good, type: 1, counter: -1 },
    ]);
    const { result } = ok(uriOf(data));
    expect(result.entries).toHaveLength(1);
    expect(result.errors.map(error => error.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.errors[0]?.reason).toMatch(/MD5/u);
    expect(result.errors[0]?.label).toBe('Deno (Mason)');
    expect(result.errors[5]?.reason).toMatch(/no secret/u);
    for (const error of result.errors) expect(error.reason).not.toContain('4SJHB4GSD43FZBAI');
  });

  it('undoes a "+" that a form decoder turned into a space', () => {
    const raw = Buffer.from(
      payload([
        { secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA', name: 'n', issuer: 'i', type: 2 },
        { secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', name: '>>>?', issuer: 'x', type: 2 },
      ]),
    ).toString('base64');
    expect(raw).toContain('+');
    const mangled = `otpauth-migration://offline?data=${raw.replace(/\+/gu, ' ')}`;
    expect(ok(mangled).result.entries).toHaveLength(2);
  });

  it.each([
    ['bad base64', 'otpauth-migration://offline?data=%%%%', 'malformed'],
    ['characters outside base64', 'otpauth-migration://offline?data=ab$cd', 'malformed'],
    ['truncated protobuf', GUARD.slice(0, 80), 'malformed'],
    ['no data parameter', 'otpauth-migration://offline?other=1', 'malformed'],
    ['another host', 'otpauth-migration://online?data=CjEK', 'malformed'],
    ['two different data parameters', `${DIM13}&data=AAAA`, 'malformed'],
    ['an otpauth:// URI', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'wrong-format'],
    ['plain text', 'hello', 'wrong-format'],
    ['a huge link', `otpauth-migration://offline?data=${'A'.repeat(70_000)}`, 'too-large'],
    ['batch index past the size', uriOf(payload([], { size: 2, index: 2, id: 1 })), 'malformed'],
    ['negative batch size', uriOf(payload([], { size: -1, index: 0, id: 1 })), 'malformed'],
  ])('refuses %s', (_name, uri, reason) => {
    const outcome = readMigrationUri(uri);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(outcome.message).not.toContain('data=');
    }
  });

  it('accepts the scheme in any case', () => {
    expect(
      ok(DIM13.replace('otpauth-migration://offline', 'OTPAUTH-MIGRATION://Offline')).result
        .entries,
    ).toHaveLength(1);
  });

  it('never throws, whatever the text or the bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), text => {
        readMigrationUri(text);
        readMigrationUri(`otpauth-migration://offline?data=${text}`);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), bytes => {
        readMigrationUri(uriOf(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on a damaged real payload (truncation, byte flips)', () => {
    const base = Buffer.from(decodeURIComponent(GUARD.split('data=')[1] ?? ''), 'base64');
    fc.assert(
      fc.property(
        fc.nat(base.length),
        fc.nat(base.length - 1),
        fc.integer({ min: 1, max: 255 }),
        (cut, at, xor) => {
          readMigrationUri(uriOf(base.subarray(0, cut)));
          const flipped = Uint8Array.from(base);
          flipped[at] = (flipped[at] ?? 0) ^ xor;
          const outcome = readMigrationUri(uriOf(flipped));
          if (outcome.ok)
            for (const error of outcome.result.errors)
              expect(error.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('MigrationCollector', () => {
  const otp = (n: number): Otp => ({
    secret: encodeBase32(Uint8Array.from({ length: 20 }, (_, i) => i + n)),
    name: `user${n}`,
    issuer: `Site${n}`,
    type: 2,
  });
  const batch = (index: number, id = 77, size = 3) =>
    uriOf(payload([otp(index * 2), otp(index * 2 + 1)], { size, index, id }));

  it('says which batches are missing, in 1-based numbers, until all arrive', () => {
    const collector = new MigrationCollector();
    expect(collector.add(batch(1)).status).toBe('added');
    expect(collector.complete).toBe(false);
    expect(collector.progress().missing).toEqual([0, 2]);
    expect(describeMissing(collector.progress())).toBe(
      'QR codes 1 and 3 of 3 of this Google Authenticator export are missing: scan them too.',
    );
    expect(collector.add(batch(2)).status).toBe('added');
    expect(describeMissing(collector.progress())).toMatch(/^QR code 1 of 3 .* is missing/u);
    expect(collector.add(batch(0)).status).toBe('added');
    expect(collector.complete).toBe(true);
    expect(describeMissing(collector.progress())).toBeUndefined();
    const result = collector.result();
    expect(result.entries.map(entry => entry.accountName)).toEqual([
      'user0',
      'user1',
      'user2',
      'user3',
      'user4',
      'user5',
    ]);
  });

  it('ignores the same batch twice and batches of another export', () => {
    const collector = new MigrationCollector();
    collector.add(batch(0));
    expect(collector.add(batch(0)).status).toBe('duplicate');
    const other = collector.add(batch(1, 78));
    expect(other.status).toBe('other-export');
    expect(collector.add(batch(1, 77, 4)).status).toBe('other-export');
    expect(collector.progress().received).toEqual([0]);
    expect(collector.result().entries).toHaveLength(2);
  });

  it('drops exact duplicate accounts across batches and numbers errors across batches', () => {
    const bad = { ...otp(9), algorithm: 4 };
    const collector = new MigrationCollector();
    collector.add(uriOf(payload([otp(1), otp(2)], { size: 2, index: 0, id: 5 })));
    collector.add(uriOf(payload([otp(2), bad], { size: 2, index: 1, id: 5 })));
    const result = collector.result();
    expect(result.entries.map(entry => entry.accountName)).toEqual(['user1', 'user2']);
    expect(result.duplicatesDropped).toBe(1);
    expect(result.errors.map(error => error.index)).toEqual([3]);
  });

  it('reports an unreadable code without changing what was collected', () => {
    const collector = new MigrationCollector();
    collector.add(batch(0));
    expect(collector.add('otpauth-migration://offline?data=@@').status).toBe('invalid');
    expect(collector.progress().received).toEqual([0]);
  });
});

describe('googleMigrationImporter', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('sniffs transfer links and nothing else', () => {
    expect(googleMigrationImporter.sniff(bytes(`\uFEFF  ${DIM13}`))).toBe(true);
    expect(googleMigrationImporter.sniff(bytes('otpauth://totp/x?secret=AAAA'))).toBe(false);
    expect(googleMigrationImporter.sniff(bytes('{"services":[]}'))).toBe(false);
  });

  it('imports every batch of a text with several links, one per line or run together', async () => {
    const a = uriOf(
      payload([{ secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', name: 'Mason', issuer: 'Deno', type: 2 }], {
        size: 2,
        index: 0,
        id: 3,
      }),
    );
    const b = uriOf(
      payload([{ secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', name: 'James', issuer: 'SPDX', type: 2 }], {
        size: 2,
        index: 1,
        id: 3,
      }),
    );
    for (const text of [`${a}\r\n${b}\n`, `${b} ${a}`]) {
      const outcome = await googleMigrationImporter.read({ bytes: bytes(text) });
      expect(outcome.ok && outcome.value.entries.map(entry => entry.issuer)).toEqual([
        'Deno',
        'SPDX',
      ]);
    }
  });

  it('refuses an incomplete export, naming the missing code', async () => {
    const b = uriOf(payload([otpFor('x')], { size: 3, index: 1, id: 3 }));
    const outcome = await googleMigrationImporter.read({ bytes: bytes(b) });
    expect(outcome).toMatchObject({ ok: false, reason: 'malformed' });
    expect(!outcome.ok && outcome.message).toMatch(/QR codes 1 and 3 of 3/u);
  });

  it('refuses links from two exports and text that is not a link', async () => {
    const a = uriOf(payload([otpFor('a')], { size: 2, index: 0, id: 3 }));
    const b = uriOf(payload([otpFor('b')], { size: 2, index: 1, id: 4 }));
    expect(await googleMigrationImporter.read({ bytes: bytes(`${a}\n${b}`) })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(await googleMigrationImporter.read({ bytes: bytes(`hello\n${a}`) })).toMatchObject({
      ok: false,
      reason: 'wrong-format',
    });
  });
});

function otpFor(name: string): Otp {
  return { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', name, issuer: 'Deno', type: 2 };
}

describe('encodeMigrationUris', () => {
  const entry = (n: number, params: MigrationExportEntry['params']): MigrationExportEntry => ({
    issuer: `Issuer ${n}`,
    accountName: `user${n}@example.com`,
    params,
    secret: OtpSecret.fromBytes(Uint8Array.from({ length: 20 }, (_, i) => (i * 7 + n) & 0xff)),
  });
  const totp = { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 } as const;

  it('writes the wire layout other readers expect (checked with an independent reader)', () => {
    const { uris } = encodeMigrationUris(
      [entry(1, { type: 'hotp', algorithm: 'SHA256', digits: 8, counter: 42 })],
      10,
      1234,
    );
    const data = Buffer.from(decodeURIComponent(uris[0]?.split('data=')[1] ?? ''), 'base64');
    const top = readFields(data);
    expect(top.get(2)).toEqual([1n]); // version
    expect(top.get(3)).toEqual([1n]); // batch_size
    expect(top.get(5)).toEqual([1234n]); // batch_id
    const otp = readFields(top.get(1)?.[0] as Uint8Array);
    expect(Buffer.from(otp.get(1)?.[0] as Uint8Array)).toEqual(
      Buffer.from(Uint8Array.from({ length: 20 }, (_, i) => (i * 7 + 1) & 0xff)),
    );
    expect(new TextDecoder().decode(otp.get(2)?.[0] as Uint8Array)).toBe('user1@example.com');
    expect(new TextDecoder().decode(otp.get(3)?.[0] as Uint8Array)).toBe('Issuer 1');
    expect([otp.get(4), otp.get(5), otp.get(6), otp.get(7)]).toEqual([[2n], [2n], [1n], [42n]]);
  });

  it('round-trips through the reader and the collector in batches of at most maxPerQr', () => {
    const entries = Array.from({ length: 23 }, (_, n) =>
      entry(n, n % 5 === 0 ? { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: n } : totp),
    );
    const { uris, skipped } = encodeMigrationUris(entries, 10, 99);
    expect(skipped).toEqual([]);
    expect(uris).toHaveLength(3);
    const collector = new MigrationCollector();
    for (const uri of [...uris].reverse()) expect(collector.add(uri).status).toBe('added');
    const back = collector.result().entries;
    expect(back.map(e => [e.issuer, e.accountName, e.params])).toEqual(
      entries.map(e => [e.issuer, e.accountName, e.params]),
    );
    back.forEach((e, i) => {
      expect(e.secret.equals(entries[i]?.secret as OtpSecret)).toBe(true);
    });
  });

  it('leaves out, with a reason, what Google Authenticator cannot hold', () => {
    const { uris, skipped } = encodeMigrationUris(
      [entry(0, totp), entry(1, { ...totp, digits: 7 }), entry(2, { ...totp, periodSeconds: 60 })],
      10,
    );
    expect(uris).toHaveLength(1);
    expect(skipped.map(s => s.index)).toEqual([1, 2]);
    expect(skipped[1]?.reason).toMatch(/30-second/u);
  });

  it('keeps each QR payload small even with long names', () => {
    const long = Array.from({ length: 12 }, (_, n) => ({
      ...entry(n, totp),
      accountName: 'x'.repeat(300),
    }));
    const { uris } = encodeMigrationUris(long, 10, 1);
    expect(uris.length).toBeGreaterThan(2);
    for (const uri of uris) expect(uri.length).toBeLessThan(2000);
  });

  it('renders one SVG QR code per batch, numbered', async () => {
    const set = await transferQrCodes(
      Array.from({ length: 12 }, (_, n) => entry(n, totp)),
      7,
      5,
    );
    expect(set.codes.map(code => `${code.number}/${code.total}`)).toEqual(['1/3', '2/3', '3/3']);
    for (const code of set.codes) expect(code.svg).toMatch(/^<svg[^>]*viewBox/u);
  });
});
