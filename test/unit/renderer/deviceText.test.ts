import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../preload/contract/contract';
import {
  deviceTitle,
  groupDevices,
  matchesQuery,
  primaryLine,
  secondaryLine,
} from '../../../renderer/lib/deviceText';

let next = 0;
function device(overrides: Partial<DeviceView> = {}): DeviceView {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    type: 'totp',
    issuer: 'GitHub',
    accountName: 'alice',
    labelIssuer: null,
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    group: { key: 'issuer:github', label: 'GitHub', kind: 'issuer' },
    aws: null,
    tags: [],
    favorite: false,
    order: 0,
    secretStatus: 'ok',
    createdAt: 0,
    lastUsedAt: null,
    ...overrides,
  };
}

describe('deviceTitle', () => {
  it('joins issuer and account name with a space', () => {
    expect(deviceTitle({ issuer: 'GitHub', accountName: 'alice' })).toBe('GitHub alice');
  });

  it('says (no issuer) when the issuer is empty', () => {
    expect(deviceTitle({ issuer: '  ', accountName: 'alice' })).toBe('(no issuer) alice');
  });

  it('omits an empty account name', () => {
    expect(deviceTitle({ issuer: 'GitHub', accountName: '' })).toBe('GitHub');
  });
});

describe('primaryLine and secondaryLine', () => {
  const awsGroup = {
    key: 'aws:123456789012',
    label: 'AWS prod (123456789012)',
    kind: 'aws',
  } as const;
  const aws = {
    accountId: '123456789012',
    alias: 'prod',
    deviceName: 'laptop',
    iamUser: 'alice',
    root: false,
    serialArn: null,
  };

  it('shows the MFA device name and IAM user of an AWS device', () => {
    const row = device({
      issuer: 'Amazon Web Services',
      accountName: 'laptop@prod',
      aws,
      group: awsGroup,
    });
    expect(primaryLine(row)).toBe('laptop');
    expect(secondaryLine(row)).toBe('IAM user alice');
  });

  it('adds no second line to an AWS device whose IAM user is not known yet', () => {
    const row = device({ aws: { ...aws, iamUser: null }, group: awsGroup });
    expect(secondaryLine(row)).toBe('');
  });

  it('says Root user for a root device', () => {
    const row = device({ aws: { ...aws, iamUser: null, root: true }, group: awsGroup });
    expect(secondaryLine(row)).toBe('Root user');
  });

  it('names the AWS account when the group heading does not', () => {
    const custom = { key: 'custom:work', label: 'Work', kind: 'custom' } as const;
    expect(secondaryLine(device({ aws, group: custom }))).toBe(
      'prod · 123456789012 · IAM user alice',
    );
  });

  it('shows only the account name in its issuer group (the heading names the issuer)', () => {
    const row = device({ issuer: 'GitHub', accountName: 'alice' });
    expect(primaryLine(row)).toBe('alice');
    expect(secondaryLine(row)).toBe('');
  });

  it('falls back to the issuer when the account name is empty', () => {
    expect(primaryLine(device({ issuer: 'GitHub', accountName: ' ' }))).toBe('GitHub');
  });

  it('shows issuer and account name in a custom or recovered group', () => {
    const recovered = { key: 'recovered', label: 'Recovered', kind: 'recovered' } as const;
    const row = device({ issuer: '', accountName: 'alice', group: recovered });
    expect(primaryLine(row)).toBe('(no issuer)');
    expect(secondaryLine(row)).toBe('alice');
  });
});

describe('groupDevices', () => {
  it('sorts groups by label and devices by order', () => {
    const zeta = { key: 'issuer:zeta', label: 'Zeta', kind: 'issuer' } as const;
    const aws = { key: 'aws:1', label: 'AWS prod (123456789012)', kind: 'aws' } as const;
    const a = device({ group: zeta, order: 2, accountName: 'a' });
    const b = device({ group: zeta, order: 1, accountName: 'b' });
    const c = device({ group: aws, order: 0 });
    const groups = groupDevices([a, b, c]);
    expect(groups.map(entry => entry.group.label)).toEqual(['AWS prod (123456789012)', 'Zeta']);
    expect(groups[1]?.devices.map(d => d.accountName)).toEqual(['b', 'a']);
  });

  it('compares labels without regard to case', () => {
    const lower = device({ group: { key: 'issuer:a', label: 'apple', kind: 'issuer' } });
    const upper = device({ group: { key: 'issuer:b', label: 'Banana', kind: 'issuer' } });
    expect(groupDevices([upper, lower]).map(entry => entry.group.label)).toEqual([
      'apple',
      'Banana',
    ]);
  });
});

describe('matchesQuery', () => {
  it('matches every word against issuer, account and AWS fields, ignoring case and accents', () => {
    const aws = device({
      issuer: 'Amazon Web Services',
      group: { key: 'aws:123456789012', label: 'AWS prod (123456789012)', kind: 'aws' },
      accountName: 'laptop@prod',
      aws: {
        accountId: '123456789012',
        alias: 'prod',
        deviceName: 'laptop',
        iamUser: 'alice',
        root: false,
        serialArn: null,
      },
    });
    expect(matchesQuery(aws, 'amazon PROD')).toBe(true);
    expect(matchesQuery(aws, '1234567')).toBe(true);
    expect(matchesQuery(aws, 'prod github')).toBe(false);
    expect(matchesQuery(device({ issuer: 'Gïthub' }), 'github')).toBe(true);
  });

  it('matches everything for an empty query', () => {
    expect(matchesQuery(device(), '   ')).toBe(true);
  });
});
