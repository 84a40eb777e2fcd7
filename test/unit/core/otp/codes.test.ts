/**
 * RFC 4226 (HOTP) and RFC 6238 (TOTP) test vectors against codes.ts, plus the period arithmetic
 * the ticker relies on (validUntilMs, nextCode). Vectors: test/fixtures/rfc (see SOURCE.md).
 */
import { describe, expect, it } from 'vitest';
import { hotpAt, hotpCodes, timeStep, totpAt, totpCodeAt } from '../../../../main/core/otp/codes';
import { decodeBase32Secret } from '../../../../main/core/otp/base32';
import type { HashAlgorithm, TotpParams } from '../../../../main/core/otp/types';
import { OtpSecret } from '../../../../main/core/secret';
import hotpFixture from '../../../fixtures/rfc/hotp-rfc4226.json';
import totpFixture from '../../../fixtures/rfc/totp-rfc6238.json';

function secretFromHex(hex: string): OtpSecret {
  return OtpSecret.fromBytes(Uint8Array.from(Buffer.from(hex, 'hex')));
}

function asAlgorithm(name: string): HashAlgorithm {
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  throw new Error(`unexpected algorithm ${name} in fixture`);
}

const totpSeeds: Record<HashAlgorithm, { hex: string; base32: string }> = totpFixture.seeds;

describe('hotpAt', () => {
  const secret = secretFromHex(hotpFixture.secret.hex);

  it('has all ten RFC 4226 Appendix D vectors in the fixture', () => {
    expect(hotpFixture.vectors.map(vector => vector.counter)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it.each(hotpFixture.vectors)(
    'gives the RFC 4226 code $hotp for counter $counter',
    ({ counter, hotp }) => {
      expect(hotpAt(secret, asAlgorithm(hotpFixture.algorithm), hotpFixture.digits, counter)).toBe(
        hotp,
      );
    },
  );

  it('gives the same codes when the secret comes from its base32 form', () => {
    const decoded = decodeBase32Secret(hotpFixture.secret.base32);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.secret.equals(secret)).toBe(true);
    expect(hotpAt(decoded.secret, 'SHA1', 6, 0)).toBe('755224');
  });

  it('keeps the low digits of the truncated value as the 8-digit code', () => {
    for (const vector of hotpFixture.vectors) {
      const expected = String(vector.truncated_dec % 10 ** 8).padStart(8, '0');
      expect(hotpAt(secret, 'SHA1', 8, vector.counter)).toBe(expected);
    }
  });
});

describe('hotpCodes', () => {
  it('returns the code of the current counter and of the next one', () => {
    const secret = secretFromHex(hotpFixture.secret.hex);
    const params = { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 4 } as const;
    expect(hotpCodes(secret, params)).toEqual({ code: '338314', nextCode: '254676', counter: 4 });
  });
});

describe('totpAt', () => {
  it('has all eighteen RFC 6238 Appendix B vectors in the fixture', () => {
    expect(totpFixture.vectors).toHaveLength(18);
    expect(new Set(totpFixture.vectors.map(vector => vector.algorithm))).toEqual(
      new Set(['SHA1', 'SHA256', 'SHA512']),
    );
  });

  it.each(totpFixture.vectors)(
    'gives the RFC 6238 code $totp for $algorithm at $time s',
    ({ time, algorithm, totp }) => {
      const name = asAlgorithm(algorithm);
      const secret = secretFromHex(totpSeeds[name].hex);
      const params: TotpParams = {
        type: 'totp',
        algorithm: name,
        digits: totpFixture.digits,
        periodSeconds: totpFixture.period,
      };
      expect(totpAt(secret, params, time * 1000).code).toBe(totp);
      expect(totpCodeAt(secret, params, time * 1000)).toBe(totp);
    },
  );

  it('uses the 64-bit time step for dates after 2038', () => {
    expect(timeStep(20_000_000_000_000, 30)).toBe(0x27bc86aa);
  });

  it.each([30, 60])(
    'says a %i s code is valid until the next period boundary and gives the code after it',
    periodSeconds => {
      const secret = secretFromHex(totpSeeds.SHA1.hex);
      const params: TotpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds };
      const periodMs = periodSeconds * 1000;
      const start = 1_700_000_000_000 - (1_700_000_000_000 % periodMs); // a period boundary

      for (const nowMs of [start, start + 1, start + periodMs - 1]) {
        const codes = totpAt(secret, params, nowMs);
        expect(codes.validUntilMs).toBe(start + periodMs);
        expect(codes.code).toBe(totpAt(secret, params, start).code);
        expect(codes.nextCode).toBe(totpAt(secret, params, start + periodMs).code);
      }
      // The boundary itself belongs to the new period.
      const next = totpAt(secret, params, start + periodMs);
      expect(next.validUntilMs).toBe(start + 2 * periodMs);
      expect(next.code).toBe(totpAt(secret, params, start).nextCode);
    },
  );

  it('gives different validity windows for 30 s and 60 s periods at the same instant', () => {
    const secret = secretFromHex(totpSeeds.SHA1.hex);
    const at = (periodSeconds: number) =>
      totpAt(secret, { type: 'totp', algorithm: 'SHA1', digits: 8, periodSeconds }, 89_000);
    // 89 s: the 30 s step 2 runs 60–90 s; the 60 s step 1 runs 60–120 s.
    expect(at(30).validUntilMs).toBe(90_000);
    expect(at(60).validUntilMs).toBe(120_000);
    // Step 1 of a 30 s period is RFC 6238's T = 1 (time 59): the 60 s code at 89 s is that code.
    expect(at(60).code).toBe('94287082');
    expect(at(60).nextCode).toBe(hotpAt(secret, 'SHA1', 8, 2));
    expect(at(30).code).toBe(hotpAt(secret, 'SHA1', 8, 2));
    expect(at(30).nextCode).toBe(hotpAt(secret, 'SHA1', 8, 3));
  });
});
