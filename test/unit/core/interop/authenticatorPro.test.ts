/**
 * Authenticator Pro / Stratum backups against the Aegis test files (plain, Argon2id + GCM,
 * legacy PBKDF2 + CBC); categories; a file written independently with hash-wasm and node:crypto;
 * tampering; fuzzing.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { authenticatorProImporter } from '../../../../main/core/interop/authenticatorPro';
import { fixtureBytes, fixtureSuite, loadExpectations } from '../../../support/importExpectations';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const BACKUP = {
  Authenticators: [
    {
      Type: 2,
      Issuer: 'Deno',
      Username: 'Mason',
      Secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
      Algorithm: 1,
      Digits: 7,
      Period: 20,
      Counter: 0,
    },
    {
      Type: 3,
      Issuer: 'M',
      Username: 'otp',
      Secret: 'abcdef',
      Algorithm: 0,
      Digits: 6,
      Period: 10,
      Pin: '1234',
    },
  ],
  Categories: [{ Id: 'c1', Name: 'Work' }],
  AuthenticatorCategories: [
    { CategoryId: 'c1', AuthenticatorSecret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' },
  ],
};

describe('authenticatorProImporter', () => {
  // The app-internal SQLite database is not an export: not supported.
  fixtureSuite(authenticatorProImporter, 'authenticator-pro', { skip: ['stratum_internal.db'] });

  it('maps categories to groups and refuses mOTP per entry', async () => {
    const outcome = await authenticatorProImporter.read({ bytes: json(BACKUP) });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => [e.issuer, e.params, e.groups])).toEqual([
      ['Deno', { type: 'totp', algorithm: 'SHA256', digits: 7, periodSeconds: 20 }, ['Work']],
    ]);
    expect(outcome.value.errors).toMatchObject([{ index: 1, label: 'M (otp)' }]);
    expect(outcome.value.errors[0]?.reason).toMatch(/motp/u);
  });

  it('decrypts a backup written independently (hash-wasm Argon2id, node:crypto AES-GCM)', async () => {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = await argon2id({
      password: 'pw',
      salt,
      iterations: 3,
      memorySize: 65536,
      parallelism: 4,
      hashLength: 32,
      outputType: 'binary',
    });
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify(BACKUP)),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const bytes = Buffer.concat([Buffer.from('AUTHENTICATORPRO'), salt, iv, body]);
    const outcome = await authenticatorProImporter.read({ bytes, password: 'pw' });
    expect(outcome.ok && outcome.value.entries).toHaveLength(1);
    const tampered = Uint8Array.from(bytes);
    tampered[50] = (tampered[50] ?? 0) ^ 0x80;
    expect(await authenticatorProImporter.read({ bytes: tampered, password: 'pw' })).toMatchObject({
      reason: 'wrong-password',
    });
  });

  it('reports a truncated encrypted backup', async () => {
    const file = loadExpectations('authenticator-pro').find(
      f => f.file === 'stratum_encrypted_legacy.bin',
    );
    if (file === undefined) throw new Error('fixture missing');
    const bytes = fixtureBytes(file);
    expect(
      await authenticatorProImporter.read({ bytes: bytes.subarray(0, 40), password: 'test' }),
    ).toMatchObject({ reason: 'malformed' });
    expect(
      await authenticatorProImporter.read({
        bytes: bytes.subarray(0, bytes.length - 7),
        password: 'test',
      }),
    ).toMatchObject({ ok: false });
  });

  it('never throws on arbitrary authenticators', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
        async Authenticators => {
          expect(
            (
              await authenticatorProImporter.read({
                bytes: json({ Authenticators, Categories: 3 }),
              })
            ).ok,
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
