import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwsView } from '../../../preload/contract/contract';
import { matchingIds } from '../../../renderer/lib/deviceSearch';
import {
  FAVORITES_KEY,
  buildSections,
  neighbourMove,
  principalCounts,
} from '../../../renderer/features/devices/listModel';
import { resolveMotion, resolveTheme } from '../../../renderer/features/settings/displaySettings';
import { deviceView } from './deviceViewFixture';

const device = deviceView;

const aws = (fields: Partial<AwsView>): AwsView => ({
  accountId: '123456789012',
  alias: null,
  deviceName: 'mfa',
  iamUser: null,
  root: false,
  serialArn: null,
  ...fields,
});
const awsGroup = { key: 'aws:123456789012', label: 'AWS 123456789012', kind: 'aws' } as const;

describe('buildSections', () => {
  it('pins favourites in their own section on top, out of their groups', () => {
    const pinned = device({
      favorite: true,
      issuer: 'Zulu',
      group: { key: 'issuer:zulu', label: 'Zulu', kind: 'issuer' },
    });
    const other = device();
    const sections = buildSections([other, pinned], 'manual');
    expect(sections.map(section => section.key)).toEqual([FAVORITES_KEY, 'issuer:github']);
    expect(sections[0]?.devices).toEqual([pinned]);
    // The Zulu group has no section of its own while its only device is a favourite.
    expect(sections.some(section => section.key === 'issuer:zulu')).toBe(false);
  });

  it("keeps favourites among an account's members for its per-user counts", () => {
    const pinned = device({ favorite: true, group: awsGroup, aws: aws({ iamUser: 'alice' }) });
    const kept = device({ group: awsGroup, aws: aws({ iamUser: 'alice' }) });
    const account = buildSections([pinned, kept], 'manual').find(s => s.key === awsGroup.key);
    expect(account?.devices).toEqual([kept]);
    expect(account?.members).toEqual([pinned, kept]);
  });

  it('sorts by manual order, by name, or most recently used first', () => {
    const b = device({ accountName: 'bert', order: 0, lastUsedAt: 10 });
    const a = device({ accountName: 'anna', order: 2, lastUsedAt: null });
    const c = device({ accountName: 'cleo', order: 1, lastUsedAt: 50 });
    const names = (sort: 'manual' | 'name' | 'recent') =>
      buildSections([a, b, c], sort)[0]?.devices.map(d => d.accountName);
    expect(names('manual')).toEqual(['bert', 'cleo', 'anna']);
    expect(names('name')).toEqual(['anna', 'bert', 'cleo']);
    expect(names('recent')).toEqual(['cleo', 'bert', 'anna']);
  });

  it('orders groups by label, or by their latest use when sorting by recent use', () => {
    const zulu = device({
      issuer: 'Zulu',
      group: { key: 'issuer:zulu', label: 'Zulu', kind: 'issuer' },
      lastUsedAt: 99,
    });
    const gh = device({ lastUsedAt: 1 });
    expect(buildSections([zulu, gh], 'name').map(s => s.label)).toEqual(['GitHub', 'Zulu']);
    expect(buildSections([zulu, gh], 'recent').map(s => s.label)).toEqual(['Zulu', 'GitHub']);
  });

  it('lists every device exactly once, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ favorite: fc.boolean(), group: fc.nat(4), order: fc.nat(9) }), {
          maxLength: 30,
        }),
        fc.constantFrom('manual', 'name', 'recent'),
        (specs, sort) => {
          const devices = specs.map(spec =>
            device({
              favorite: spec.favorite,
              order: spec.order,
              group: { key: `issuer:g${spec.group}`, label: `G${spec.group}`, kind: 'issuer' },
            }),
          );
          const listed = buildSections(devices, sort).flatMap(section => section.devices);
          expect(listed.map(d => d.id).sort()).toEqual(devices.map(d => d.id).sort());
        },
      ),
    );
  });
});

describe('principalCounts', () => {
  it('counts devices per IAM user and root: root first, users by name, unknown last', () => {
    const devices = [
      device({ aws: aws({ iamUser: 'bob' }) }),
      device({ aws: aws({ iamUser: 'alice' }) }),
      device({ aws: aws({ iamUser: 'bob' }) }),
      device({ aws: aws({ root: true }) }),
      device({ aws: aws({}) }),
      device(),
    ];
    expect(principalCounts(devices)).toEqual([
      { label: 'root', count: 1, kind: 'root' },
      { label: 'alice', count: 1, kind: 'iam-user' },
      { label: 'bob', count: 2, kind: 'iam-user' },
      { label: 'user not set', count: 1, kind: 'unknown' },
    ]);
  });
});

describe('neighbourMove', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('moves before the previous row or after the next one, and not past the ends', () => {
    expect(neighbourMove(rows, 'b', 'up')).toEqual({ before: 'a' });
    expect(neighbourMove(rows, 'b', 'down')).toEqual({ after: 'c' });
    expect(neighbourMove(rows, 'a', 'up')).toBeNull();
    expect(neighbourMove(rows, 'c', 'down')).toBeNull();
    expect(neighbourMove(rows, 'x', 'up')).toBeNull();
  });
});

describe('matchingIds', () => {
  it('matches every word against issuer, account, alias, account ID, IAM user, ARN and tags', () => {
    const arn = device({
      issuer: 'Amazon Web Services',
      group: awsGroup,
      aws: aws({
        alias: 'acme-dev',
        iamUser: 'alice',
        serialArn: 'arn:aws:iam::123456789012:mfa/alice-phone',
      }),
    });
    const tagged = device({ tags: ['Production'] });
    const plain = device({ accountName: 'carol' });
    const all = [arn, tagged, plain];
    expect(matchingIds(all, '')).toBeNull();
    expect(matchingIds(all, '   ')).toBeNull();
    expect([...(matchingIds(all, 'acme-dev alice') ?? [])]).toEqual([arn.id]);
    expect([...(matchingIds(all, 'mfa/alice-phone') ?? [])]).toEqual([arn.id]);
    expect([...(matchingIds(all, '1234567890') ?? [])]).toEqual([arn.id]);
    expect([...(matchingIds(all, 'PRODUCTION') ?? [])]).toEqual([tagged.id]);
    expect([...(matchingIds(all, 'cärol') ?? [])]).toEqual([plain.id]);
    expect(matchingIds(all, 'github nobody')?.size).toBe(0);
  });
});

describe('display settings', () => {
  it('resolves "system" from the media queries and keeps explicit choices', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveMotion('system', true)).toBe('reduce');
    expect(resolveMotion('full', true)).toBe('full');
    expect(resolveMotion('reduce', false)).toBe('reduce');
  });
});
