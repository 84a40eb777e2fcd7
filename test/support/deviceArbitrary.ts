/**
 * fast-check arbitraries for whole devices with seeds (test support): every field of the Device
 * schema, AWS metadata included, within the stored limits. Used by the backup round-trip and the
 * import-planning properties.
 */
import fc from 'fast-check';
import { Device, TEXT_LIMITS } from '../../main/core/device/device';
import { HASH_ALGORITHMS, OTP_LIMITS } from '../../main/core/otp/types';
import { OtpSecret } from '../../main/core/secret';

const text = (max: number) => fc.string({ maxLength: Math.min(max, 40) });
const time = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const aws = fc.record(
  {
    accountId: optional(fc.stringMatching(/^\d{12}$/)),
    alias: optional(fc.stringMatching(/^[a-z0-9]{3,20}$/)),
    deviceName: fc.string({ minLength: 1, maxLength: 30 }),
    principal: optional(
      fc.oneof(
        fc.record({
          kind: fc.constant('iam-user' as const),
          userName: fc.string({ minLength: 1, maxLength: 64 }),
        }),
        fc.constant({ kind: 'root' as const }),
      ),
    ),
    serialArn: optional(fc.string({ maxLength: 100 })),
  },
  { requiredKeys: ['deviceName'] },
);

const common = {
  id: fc.uuid({ version: 4 }),
  issuer: text(TEXT_LIMITS.issuer),
  accountName: text(TEXT_LIMITS.accountName),
  labelIssuer: optional(text(TEXT_LIMITS.issuer)),
  algorithm: fc.constantFrom(...HASH_ALGORITHMS),
  digits: fc.integer({ min: OTP_LIMITS.minDigits, max: OTP_LIMITS.maxDigits }),
  aws: optional(aws),
  group: optional(fc.string({ minLength: 1, maxLength: 30 })),
  tags: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 4 }),
  favorite: fc.boolean(),
  order: fc.nat(),
  recovered: optional(fc.boolean()),
  createdAt: time,
  updatedAt: time,
  lastUsedAt: optional(time),
  lastCopiedStep: optional(fc.nat()),
};

/** Drops keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const deviceArbitrary: fc.Arbitrary<Device> = fc
  .oneof(
    fc.record({
      ...common,
      type: fc.constant('totp' as const),
      periodSeconds: fc.integer({
        min: OTP_LIMITS.minPeriodSeconds,
        max: OTP_LIMITS.maxPeriodSeconds,
      }),
    }),
    fc.record({
      ...common,
      type: fc.constant('hotp' as const),
      counter: fc.integer({ min: 0, max: OTP_LIMITS.maxCounter }),
    }),
  )
  .map(raw => {
    const device = compact(raw) as Device;
    if (device.aws !== undefined) (device as { aws: object }).aws = compact(device.aws);
    return Device.parse(device);
  });

export const seedArbitrary = fc.uint8Array({ minLength: 10, maxLength: 64 });

/** Devices with distinct ids, each with seed bytes. */
export const devicesWithSeeds = (maxLength: number) =>
  fc.uniqueArray(fc.tuple(deviceArbitrary, seedArbitrary), {
    maxLength,
    selector: ([device]) => device.id,
  });

export function secretOf(bytes: Uint8Array): OtpSecret {
  return OtpSecret.fromBytes(bytes);
}
