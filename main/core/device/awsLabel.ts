/**
 * AWS virtual MFA labels (core, pure): reads the MFA device name and the account (12-digit ID or
 * alias) out of the label AWS puts in its QR codes,
 * `otpauth://totp/Amazon%20Web%20Services:<mfa-device-name>@<account-alias-or-id>?…` (DESIGN.md
 * §4, §8). The label carries no ARN and no IAM user name; those are confirmed by the user.
 */
import { AWS_ACCOUNT_ALIAS, AWS_ACCOUNT_ID, TEXT_LIMITS } from './device';

/** The issuer AWS writes, compared case-insensitively. */
const AWS_ISSUER = 'amazon web services';

/** What an AWS label says about its device. Exactly one of `accountId` and `alias` is set. */
export interface AwsLabel {
  /** The MFA device name as shown in the IAM console (a suggestion for the IAM user, not proof). */
  readonly deviceName: string;
  /** 12-digit account ID, when the label ends in one. */
  readonly accountId?: string;
  /** IAM account alias, when the label ends in one (the numeric ID must then come from the user). */
  readonly alias?: string;
}

/**
 * Parses an AWS MFA label from a parsed device's issuer and account name (as produced by
 * parseOtpauthUri, so the issuer may have come from the `issuer` parameter or the label prefix).
 *
 * Only for issuer "Amazon Web Services" (any case). The account part is split on its LAST '@'
 * because IAM device names may themselves contain '@' (`alice@example.com@123456789012`). Returns
 * undefined when the label is not one we understand (other issuer, no '@', empty device name, or
 * a suffix that is neither a 12-digit ID nor a valid alias): the device is still valid, it just
 * groups by issuer instead of by AWS account.
 */
export function parseAwsLabel(issuer: string, accountName: string): AwsLabel | undefined {
  if (issuer.trim().toLowerCase() !== AWS_ISSUER) return undefined;
  const at = accountName.lastIndexOf('@');
  if (at < 0) return undefined;
  const deviceName = accountName.slice(0, at).trim();
  const account = accountName.slice(at + 1).trim();
  if (deviceName === '' || deviceName.length > TEXT_LIMITS.accountName) return undefined;
  if (AWS_ACCOUNT_ID.test(account)) return { deviceName, accountId: account };
  if (AWS_ACCOUNT_ALIAS.test(account)) return { deviceName, alias: account };
  return undefined;
}
