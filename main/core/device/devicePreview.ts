/**
 * What an add would store (core, pure): the metadata of a device about to be added, as the Add
 * dialog shows it for confirmation. Built from the Device main would write, so the preview and
 * the stored device cannot disagree. Holds no key material.
 */
import type { DevicePreview } from '../../../preload/contract/editChannels';
import type { Device } from './device';
import { groupFor } from './grouping';

export function toDevicePreview(device: Device): DevicePreview {
  return {
    type: device.type,
    issuer: device.issuer,
    accountName: device.accountName,
    labelIssuer: device.labelIssuer ?? null,
    algorithm: device.algorithm,
    digits: device.digits,
    periodSeconds: device.type === 'totp' ? device.periodSeconds : null,
    counter: device.type === 'hotp' ? device.counter : null,
    groupLabel: groupFor(device).label,
    aws:
      device.aws === undefined
        ? null
        : {
            accountId: device.aws.accountId ?? null,
            alias: device.aws.alias ?? null,
            deviceName: device.aws.deviceName,
          },
  };
}
