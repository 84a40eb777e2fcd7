/**
 * How devices are named, grouped and searched on screen (renderer, pure). The accessible names
 * built here are relied on by end-to-end tests: change them together with those tests.
 */
import type { DeviceView, GroupView } from '../../preload/contract/contract';
import { deviceMatches, queryWords } from './deviceSearch';

type Named = Pick<DeviceView, 'issuer' | 'accountName'>;

/** `<issuer> <accountName>`, with `(no issuer)` for an empty issuer and no empty account. */
export function deviceTitle({ issuer, accountName }: Named): string {
  const who = issuer.trim() === '' ? '(no issuer)' : issuer.trim();
  const account = accountName.trim();
  return account === '' ? who : `${who} ${account}`;
}

/** The issuer as shown, or `(no issuer)`. */
export function issuerLine({ issuer }: Named): string {
  return issuer.trim() === '' ? '(no issuer)' : issuer.trim();
}

type RowFields = Pick<DeviceView, 'issuer' | 'accountName' | 'aws' | 'group'>;

/**
 * The row's first, bold line: what tells it apart from its neighbours, since the group heading
 * already names the rest. AWS: the MFA device name (the heading names the account); in an
 * issuer's group: the account name; elsewhere (custom, recovered): the issuer.
 */
export function primaryLine(device: RowFields): string {
  if (device.aws !== null) {
    return device.aws.deviceName;
  }
  if (device.group.kind === 'issuer' && device.accountName.trim() !== '') {
    return device.accountName;
  }
  return issuerLine(device);
}

/**
 * The row's second line, or '' for none: for an AWS device, who it belongs to (IAM user or
 * root), plus the account when the heading does not show it; in a custom or recovered group,
 * the account name.
 */
export function secondaryLine(device: RowFields): string {
  const { aws } = device;
  if (aws === null) {
    return device.group.kind === 'issuer' ? '' : device.accountName;
  }
  // Until the user says whose device it is, say nothing: the heading already says "AWS".
  const principal = aws.root ? 'Root user' : aws.iamUser === null ? '' : `IAM user ${aws.iamUser}`;
  if (device.group.kind === 'aws') return principal;
  return [aws.alias, aws.accountId, principal || null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}

export interface DeviceGroupView {
  readonly group: GroupView;
  readonly devices: readonly DeviceView[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Groups devices by `group.key`; groups sorted by label, devices by `order` then title. */
export function groupDevices(devices: readonly DeviceView[]): DeviceGroupView[] {
  const byKey = new Map<string, { group: GroupView; devices: DeviceView[] }>();
  for (const device of devices) {
    const entry = byKey.get(device.group.key);
    if (entry === undefined) {
      byKey.set(device.group.key, { group: device.group, devices: [device] });
    } else {
      entry.devices.push(device);
    }
  }
  const groups = [...byKey.values()];
  for (const entry of groups) {
    entry.devices.sort(
      (a, b) => a.order - b.order || collator.compare(deviceTitle(a), deviceTitle(b)),
    );
  }
  return groups.sort(
    (a, b) =>
      collator.compare(a.group.label, b.group.label) || a.group.key.localeCompare(b.group.key),
  );
}

/**
 * Whether a device matches a search: every word of the query must appear in its issuer,
 * account name, group label, AWS account alias, ID, device name, IAM user or serial ARN, or
 * its tags (see deviceSearch.ts, which caches the folded text per device).
 */
export function matchesQuery(device: DeviceView, query: string): boolean {
  return deviceMatches(device, queryWords(query));
}
