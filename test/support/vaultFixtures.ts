/**
 * Builders for vault documents in tests (test support). Devices are metadata only: no seeds.
 */
import type { Device } from '../../main/core/device/device';

/** A valid TOTP device with the given id; `overrides` adjust any field. */
export function makeDevice(id: string, overrides: Partial<Device> = {}): Device {
  return {
    id,
    issuer: 'Example',
    accountName: `user-${id.slice(0, 8)}`,
    algorithm: 'SHA1',
    digits: 6,
    tags: [],
    favorite: false,
    order: 0,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    type: 'totp',
    periodSeconds: 30,
    ...overrides,
  } as Device;
}
