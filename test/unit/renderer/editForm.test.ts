import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../preload/contract/contract';
import { initialEditForm, splitTags, toEditInput } from '../../../renderer/features/edit/editForm';

const view = (overrides: Partial<DeviceView> = {}): DeviceView => ({
  id: '00000000-0000-4000-8000-000000000001',
  type: 'totp',
  issuer: 'Amazon Web Services',
  accountName: 'alice@example.com@123456789012',
  labelIssuer: null,
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  group: { key: 'aws:123456789012', label: 'AWS 123456789012', kind: 'aws' },
  aws: null,
  tags: [],
  favorite: false,
  order: 0,
  secretStatus: 'ok',
  createdAt: 0,
  lastUsedAt: null,
  ...overrides,
});

describe('initialEditForm', () => {
  it('offers the AWS section for an AWS-issued device without details, named from the label', () => {
    const form = initialEditForm(view());
    expect(form).toMatchObject({
      isAws: true,
      deviceName: 'alice@example.com',
      principal: 'unknown',
      group: '',
      serialArn: '',
    });
  });

  it('shows stored AWS details, a custom group and tags', () => {
    const form = initialEditForm(
      view({
        group: { key: 'custom:Work', label: 'Work', kind: 'custom' },
        tags: ['prod', 'ci'],
        aws: {
          accountId: '123456789012',
          alias: 'acme',
          deviceName: 'alice',
          iamUser: null,
          root: true,
          serialArn: 'arn:aws:iam::123456789012:mfa/alice',
        },
      }),
    );
    expect(form).toMatchObject({
      group: 'Work',
      tags: 'prod, ci',
      principal: 'root',
      alias: 'acme',
      serialArn: 'arn:aws:iam::123456789012:mfa/alice',
    });
  });

  it('does not mark other issuers or HOTP devices as AWS', () => {
    expect(initialEditForm(view({ issuer: 'GitHub' })).isAws).toBe(false);
    expect(initialEditForm(view({ type: 'hotp', periodSeconds: null })).isAws).toBe(false);
  });
});

describe('toEditInput', () => {
  it('sends tags split on commas, blanks as null, and no AWS details when unticked', () => {
    const form = initialEditForm(view());
    expect(toEditInput({ ...form, tags: ' a, ,b ,', accountId: ' ', isAws: true })).toMatchObject({
      tags: ['a', 'b'],
      aws: { accountId: null, alias: null, principal: { kind: 'unknown' }, serialArn: null },
    });
    expect(toEditInput({ ...form, isAws: false }).aws).toBeNull();
    expect(toEditInput({ ...form, principal: 'iam-user', userName: 'bob' }).aws?.principal).toEqual(
      { kind: 'iam-user', userName: 'bob' },
    );
  });
});

describe('splitTags', () => {
  it('drops empty entries', () => {
    expect(splitTags('')).toEqual([]);
    expect(splitTags('x,,y')).toEqual(['x', 'y']);
  });
});
