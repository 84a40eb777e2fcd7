/**
 * The list as shown (renderer, pure): favourites pinned in their own section on top, then one
 * section per group (AWS account, issuer, custom, recovered), each sorted by the chosen order,
 * and the per-user device counts of an AWS account. Search is separate (deviceSearch.ts) so a
 * keystroke never re-sorts anything.
 */
import type { DeviceView, GroupView } from '../../../preload/contract/contract';
import { deviceTitle } from '../../lib/deviceText';

export type SortMode = 'manual' | 'name' | 'recent';

export const FAVORITES_KEY = 'favorites';

export interface ListSection {
  /** `favorites`, or the group's key. */
  readonly key: string;
  readonly label: string;
  readonly kind: GroupView['kind'] | 'favorites';
  readonly devices: readonly DeviceView[];
  /**
   * Every device of the group, favourites listed on top included: what per-user counts and
   * the AWS device limit are about.
   */
  readonly members: readonly DeviceView[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(sort: SortMode): (a: DeviceView, b: DeviceView) => number {
  const byName = (a: DeviceView, b: DeviceView) =>
    collator.compare(deviceTitle(a), deviceTitle(b)) || a.id.localeCompare(b.id);
  switch (sort) {
    case 'manual':
      return (a, b) => a.order - b.order || byName(a, b);
    case 'name':
      return byName;
    case 'recent':
      // Used most recently first; never-used devices after, by name.
      return (a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || byName(a, b);
  }
}

/**
 * Sections in display order. Groups are ordered by label, or by their most recently used
 * device when sorting by recent use; favourites come first whatever the order.
 */
export function buildSections(devices: readonly DeviceView[], sort: SortMode): ListSection[] {
  const compare = compareBy(sort);
  const favorites: DeviceView[] = [];
  const byKey = new Map<string, { group: GroupView; devices: DeviceView[] }>();
  const members = new Map<string, DeviceView[]>();
  for (const device of devices) {
    const all = members.get(device.group.key);
    if (all === undefined) members.set(device.group.key, [device]);
    else all.push(device);
    if (device.favorite) {
      favorites.push(device);
      continue;
    }
    const entry = byKey.get(device.group.key);
    if (entry === undefined) {
      byKey.set(device.group.key, { group: device.group, devices: [device] });
    } else {
      entry.devices.push(device);
    }
  }
  const groups = [...byKey.values()];
  for (const entry of groups) {
    entry.devices.sort(compare);
  }
  const lastUsed = (entry: { devices: DeviceView[] }) =>
    Math.max(-1, ...entry.devices.map(device => device.lastUsedAt ?? -1));
  groups.sort(
    (a, b) =>
      (sort === 'recent' ? lastUsed(b) - lastUsed(a) : 0) ||
      collator.compare(a.group.label, b.group.label) ||
      a.group.key.localeCompare(b.group.key),
  );
  const sections: ListSection[] = groups.map(({ group, devices: entries }) => ({
    key: group.key,
    label: group.label,
    kind: group.kind,
    devices: entries,
    members: members.get(group.key) ?? entries,
  }));
  if (favorites.length > 0) {
    sections.unshift({
      key: FAVORITES_KEY,
      label: 'Favourites',
      kind: 'favorites',
      devices: favorites.sort(compare),
      members: favorites,
    });
  }
  return sections;
}

export interface PrincipalCount {
  /** "alice", "root", or "user not set". */
  readonly label: string;
  readonly count: number;
  readonly kind: 'root' | 'iam-user' | 'unknown';
}

/** Devices per IAM user and root in one AWS account: root first, users by name, unknown last. */
export function principalCounts(devices: readonly DeviceView[]): PrincipalCount[] {
  const users = new Map<string, number>();
  let root = 0;
  let unknown = 0;
  for (const { aws } of devices) {
    if (aws === null) continue;
    if (aws.root) root += 1;
    else if (aws.iamUser !== null) users.set(aws.iamUser, (users.get(aws.iamUser) ?? 0) + 1);
    else unknown += 1;
  }
  const counts: PrincipalCount[] = [];
  if (root > 0) counts.push({ label: 'root', count: root, kind: 'root' });
  for (const [name, count] of [...users].sort(([a], [b]) => collator.compare(a, b))) {
    counts.push({ label: name, count, kind: 'iam-user' });
  }
  if (unknown > 0) counts.push({ label: 'user not set', count: unknown, kind: 'unknown' });
  return counts;
}

/** Where a keyboard move sends a device: next to its neighbour in the same section. */
export function neighbourMove(
  section: readonly Pick<DeviceView, 'id'>[],
  id: string,
  direction: 'up' | 'down',
): { readonly before: string } | { readonly after: string } | null {
  const index = section.findIndex(device => device.id === id);
  if (index < 0) return null;
  const neighbour = section[index + (direction === 'up' ? -1 : 1)];
  if (neighbour === undefined) return null;
  return direction === 'up' ? { before: neighbour.id } : { after: neighbour.id };
}
