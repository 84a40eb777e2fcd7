/**
 * The device model (core, pure): one virtual MFA device's metadata, as stored in vault.json.
 * Holds no key material: the seed lives in the keychain under the device id (DESIGN.md §4).
 */
import { z } from 'zod';
import { HASH_ALGORITHMS, OTP_LIMITS } from '../otp/types';

export const TEXT_LIMITS = {
  issuer: 256,
  accountName: 512,
  group: 128,
  tag: 64,
  tags: 32,
} as const;

export const DeviceId = z.uuid();
export type DeviceId = z.infer<typeof DeviceId>;

export const AWS_ACCOUNT_ID = /^\d{12}$/;
/** IAM account alias rules (AWS IAM CreateAccountAlias). */
export const AWS_ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

export const AwsMetadata = z.object({
  /** 12-digit account ID, when known (from the label or entered by the user). */
  accountId: z.string().regex(AWS_ACCOUNT_ID).optional(),
  /** Account alias, when the label carried one. */
  alias: z.string().regex(AWS_ACCOUNT_ALIAS).optional(),
  /** The MFA device name from the QR label (a suggestion for the IAM user, never proof of it). */
  deviceName: z.string().min(1).max(TEXT_LIMITS.accountName),
  /** IAM user name, or `root`: user-confirmed metadata, never parsed from the label. */
  principal: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('iam-user'), userName: z.string().min(1).max(64) }),
      z.object({ kind: z.literal('root') }),
    ])
    .optional(),
  serialArn: z.string().max(512).optional(),
});
export type AwsMetadata = z.infer<typeof AwsMetadata>;

const common = {
  id: DeviceId,
  issuer: z.string().max(TEXT_LIMITS.issuer),
  accountName: z.string().max(TEXT_LIMITS.accountName),
  /** Issuer prefix of the label when it disagreed with the `issuer` parameter; kept, shown. */
  labelIssuer: z.string().max(TEXT_LIMITS.issuer).optional(),
  algorithm: z.enum(HASH_ALGORITHMS),
  digits: z.number().int().min(OTP_LIMITS.minDigits).max(OTP_LIMITS.maxDigits),
  aws: AwsMetadata.optional(),
  /** User-chosen group; when absent the device groups by AWS account or issuer. */
  group: z.string().min(1).max(TEXT_LIMITS.group).optional(),
  tags: z.array(z.string().min(1).max(TEXT_LIMITS.tag)).max(TEXT_LIMITS.tags),
  favorite: z.boolean(),
  order: z.number().int().nonnegative(),
  /** Set when the device was rebuilt from a keychain item that had no metadata. */
  recovered: z.boolean().optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative().optional(),
  /**
   * TOTP time step of the last code copied (the reuse guard: AWS accepts each code once). Kept
   * in the vault so the guard survives a restart within the period.
   */
  lastCopiedStep: z.number().int().nonnegative().optional(),
  /**
   * When this device was last written into a backup file (for the "never backed up" reminder).
   * Optional, so vault.json stays schema version 1: older documents simply have none.
   */
  lastBackupAt: z.number().int().nonnegative().optional(),
};

export const Device = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('totp'),
    periodSeconds: z
      .number()
      .int()
      .min(OTP_LIMITS.minPeriodSeconds)
      .max(OTP_LIMITS.maxPeriodSeconds),
  }),
  z.object({
    ...common,
    type: z.literal('hotp'),
    counter: z.number().int().nonnegative().max(OTP_LIMITS.maxCounter),
  }),
]);
export type Device = z.infer<typeof Device>;
