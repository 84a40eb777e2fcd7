/**
 * 2FAS backups, schema 1–4, plain and encrypted, against the Aegis test files and their
 * expected.json; wrong passwords, sniffing and fuzzing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoFasImporter } from '../../../../main/core/interop/twofas';
import { expectMatches, fixtureBytes, loadExpectations } from '../../../support/importExpectations';

const files = loadExpectations('2fas');
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('twoFasImporter', () => {
  it.each(files.map(file => [file.file, file] as const))('imports %s', async (_name, file) => {
    const bytes = fixtureBytes(file);
    expect(twoFasImporter.sniff(bytes)).toBe(true);
    expect(twoFasImporter.isEncrypted(bytes)).toBe(file.encrypted);
    const outcome = await twoFasImporter.read({
      bytes,
      ...(file.password === undefined ? {} : { password: file.password }),
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expectMatches(outcome.value, file.entries);
  });

  it.each(files.filter(file => file.encrypted).map(file => [file.file, file] as const))(
    'asks for the password of %s and reports a wrong one',
    async (_name, file) => {
      const bytes = fixtureBytes(file);
      expect(await twoFasImporter.read({ bytes })).toMatchObject({
        ok: false,
        reason: 'password-required',
      });
      expect(await twoFasImporter.read({ bytes, password: 'tesT' })).toMatchObject({
        ok: false,
        reason: 'wrong-password',
      });
    },
  );

  it('keeps 2FAS group names', async () => {
    const outcome = await twoFasImporter.read({
      bytes: text({
        schemaVersion: 4,
        groups: [{ id: 'g1', name: 'Work' }],
        services: [
          {
            name: 'Deno',
            secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
            groupId: 'g1',
            otp: { account: 'Mason', tokenType: 'TOTP' },
          },
        ],
      }),
    });
    expect(outcome.ok && outcome.value.entries[0]?.groups).toEqual(['Work']);
  });

  it('refuses a newer schema, other JSON and a damaged encrypted part', async () => {
    expect(
      await twoFasImporter.read({ bytes: text({ schemaVersion: 5, services: [] }) }),
    ).toMatchObject({ reason: 'unsupported-version' });
    expect(await twoFasImporter.read({ bytes: text({ version: 1, db: {} }) })).toMatchObject({
      reason: 'wrong-format',
    });
    expect(
      await twoFasImporter.read({
        bytes: text({ schemaVersion: 4, services: [], servicesEncrypted: 'abc:def' }),
        password: 'x',
      }),
    ).toMatchObject({ reason: 'malformed' });
    expect(twoFasImporter.sniff(text({ version: 1, db: {} }))).toBe(false);
  });

  it('turns each bad service into a per-entry error and keeps the others', async () => {
    const outcome = await twoFasImporter.read({
      bytes: text({
        schemaVersion: 3,
        services: [
          null,
          { name: 'A', secret: '0000', otp: { account: 'x' } },
          { name: 'B', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'y', digits: 'six' } },
          {
            name: 'C',
            secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
            otp: { account: 'z', tokenType: 'HOTP' },
          },
          { name: 'D', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'w', period: '60' } },
        ],
      }),
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(entry => entry.issuer)).toEqual(['D']);
    expect(outcome.value.errors.map(error => error.index)).toEqual([0, 1, 2, 3]);
  });

  it('never throws on arbitrary JSON in the services list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async (services, schemaVersion) => {
          const outcome = await twoFasImporter.read({ bytes: text({ schemaVersion, services }) });
          expect(outcome.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
