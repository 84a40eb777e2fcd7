/**
 * Ente Auth exports: the plain-text Aegis test file; encrypted exports built here with libsodium
 * (secretstream, as Ente's CryptoUtil.encryptData) and an Argon2id key (hash-wasm, the
 * crypto_pwhash parameters); KDF bounds; tampering; fuzzing.
 */
import fc from 'fast-check';
import { argon2id } from 'hash-wasm';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { enteImporter } from '../../../../main/core/interop/ente';
import { fixtureSuite } from '../../../support/importExpectations';

const PLAIN = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30&codeDisplay=%7B%22pinned%22%3Atrue%2C%22trashed%22%3Afalse%2C%22tags%22%3A%5B%22Work%22%5D%7D',
  'otpauth://totp/Old:Gone?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=Old&codeDisplay=%7B%22trashed%22%3Atrue%7D',
  'otpauth://steam/Valve:me?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Valve',
  '',
].join('\n');

async function encryptedExport(
  text: string,
  password: string,
  overrides: { memLimit?: number; opsLimit?: number; version?: number } = {},
): Promise<Uint8Array> {
  await sodium.ready;
  const salt = sodium.randombytes_buf(16);
  const memLimit = 1024 * 1024; // small: the tests are about the format, not the cost
  const opsLimit = 2;
  const key = await argon2id({
    password,
    salt,
    iterations: opsLimit,
    memorySize: memLimit / 1024,
    parallelism: 1,
    hashLength: 32,
    outputType: 'binary',
  });
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const data = sodium.crypto_secretstream_xchacha20poly1305_push(
    state,
    sodium.from_string(text),
    null,
    sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
  );
  const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
  return new TextEncoder().encode(
    JSON.stringify({
      version: overrides.version ?? 1,
      kdfParams: {
        memLimit: overrides.memLimit ?? memLimit,
        opsLimit: overrides.opsLimit ?? opsLimit,
        salt: b64(salt),
      },
      encryptedData: b64(data),
      encryptionNonce: b64(header),
    }),
  );
}

describe('enteImporter', () => {
  beforeAll(async () => {
    await sodium.ready;
  });

  fixtureSuite(enteImporter, 'ente-auth');

  it('keeps tags and pins, skips trashed codes and refuses Steam per entry', async () => {
    const outcome = await enteImporter.read({ bytes: new TextEncoder().encode(PLAIN) });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => [e.issuer, e.accountName, e.groups, e.favorite])).toEqual(
      [['Deno', 'Mason', ['Work'], true]],
    );
    expect(outcome.value.errors.map(e => [e.index, e.label])).toEqual([
      [1, 'Old:Gone'],
      [2, 'Valve:me'],
    ]);
    expect(outcome.value.errors[0]?.reason).toMatch(/trash/u);
  });

  it('decrypts an encrypted export made with libsodium, and reports a wrong password', async () => {
    const bytes = await encryptedExport(PLAIN, 'hunter2');
    expect(enteImporter.sniff(bytes)).toBe(true);
    expect(enteImporter.isEncrypted(bytes)).toBe(true);
    const outcome = await enteImporter.read({ bytes, password: 'hunter2' });
    expect(outcome.ok && outcome.value.entries.map(e => e.issuer)).toEqual(['Deno']);
    expect(await enteImporter.read({ bytes })).toMatchObject({ reason: 'password-required' });
    expect(await enteImporter.read({ bytes, password: 'hunter3' })).toMatchObject({
      reason: 'wrong-password',
    });
  });

  it('reports tampered data as a wrong password or damage, never a crash', async () => {
    const root = JSON.parse(new TextDecoder().decode(await encryptedExport(PLAIN, 'pw'))) as {
      encryptedData: string;
    };
    const data = sodium.from_base64(root.encryptedData, sodium.base64_variants.ORIGINAL);
    data[5] = (data[5] ?? 0) ^ 1;
    root.encryptedData = sodium.to_base64(data, sodium.base64_variants.ORIGINAL);
    expect(
      await enteImporter.read({
        bytes: new TextEncoder().encode(JSON.stringify(root)),
        password: 'pw',
      }),
    ).toMatchObject({ reason: 'wrong-password' });
  });

  it.each([
    ['memory of 4 GiB', { memLimit: 4 * 1024 ** 3 }, 'too-large'],
    ['memory below the minimum', { memLimit: 1 }, 'too-large'],
    ['2^40 iterations', { opsLimit: 2 ** 40 }, 'too-large'],
    ['a newer version', { version: 2 }, 'unsupported-version'],
  ])('refuses %s before running any KDF', async (_name, overrides, reason) => {
    const bytes = await encryptedExport(PLAIN, 'pw', overrides);
    const started = performance.now();
    expect(await enteImporter.read({ bytes, password: 'pw' })).toMatchObject({ ok: false, reason });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses other JSON and binary', async () => {
    expect(
      await enteImporter.read({
        bytes: new TextEncoder().encode('{"services":[]}'),
        password: 'x',
      }),
    ).toMatchObject({ reason: 'wrong-format' });
    expect(await enteImporter.read({ bytes: Uint8Array.from([0xff, 0xfe, 0x00]) })).toMatchObject({
      reason: 'wrong-format',
    });
    expect(enteImporter.sniff(new TextEncoder().encode('{"services":[]}'))).toBe(false);
  });

  it('never throws on arbitrary lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.webUrl().map(u => u.replace(/^https?/u, 'otpauth')),
          ),
          { maxLength: 6 },
        ),
        async lines => {
          await enteImporter.read({ bytes: new TextEncoder().encode(lines.join('\n')) });
        },
      ),
      { numRuns: 300 },
    );
  });
});
