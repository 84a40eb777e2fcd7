import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../main/core/device/device';
import { groupFor } from '../../../../main/core/device/grouping';

const base: Device = {
  id: '11111111-1111-4111-8111-111111111111',
  type: 'totp',
  issuer: 'GitHub',
  accountName: 'alice',
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  tags: [],
  favorite: false,
  order: 0,
  createdAt: 0,
  updatedAt: 0,
};

describe('groupFor', () => {
  it('groups AWS devices under their account, keyed by the numeric id when known', () => {
    const device: Device = {
      ...base,
      issuer: 'Amazon Web Services',
      aws: { accountId: '123456789012', deviceName: 'admin' },
    };
    expect(groupFor(device)).toEqual({
      key: 'aws:123456789012',
      label: 'AWS 123456789012',
      kind: 'aws',
    });
  });

  it('groups an alias-only AWS account by its alias', () => {
    const device: Device = { ...base, aws: { alias: 'acme-prod', deviceName: 'root-mfa' } };
    expect(groupFor(device)).toEqual({ key: 'aws:acme-prod', label: 'AWS acme-prod', kind: 'aws' });
  });

  it('groups other devices by issuer, case-insensitively', () => {
    expect(groupFor(base).key).toBe(groupFor({ ...base, issuer: 'github' }).key);
    expect(groupFor({ ...base, issuer: '' })).toEqual({
      key: 'issuer:',
      label: '(no issuer)',
      kind: 'issuer',
    });
  });

  it('puts recovered devices in the Recovered group and honours a user-chosen group', () => {
    expect(groupFor({ ...base, recovered: true }).kind).toBe('recovered');
    expect(groupFor({ ...base, group: 'Work' })).toEqual({
      key: 'custom:Work',
      label: 'Work',
      kind: 'custom',
    });
  });
});
