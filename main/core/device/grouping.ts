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
    const key = `aws:${aws.accountId ?? aws.alias ?? ''}`;
    const label =
      aws.alias !== undefined && aws.accountId !== undefined
        ? `AWS ${aws.alias} (${aws.accountId})`
        : `AWS ${aws.alias ?? aws.accountId ?? ''}`;
    return { key, label, kind: 'aws' };
  }
  const issuer = device.issuer.trim();
  return issuer === ''
    ? { key: 'issuer:', label: '(no issuer)', kind: 'issuer' }
    : { key: `issuer:${issuer.toLocaleLowerCase('en')}`, label: issuer, kind: 'issuer' };
}
