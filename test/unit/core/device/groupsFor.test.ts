import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../main/core/device/device';
import { groupsFor } from '../../../../main/core/device/grouping';

let n = 0;
function device(fields: Partial<Device>): Device {
  n += 1;
  return {
    id: `11111111-1111-4111-8111-${n.toString().padStart(12, '0')}`,
    type: 'totp',
    issuer: 'Amazon Web Services',
    accountName: 'x',
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    tags: [],
    favorite: false,
    order: n,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  } as Device;
}

describe('groupsFor', () => {
  it('puts alias-only and id-only devices of one account in one group once a device links them', () => {
    const byId = device({ aws: { accountId: '123456789012', deviceName: 'alice' } });
    const byAlias = device({ aws: { alias: 'acme-prod', deviceName: 'root-mfa' } });
    const both = device({
      aws: { accountId: '123456789012', alias: 'acme-prod', deviceName: 'bob' },
    });
    const groups = groupsFor([byId, byAlias, both]);
    const expected = {
      key: 'aws:123456789012',
      label: 'AWS acme-prod (123456789012)',
      kind: 'aws',
    };
    expect(groups.get(byId.id)).toEqual(expected);
    expect(groups.get(byAlias.id)).toEqual(expected);
    expect(groups.get(both.id)).toEqual(expected);
  });

  it('keeps accounts apart when nothing links them', () => {
    const byId = device({ aws: { accountId: '123456789012', deviceName: 'alice' } });
    const byAlias = device({ aws: { alias: 'acme-prod', deviceName: 'root-mfa' } });
    const groups = groupsFor([byId, byAlias]);
    expect(groups.get(byId.id)?.key).toBe('aws:123456789012');
    expect(groups.get(byAlias.id)?.key).toBe('aws:acme-prod');
  });

  it('leaves issuer, custom and recovered groups as groupFor makes them', () => {
    const github = device({ issuer: 'GitHub', accountName: 'alice' });
    const custom = device({ group: 'Work', aws: { accountId: '123456789012', deviceName: 'w' } });
    const recovered = device({ recovered: true });
    const groups = groupsFor([github, custom, recovered]);
    expect(groups.get(github.id)).toEqual({
      key: 'issuer:github',
      label: 'GitHub',
      kind: 'issuer',
    });
    expect(groups.get(custom.id)?.kind).toBe('custom');
    expect(groups.get(recovered.id)?.kind).toBe('recovered');
  });

  it('lets the first pairing win when two devices pair an alias with different ids', () => {
    const first = device({ aws: { accountId: '111111111111', alias: 'acme', deviceName: 'a' } });
    const second = device({ aws: { accountId: '222222222222', alias: 'acme', deviceName: 'b' } });
    const aliasOnly = device({ aws: { alias: 'acme', deviceName: 'c' } });
    const groups = groupsFor([first, second, aliasOnly]);
    expect(groups.get(aliasOnly.id)?.key).toBe('aws:111111111111');
    expect(groups.get(second.id)?.key).toBe('aws:222222222222');
  });
});
