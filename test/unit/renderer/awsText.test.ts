import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../preload/contract/contract';
import {
  consoleSignInUrl,
  groupAccount,
  isAccountId,
  normalizeAccountId,
  overLimitLine,
  suggestSerialArn,
  usersOverMfaLimit,
} from '../../../renderer/lib/awsText';

type Aws = NonNullable<DeviceView['aws']>;

function device(aws: Partial<Aws> | null, id = 1): DeviceView {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    type: 'totp',
    issuer: 'Amazon Web Services',
    accountName: 'x@123456789012',
    labelIssuer: null,
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    group: { key: 'aws:123456789012', label: 'AWS 123456789012', kind: 'aws' },
    aws:
      aws === null
        ? null
        : {
            accountId: null,
            alias: null,
            deviceName: 'x',
            iamUser: null,
            root: false,
            serialArn: null,
            ...aws,
          },
    tags: [],
    favorite: false,
    order: id,
    secretStatus: 'ok',
    createdAt: 0,
    lastUsedAt: null,
  };
}

describe('normalizeAccountId', () => {
  it('accepts the ways people write account IDs', () => {
    expect(normalizeAccountId('1234-5678-9012')).toBe('123456789012');
    expect(normalizeAccountId(' 1234 5678 9012 ')).toBe('123456789012');
    expect(isAccountId('1234-5678-9012')).toBe(true);
    expect(isAccountId('12345678901')).toBe(false);
    expect(isAccountId('acme-prod')).toBe(false);
  });
});

describe('suggestSerialArn', () => {
  it('builds the default-path serial ARN from the account ID and device name', () => {
    expect(suggestSerialArn('1234-5678-9012', ' alice ')).toBe(
      'arn:aws:iam::123456789012:mfa/alice',
    );
  });

  it('suggests nothing without a 12-digit account ID or a device name', () => {
    expect(suggestSerialArn('', 'alice')).toBeNull();
    expect(suggestSerialArn('acme-prod', 'alice')).toBeNull();
    expect(suggestSerialArn('123456789012', '  ')).toBeNull();
  });
});

describe('consoleSignInUrl', () => {
  it('prefers the account ID, else the alias', () => {
    expect(consoleSignInUrl({ accountId: '123456789012', alias: 'acme-prod' })).toBe(
      'https://123456789012.signin.aws.amazon.com/console',
    );
    expect(consoleSignInUrl({ accountId: null, alias: 'acme-prod' })).toBe(
      'https://acme-prod.signin.aws.amazon.com/console',
    );
  });

  it('never builds a link from something that is not an account ID or alias', () => {
    expect(consoleSignInUrl({ accountId: null, alias: null })).toBeNull();
    expect(consoleSignInUrl({ accountId: null, alias: 'evil.example.com/x' })).toBeNull();
    expect(consoleSignInUrl({ accountId: '12345', alias: 'UPPER' })).toBeNull();
  });
});

describe('groupAccount', () => {
  it('takes the first known ID and alias among the devices', () => {
    expect(
      groupAccount([
        device({ alias: 'acme-prod' }, 1),
        device({ accountId: '123456789012' }, 2),
        device(null, 3),
      ]),
    ).toEqual({ accountId: '123456789012', alias: 'acme-prod' });
  });
});

describe('usersOverMfaLimit', () => {
  const many = (count: number, aws: Partial<Aws>) =>
    Array.from({ length: count }, (_, index) => device(aws, index + 1));

  it('allows 8 devices per user', () => {
    expect(usersOverMfaLimit(many(8, { iamUser: 'bob' }))).toEqual([]);
  });

  it('flags a ninth device for the same IAM user, and for the root user', () => {
    expect(
      usersOverMfaLimit([
        ...many(9, { iamUser: 'bob' }),
        ...many(9, { root: true }),
        ...many(5, { iamUser: 'alice' }),
      ]),
    ).toEqual([
      { iamUser: 'bob', count: 9 },
      { iamUser: null, count: 9 },
    ]);
  });

  it('does not count devices whose user is not set', () => {
    expect(usersOverMfaLimit(many(12, {}))).toEqual([]);
  });

  it('says who is over the limit', () => {
    expect(overLimitLine({ iamUser: 'bob', count: 9 })).toBe(
      'IAM user bob has 9 MFA devices recorded here.',
    );
    expect(overLimitLine({ iamUser: null, count: 10 })).toBe(
      'The root user has 10 MFA devices recorded here.',
    );
  });
});
