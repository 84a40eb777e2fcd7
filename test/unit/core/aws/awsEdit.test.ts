import { describe, expect, it } from 'vitest';
import type { AwsEditInput } from '../../../../preload/contract/contract';
import { validateAwsEdit } from '../../../../main/core/aws/awsEdit';

const base: AwsEditInput = {
  accountId: '123456789012',
  alias: null,
  deviceName: 'alice-laptop',
  principal: { kind: 'iam-user', userName: 'alice' },
  serialArn: 'arn:aws:iam::123456789012:mfa/alice-laptop',
};

describe('validateAwsEdit', () => {
  it('accepts consistent metadata', () => {
    expect(validateAwsEdit(base)).toEqual({
      ok: true,
      aws: {
        accountId: '123456789012',
        deviceName: 'alice-laptop',
        principal: { kind: 'iam-user', userName: 'alice' },
        serialArn: 'arn:aws:iam::123456789012:mfa/alice-laptop',
      },
    });
  });

  it('accepts account IDs written with dashes or spaces', () => {
    expect(validateAwsEdit({ ...base, accountId: '1234-5678-9012' })).toMatchObject({
      ok: true,
      aws: { accountId: '123456789012' },
    });
  });

  it('takes the account ID from the serial ARN when none was given', () => {
    expect(validateAwsEdit({ ...base, accountId: null })).toMatchObject({
      ok: true,
      aws: { accountId: '123456789012' },
    });
  });

  it.each([
    [{ accountId: '12345' }, /12 digits/],
    [{ alias: 'Bad--Alias' }, /alias/],
    [{ principal: { kind: 'iam-user', userName: 'has space' } }, /IAM user name/],
    [{ serialArn: 'arn:aws:iam::999999999999:mfa/alice' }, /belongs to account 999999999999/],
    [
      { serialArn: 'arn:aws:iam::123456789012:user/alice' },
      /IAM user, not of an MFA device|not.*MFA/i,
    ],
    [{ deviceName: '  ' }, /device name/],
  ] as const)('refuses %j with a message', (change, message) => {
    const outcome = validateAwsEdit({ ...base, ...change });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(message);
  });

  it('records root and unknown principals', () => {
    expect(validateAwsEdit({ ...base, principal: { kind: 'root' } })).toMatchObject({
      ok: true,
      aws: { principal: { kind: 'root' } },
    });
    const unknown = validateAwsEdit({ ...base, principal: { kind: 'unknown' } });
    expect(unknown.ok && unknown.aws.principal).toBeUndefined();
  });
});
