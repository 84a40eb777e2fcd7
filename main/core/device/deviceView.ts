/**
 * Device → DeviceView (core, pure): what the renderer and the CLI may show. Holds no key
 * material by construction: a Device has none, and the view copies named fields only.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import type { Device } from './device';
import { groupFor, type DeviceGroup } from './grouping';

export type SecretStatus = DeviceView['secretStatus'];

/** `group`: the device's group within the whole list (see groupsFor); by default its own. */
export function toDeviceView(
  device: Device,
  secretStatus: SecretStatus,
  group: DeviceGroup = groupFor(device),
): DeviceView {
  const aws = device.aws;
  return {
    id: device.id,
    type: device.type,
    issuer: device.issuer,
    accountName: device.accountName,
    labelIssuer: device.labelIssuer ?? null,
    algorithm: device.algorithm,
    digits: device.digits,
    periodSeconds: device.type === 'totp' ? device.periodSeconds : null,
    group: { ...group },
    aws:
      aws === undefined
        ? null
        : {
            accountId: aws.accountId ?? null,
            alias: aws.alias ?? null,
            deviceName: aws.deviceName,
            iamUser: aws.principal?.kind === 'iam-user' ? aws.principal.userName : null,
            root: aws.principal?.kind === 'root',
            serialArn: aws.serialArn ?? null,
          },
    tags: [...device.tags],
    favorite: device.favorite,
    order: device.order,
    secretStatus,
    createdAt: device.createdAt,
    lastUsedAt: device.lastUsedAt ?? null,
  };
}

/** `Issuer:account`, the label form people know from otpauth:// URIs. */
export function deviceLabel(device: Pick<Device, 'issuer' | 'accountName'>): string {
  if (device.issuer === '') return device.accountName;
  if (device.accountName === '') return device.issuer;
  return `${device.issuer}:${device.accountName}`;
}
