/**
 * Which group a device is listed under (core, pure): its AWS account, a group the user chose,
 * "Recovered" for seeds found in the keychain without metadata, or else its issuer.
 */
import type { Device } from './device';

export interface DeviceGroup {
  readonly key: string;
  readonly label: string;
  readonly kind: 'aws' | 'issuer' | 'custom' | 'recovered';
}

export const RECOVERED_GROUP: DeviceGroup = {
  key: 'recovered',
  label: 'Recovered',
  kind: 'recovered',
};

export function groupFor(device: Device): DeviceGroup {
  if (device.recovered === true) {
    return RECOVERED_GROUP;
  }
  if (device.group !== undefined) {
    return { key: `custom:${device.group}`, label: device.group, kind: 'custom' };
  }
  const aws = device.aws;
  if (aws !== undefined && (aws.accountId !== undefined || aws.alias !== undefined)) {
    // The numeric id is the stable key when known; an alias-only account groups by alias.
    return awsGroup(aws.accountId, aws.alias);
  }
  const issuer = device.issuer.trim();
  return issuer === ''
    ? { key: 'issuer:', label: '(no issuer)', kind: 'issuer' }
    : { key: `issuer:${issuer.toLocaleLowerCase('en')}`, label: issuer, kind: 'issuer' };
}

/**
 * Groups for a whole list at once. One AWS account can reach Tessera under two names: its
 * 12-digit ID (from one QR label) and its alias (from another, or entered by the user). When
 * any device records both, every device of that account, alias-only ones included, lands in
 * one group keyed by the ID and labelled with alias and ID together. Returns a group per id.
 */
export function groupsFor(devices: readonly Device[]): Map<string, DeviceGroup> {
  const idForAlias = new Map<string, string>();
  const aliasForId = new Map<string, string>();
  for (const { aws } of devices) {
    if (aws?.accountId === undefined || aws.alias === undefined) continue;
    // First pairing wins: a conflicting second one is the user's typo, not a merge order.
    if (!idForAlias.has(aws.alias)) idForAlias.set(aws.alias, aws.accountId);
    if (!aliasForId.has(aws.accountId)) aliasForId.set(aws.accountId, aws.alias);
  }
  const groups = new Map<string, DeviceGroup>();
  for (const device of devices) {
    const own = groupFor(device);
    const aws = device.aws;
    if (own.kind !== 'aws' || aws === undefined) {
      groups.set(device.id, own);
      continue;
    }
    const accountId =
      aws.accountId ?? (aws.alias === undefined ? undefined : idForAlias.get(aws.alias));
    const alias = aws.alias ?? (accountId === undefined ? undefined : aliasForId.get(accountId));
    groups.set(device.id, awsGroup(accountId, alias));
  }
  return groups;
}

function awsGroup(accountId: string | undefined, alias: string | undefined): DeviceGroup {
  const key = `aws:${accountId ?? alias ?? ''}`;
  const label =
    alias !== undefined && accountId !== undefined
      ? `AWS ${alias} (${accountId})`
      : `AWS ${alias ?? accountId ?? ''}`;
  return { key, label, kind: 'aws' };
}
