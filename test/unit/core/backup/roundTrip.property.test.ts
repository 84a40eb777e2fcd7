/**
 * Backup → restore reproduces every generated device exactly (fast-check over the whole Device
 * schema: AWS metadata, groups, tags, HOTP counters up to 2^53 − 1, odd Unicode), seeds included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBackup, sealBackup } from '../../../../main/core/backup/envelope';
import { OtpSecret } from '../../../../main/core/secret';
import { fastParams } from '../../../support/backupFiles';
import { devicesWithSeeds } from '../../../support/deviceArbitrary';

describe('tessera backup round trip', () => {
  it('restores every generated device and seed exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        devicesWithSeeds(6),
        fc.string({ minLength: 1, maxLength: 30 }),
        async (pairs, passphrase) => {
          const devices = pairs.map(([device, seed]) => ({
            device,
            secret: OtpSecret.fromBytes(seed),
          }));
          const text = await sealBackup(devices, passphrase, fastParams(pairs.length), 42);
          const outcome = await openBackup(new TextEncoder().encode(text), passphrase);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          expect(outcome.value.devices.map(d => d.device)).toEqual(pairs.map(([device]) => device));
          outcome.value.devices.forEach((restored, i) => {
            expect(restored.secret.use(bytes => [...bytes])).toEqual([...pairs[i]![1]]);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
