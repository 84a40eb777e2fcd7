/**
 * Validation of the AWS metadata a user confirms for a device (core, pure): account ID or alias,
 * IAM user or root, MFA device name and serial ARN — checked against each other, so a serial ARN
 * from another account is refused with a message that says so.
 */
import type { AwsEditInput } from '../../../preload/contract/contract';
import { parseMfaSerialArn } from '../device/arn';
import { AWS_ACCOUNT_ALIAS, AWS_ACCOUNT_ID, type AwsMetadata } from '../device/device';
import { normalizeDisplayText } from '../otp/otpauthUri';
import { IAM_USER_NAME } from './cliCommands';

export type AwsEditOutcome =
  | { readonly ok: true; readonly aws: AwsMetadata }
  | { readonly ok: false; readonly field: AwsEditField; readonly message: string };

/** The input field a refusal is about (the Edit dialog shows the message under it). */
export type AwsEditField = 'accountId' | 'alias' | 'userName' | 'deviceName' | 'serialArn';

const fail = (field: AwsEditField, message: string): AwsEditOutcome => ({
  ok: false,
  field,
  message,
});

/** Accepts the ways people write account IDs: `123456789012`, `1234-5678-9012`, `1234 5678 9012`. */
export function normalizeAccountId(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function validateAwsEdit(input: AwsEditInput): AwsEditOutcome {
  const deviceName = normalizeDisplayText(input.deviceName);
  if (deviceName === undefined || deviceName === '')
    return fail('deviceName', 'Enter the MFA device name.');

  let accountId = input.accountId === null ? undefined : normalizeAccountId(input.accountId);
  if (accountId === '') accountId = undefined;
  if (accountId !== undefined && !AWS_ACCOUNT_ID.test(accountId)) {
    return fail('accountId', 'An AWS account ID has exactly 12 digits, e.g. 123456789012.');
  }
  const alias = input.alias === null || input.alias.trim() === '' ? undefined : input.alias.trim();
  if (alias !== undefined && !AWS_ACCOUNT_ALIAS.test(alias)) {
    return fail(
      'alias',
      'An account alias has 3–63 lower-case letters, digits and single hyphens, and starts and ends with a letter or digit.',
    );
  }

  let principal: AwsMetadata['principal'];
  switch (input.principal.kind) {
    case 'iam-user': {
      const userName = input.principal.userName.trim();
      if (!IAM_USER_NAME.test(userName)) {
        return fail(
          'userName',
          'An IAM user name has 1–64 letters, digits and + = , . @ _ - characters.',
        );
      }
      principal = { kind: 'iam-user', userName };
      break;
    }
    case 'root':
      principal = { kind: 'root' };
      break;
    case 'unknown':
      principal = undefined;
      break;
  }

  let serialArn: string | undefined;
  if (input.serialArn !== null && input.serialArn.trim() !== '') {
    const parsed = parseMfaSerialArn(input.serialArn);
    if (!parsed.ok) return fail('serialArn', parsed.message);
    if (accountId !== undefined && parsed.accountId !== accountId) {
      return fail(
        'serialArn',
        `The serial ARN belongs to account ${parsed.accountId}, but this device is in account ${accountId}.`,
      );
    }
    accountId ??= parsed.accountId;
    serialArn = input.serialArn.trim();
  }

  return {
    ok: true,
    aws: {
      deviceName,
      ...(accountId === undefined ? {} : { accountId }),
      ...(alias === undefined ? {} : { alias }),
      ...(principal === undefined ? {} : { principal }),
      ...(serialArn === undefined ? {} : { serialArn }),
    },
  };
}
