import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceEditInput } from '../../../../preload/contract/editChannels';
import {
  applyDeviceEdit,
  cleanTags,
  validateDeviceEdit,
} from '../../../../main/core/device/deviceEdit';
import { Device } from '../../../../main/core/device/device';

const base: DeviceEditInput = {
  issuer: 'Amazon Web Services',
  accountName: 'alice@123456789012',
  group: '',
  tags: [],
  aws: {
    accountId: '123456789012',
    alias: null,
    deviceName: 'alice',
    principal: { kind: 'iam-user', userName: 'alice' },
    serialArn: 'arn:aws:iam::123456789012:mfa/alice',
  },
};

const stored: Device = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'totp',
  issuer: 'Bank',
  accountName: 'alice',
  labelIssuer: 'Evil',
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  group: 'Old group',
  aws: { deviceName: 'x', accountId: '111122223333' },
  tags: ['old'],
  favorite: true,
  order: 3,
  createdAt: 1,
  updatedAt: 1,
};

describe('validateDeviceEdit', () => {
  it('accepts a complete AWS edit and cleans the names', () => {
    const outcome = validateDeviceEdit({
      ...base,
      issuer: ' Amazon Web Services\u202e ',
      group: ' Work ',
      tags: ['prod', ' Prod ', '', 'ci'],
    });
    expect(outcome).toEqual({
      ok: true,
      edit: {
        issuer: 'Amazon Web Services',
        accountName: 'alice@123456789012',
        group: 'Work',
        tags: ['prod', 'ci'],
        aws: {
          accountId: '123456789012',
          deviceName: 'alice',
          principal: { kind: 'iam-user', userName: 'alice' },
          serialArn: 'arn:aws:iam::123456789012:mfa/alice',
        },
      },
    });
  });

  it.each([
    [{ issuer: ' ', accountName: '' }, 'issuer', /issuer or an account name/],
    [{ issuer: 'a\u0000b' }, 'issuer', /NUL/],
    [{ accountName: 'x'.repeat(513) }, 'accountName', /512/],
    [{ issuer: '\u0958'.repeat(200) }, 'issuer', /256/],
    [{ group: 'g'.repeat(129) }, 'group', /128/],
    [{ tags: ['t'.repeat(65)] }, 'tags', /64/],
    [{ tags: Array.from({ length: 33 }, (_, i) => `t${String(i)}`) }, 'tags', /32 tags/],
  ] as const)('refuses %j, naming the field', (change, field, message) => {
    const outcome = validateDeviceEdit({ ...base, ...(change as Partial<DeviceEditInput>) });
    expect(outcome).toMatchObject({ ok: false, field });
    if (!outcome.ok) expect(outcome.message).toMatch(message);
  });

  it.each([
    [{ accountId: '12345' }, 'accountId', /12 digits/],
    [{ alias: 'Bad--Alias' }, 'alias', /alias/],
    [{ principal: { kind: 'iam-user', userName: 'has space' } }, 'userName', /IAM user name/],
    [{ deviceName: ' ' }, 'deviceName', /device name/],
    [{ serialArn: 'arn:aws:iam::123456789012:user/alice' }, 'serialArn', /not of an MFA device/],
    [{ serialArn: 'arn:aws:iam::999999999999:mfa/alice' }, 'serialArn', /belongs to account/],
    [{ serialArn: 'arn:aws:iam::123456789012:mfa/alice smith' }, 'serialArn', /may contain only/],
  ] as const)('refuses the AWS details %j under their field', (change, field, message) => {
    const outcome = validateDeviceEdit({ ...base, aws: { ...base.aws!, ...change } });
    expect(outcome).toMatchObject({ ok: false, field });
    if (!outcome.ok) expect(outcome.message).toMatch(message);
  });

  it('accepts the suggested ARN for the account and device name', () => {
    const outcome = validateDeviceEdit({
      ...base,
      aws: { ...base.aws!, serialArn: 'arn:aws:iam::1234-5678-9012:mfa/alice' },
    });
    expect(outcome.ok).toBe(false); // the ARN itself must carry the plain 12 digits
    const suggested = validateDeviceEdit({
      ...base,
      aws: {
        ...base.aws!,
        accountId: '1234 5678 9012',
        serialArn: 'arn:aws:iam::123456789012:mfa/alice',
      },
    });
    expect(suggested).toMatchObject({ ok: true, edit: { aws: { accountId: '123456789012' } } });
  });

  it('never throws and never yields something the stored schema refuses', () => {
    fc.assert(
      fc.property(
        fc.record({
          issuer: fc.string({ maxLength: 256 }),
          accountName: fc.string({ maxLength: 512 }),
          group: fc.string({ maxLength: 128 }),
          tags: fc.array(fc.string({ maxLength: 64 }), { maxLength: 32 }),
        }),
        fuzz => {
          const outcome = validateDeviceEdit({ ...fuzz, aws: null });
          if (outcome.ok) {
            expect(Device.safeParse(applyDeviceEdit(stored, outcome.edit, 5)).success).toBe(true);
          }
        },
      ),
    );
  });
});

describe('applyDeviceEdit', () => {
  it('replaces names, group, tags and AWS details, keeping everything else', () => {
    const outcome = validateDeviceEdit({ ...base, issuer: 'Bank', group: '', tags: ['a'] });
    if (!outcome.ok) throw new Error(outcome.message);
    const next = applyDeviceEdit(stored, outcome.edit, 42);
    expect(next).toMatchObject({ favorite: true, order: 3, createdAt: 1, updatedAt: 42 });
    expect(next.group).toBeUndefined();
    expect(next.tags).toEqual(['a']);
    expect(next.aws?.serialArn).toBe('arn:aws:iam::123456789012:mfa/alice');
    expect(next.labelIssuer).toBe('Evil'); // the issuer was not changed: the warning stays
  });

  it('removes AWS details when the device is no longer marked as AWS, and settles a changed issuer', () => {
    const outcome = validateDeviceEdit({ ...base, issuer: 'Evil', aws: null });
    if (!outcome.ok) throw new Error(outcome.message);
    const next = applyDeviceEdit(stored, outcome.edit, 42);
    expect(next.aws).toBeUndefined();
    expect(next.labelIssuer).toBeUndefined();
  });
});

describe('cleanTags', () => {
  it('drops empty tags and duplicates ignoring case, keeping the first spelling', () => {
    expect(cleanTags(['Prod', 'prod', ' ', 'CI'])).toEqual({ ok: true, tags: ['Prod', 'CI'] });
  });
});
