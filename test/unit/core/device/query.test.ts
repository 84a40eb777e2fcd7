import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../main/core/device/device';
import { findDevice } from '../../../../main/core/device/query';

let n = 0;
function device(issuer: string, accountName: string, extra: Partial<Device> = {}): Device {
  n += 1;
  return {
    id: `0000000${n}-aaaa-4aaa-8aaa-aaaaaaaaaaaa`.slice(-36),
    type: 'totp',
    issuer,
    accountName,
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    tags: [],
    favorite: false,
    order: n,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  } as Device;
}

const github = device('GitHub', 'alice');
const gitlab = device('GitLab', 'alice');
const aws = device('Amazon Web Services', 'admin@123456789012', {
  aws: { accountId: '123456789012', deviceName: 'admin' },
});
const all = [github, gitlab, aws];

describe('findDevice', () => {
  it('matches an exact id', () => {
    expect(findDevice(all, github.id)).toEqual({ kind: 'match', device: github });
  });

  it('matches an exact issuer:account label, ignoring case', () => {
    expect(findDevice(all, 'github:ALICE')).toEqual({ kind: 'match', device: github });
  });

  it('matches an AWS device by device-name@account', () => {
    expect(findDevice(all, 'admin@123456789012')).toEqual({ kind: 'match', device: aws });
  });

  it('matches a unique substring', () => {
    expect(findDevice(all, 'gitl')).toEqual({ kind: 'match', device: gitlab });
  });

  it('reports an ambiguous query with its candidates instead of guessing', () => {
    expect(findDevice(all, 'alice')).toEqual({ kind: 'ambiguous', candidates: [github, gitlab] });
  });

  it('reports no match for unknown and empty queries', () => {
    expect(findDevice(all, 'bitbucket')).toEqual({ kind: 'none' });
    expect(findDevice(all, '  ')).toEqual({ kind: 'none' });
  });
});
