/**
 * andOTP backups: plain, encrypted (PBKDF2 + AES-GCM) and old encrypted (SHA-256 key) against the
 * Aegis test files; an encrypted file built here with node:crypto; hostile headers; fuzzing.
 */
import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { andOtpImporter } from '../../../../main/core/interop/andotp';
import { fixtureSuite } from '../../../support/importExpectations';

const ACCOUNTS = [
  {
    secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    issuer: 'Deno',
    label: 'Mason',
    digits: 6,
    type: 'TOTP',
    algorithm: 'SHA1',
    period: 30,
    tags: ['Work', 'Dev'],
  },
  {
    secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
    issuer: 'Issuu',
    label: 'James',
    digits: 6,
    type: 'HOTP',
    algorithm: 'SHA1',
    counter: 3,
    tags: [],
  },
];

function gcm(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
function encryptNew(plain: Buffer, password: string, iterations: number): Uint8Array {
  const salt = randomBytes(12);
  const header = Buffer.alloc(4);
  header.writeUInt32BE(iterations);
  return Buffer.concat([
    header,
    salt,
    gcm(pbkdf2Sync(password, salt, iterations, 32, 'sha1'), plain),
  ]);
}

describe('andOtpImporter', () => {
  // The old encrypted layout has no header at all: nothing to recognise it by.
  fixtureSuite(andOtpImporter, 'andotp', { notSniffable: ['andotp_encrypted_old.bin'] });

  it('decrypts a file written independently with node:crypto and keeps tags as groups', async () => {
    const bytes = encryptNew(Buffer.from(JSON.stringify(ACCOUNTS)), 'correct horse', 140_001);
    expect(andOtpImporter.sniff(bytes)).toBe(true);
    const outcome = await andOtpImporter.read({ bytes, password: 'correct horse' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(
      outcome.value.entries.map(e => [e.issuer, e.accountName, e.params.type, e.groups]),
    ).toEqual([
      ['Deno', 'Mason', 'totp', ['Work', 'Dev']],
      ['Issuu', 'James', 'hotp', []],
    ]);
  });

  it('decrypts the old layout (SHA-256 of the password as the key)', async () => {
    const key = createHash('sha256').update('pw').digest();
    const outcome = await andOtpImporter.read({
      bytes: gcm(key, Buffer.from(JSON.stringify(ACCOUNTS))),
      password: 'pw',
    });
    expect(outcome.ok && outcome.value.entries).toHaveLength(2);
  });

  it('never runs PBKDF2 with an absurd iteration count from the header', async () => {
    const bytes = encryptNew(Buffer.from('[]'), 'pw', 1000);
    bytes.set([0xff, 0xff, 0xff, 0xff], 0);
    const started = performance.now();
    expect(await andOtpImporter.read({ bytes, password: 'pw' })).toMatchObject({
      ok: false,
      reason: 'wrong-password',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports tampered ciphertext and truncation', async () => {
    const bytes = encryptNew(Buffer.from(JSON.stringify(ACCOUNTS)), 'pw', 1000);
    const tampered = Uint8Array.from(bytes);
    tampered[40] = (tampered[40] ?? 0) ^ 1;
    expect(await andOtpImporter.read({ bytes: tampered, password: 'pw' })).toMatchObject({
      reason: 'wrong-password',
    });
    expect(
      await andOtpImporter.read({ bytes: bytes.subarray(0, 20), password: 'pw' }),
    ).toMatchObject({ ok: false });
    expect(
      await andOtpImporter.read({ bytes: bytes.subarray(0, 60), password: 'pw' }),
    ).toMatchObject({ reason: 'wrong-password' });
  });

  it('refuses JSON that is not a list and never throws on arbitrary items', async () => {
    expect(await andOtpImporter.read({ bytes: new TextEncoder().encode('{"a":1}') })).toMatchObject(
      { reason: 'wrong-format' },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), async items => {
        const outcome = await andOtpImporter.read({
          bytes: new TextEncoder().encode(JSON.stringify(items)),
        });
        expect(outcome.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random binary input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 100 }), async bytes => {
        const data = Uint8Array.from(bytes);
        if (data.length >= 4) data.set([0, 0, 3, 232], 0); // 1,000 iterations: cheap
        await andOtpImporter.read({ bytes: data, password: 'pw' });
      }),
      { numRuns: 100 },
    );
  });
});
