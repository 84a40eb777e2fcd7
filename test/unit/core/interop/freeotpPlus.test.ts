/** FreeOTP+ JSON exports against the Aegis test file; signed-byte secrets; bad tokens; fuzzing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeOtpPlusImporter } from '../../../../main/core/interop/freeotpPlus';
import { encodeBase32 } from '../../../../main/core/otp/base32';
import { fixtureSuite } from '../../../support/importExpectations';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('freeOtpPlusImporter', () => {
  // The app-internal tokens.xml (needs root on the phone) is not an export: not supported.
  fixtureSuite(freeOtpPlusImporter, 'freeotp-plus', { skip: ['freeotp_plus_internal.xml'] });

  it('reads signed and unsigned bytes alike and refuses anything else per token', async () => {
    const token = { algo: 'SHA1', digits: 6, issuerExt: 'A', label: 'a', period: 30, type: 'TOTP' };
    const outcome = await freeOtpPlusImporter.read({
      bytes: json({
        tokens: [
          { ...token, secret: [-1, 0, 127, -128, 1, 2, 3, 4, 5, 6] },
          { ...token, secret: [255, 0, 127, 128, 1, 2, 3, 4, 5, 6] },
          { ...token, secret: [256] },
          { ...token, secret: 'JBSWY3DPEHPK3PXP' },
          { ...token, secret: [1.5] },
          7,
        ],
      }),
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => e.secret.use(encodeBase32))).toEqual([
      '74AH7AABAIBQIBIG',
      '74AH7AABAIBQIBIG',
    ]);
    expect(outcome.value.errors.map(e => e.index)).toEqual([2, 3, 4, 5]);
  });

  it('refuses JSON without tokens', async () => {
    expect(await freeOtpPlusImporter.read({ bytes: json({ services: [] }) })).toMatchObject({
      reason: 'wrong-format',
    });
    expect(freeOtpPlusImporter.sniff(json({ services: [] }))).toBe(false);
  });

  it('never throws on arbitrary tokens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), async tokens => {
        expect((await freeOtpPlusImporter.read({ bytes: json({ tokens }) })).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
