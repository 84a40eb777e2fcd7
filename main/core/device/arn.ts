/**
 * MFA serial numbers (core, pure): the ARN of an IAM virtual MFA device,
 * `arn:<partition>:iam::<12-digit account>:mfa/<path><device-name>` (IAM identifiers reference:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). Used for the
 * suggested serial of a new device and to check what the user types or pastes.
 */
import { AWS_ACCOUNT_ID } from './device';

/** AWS partitions that have IAM: commercial, China, GovCloud (US). */
export const AWS_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type AwsPartition = (typeof AWS_PARTITIONS)[number];

/** IAM name rules for MFA devices: 1–128 of letters, digits and `+=,.@_-`. */
const DEVICE_NAME = /^[\w+=,.@-]{1,128}$/u;
/** IAM path rules (the API's pattern): `/`, or printable ASCII without spaces between two `/`. */
const PATH = /^\/(?:[\x21-\x7e]+\/)?$/u;
const MAX_PATH_LENGTH = 512;
/** Longest ARN worth looking at: prefix + account + `:mfa` + path + name, with room to spare. */
const MAX_ARN_LENGTH = 1024;

export type MfaSerialArnOutcome =
  | {
      readonly ok: true;
      readonly partition: AwsPartition;
      readonly accountId: string;
      /** IAM path, always starting and ending with '/': '/' when the ARN has none. */
      readonly path: string;
      readonly deviceName: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The serial ARN AWS gives a virtual MFA device created with the default path, e.g.
 * `arn:aws:iam::123456789012:mfa/alice`. A suggestion for the user to confirm: when `deviceName`
 * holds characters IAM does not allow (a label can say anything), the result will not pass
 * {@link parseMfaSerialArn}, which is what decides whether it can be saved.
 */
export function suggestSerialArn(
  accountId: string,
  deviceName: string,
  partition: AwsPartition = 'aws',
): string {
  return `arn:${partition}:iam::${accountId}:mfa/${deviceName}`;
}

function fail(message: string): MfaSerialArnOutcome {
  return { ok: false, message };
}

function isPartition(text: string): text is AwsPartition {
  return (AWS_PARTITIONS as readonly string[]).includes(text);
}

/**
 * Checks an MFA serial number typed or pasted by the user (surrounding white space is ignored)
 * and splits it into its parts. Each refusal says what is wrong in the user's terms.
 */
export function parseMfaSerialArn(text: string): MfaSerialArnOutcome {
  const arn = text.trim();
  if (arn === '') return fail("Enter the MFA device's serial number (an ARN).");
  if (arn.length > MAX_ARN_LENGTH) return fail('This is too long to be an MFA serial number.');

  // arn:partition:service:region:account:resource; the resource may itself contain ':'.
  const parts = arn.split(':');
  const [prefix, partition, service, region, accountId] = parts;
  const resource = parts.slice(5).join(':');
  if (prefix !== 'arn' || parts.length < 6) {
    return fail('An MFA serial number looks like arn:aws:iam::123456789012:mfa/device-name.');
  }
  if (partition === undefined || !isPartition(partition)) {
    return fail('The ARN must be in the aws, aws-cn or aws-us-gov partition.');
  }
  if (service !== 'iam')
    return fail('This is not an IAM ARN (it should start with arn:aws:iam::).');
  if (region !== '') return fail('IAM ARNs have no region: the part after "iam:" must be empty.');
  if (accountId === undefined || !AWS_ACCOUNT_ID.test(accountId)) {
    return fail('The account ID in the ARN must be exactly 12 digits.');
  }
  if (!resource.startsWith('mfa/')) {
    const kind = /^(user|role|group|policy|root)\b/u.exec(resource)?.[1];
    return fail(
      kind === undefined
        ? 'This is not the ARN of an MFA device (it should continue with :mfa/).'
        : `This is the ARN of an IAM ${kind}, not of an MFA device (which continues with :mfa/).`,
    );
  }

  const rest = resource.slice('mfa/'.length);
  const lastSlash = rest.lastIndexOf('/');
  const path = `/${rest.slice(0, lastSlash + 1)}`;
  const deviceName = rest.slice(lastSlash + 1);
  if (deviceName === '') return fail('The ARN ends without an MFA device name.');
  if (deviceName.length > 128) return fail('The MFA device name is longer than 128 characters.');
  if (!DEVICE_NAME.test(deviceName)) {
    return fail(
      'The MFA device name may contain only letters, digits and the characters + = , . @ _ -.',
    );
  }
  if (path.length > MAX_PATH_LENGTH || !PATH.test(path)) {
    return fail('The path in the ARN is not a valid IAM path.');
  }
  return { ok: true, partition, accountId, path, deviceName };
}
