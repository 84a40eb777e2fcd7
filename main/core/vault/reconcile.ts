/**
 * Start-up reconciliation of keychain and metadata (core, pure; DESIGN.md §1.4). Nothing is
 * dropped silently: metadata without a seed is kept and flagged, a seed without metadata is
 * recovered into the "Recovered" group, and only deletes the user already confirmed are
 * finished (ids in `pendingSecretDeletes`).
 */
import { DeviceId, type Device } from '../device/device';
import type { VaultDocument } from './vaultDocument';

/** Exactly the ids a Device may have: anything else under our service is not ours to recover. */
const isDeviceId = (id: string): boolean => DeviceId.safeParse(id).success;

export interface ReconcilePlan {
  /** Devices whose keychain item is missing: shown as such, never deleted. */
  readonly missingSecrets: readonly string[];
  /** Keychain items with no metadata and no pending delete: to recover. */
  readonly orphans: readonly string[];
  /** Items under our service whose name is not a device id (written by something else): left alone. */
  readonly foreign: readonly string[];
  /** Keychain items of confirmed deletes that a crash left behind: to delete. */
  readonly leftoverDeletes: readonly string[];
  /** Pending deletes whose keychain item is already gone: to clear from the document. */
  readonly finishedDeletes: readonly string[];
}

export function planReconcile(
  document: VaultDocument,
  keychainIds: ReadonlySet<string>,
): ReconcilePlan {
  const known = new Set(document.devices.map(device => device.id));
  const pending = new Set(document.pendingSecretDeletes);
  return {
    missingSecrets: document.devices
      .filter(device => !keychainIds.has(device.id))
      .map(device => device.id),
    orphans: [...keychainIds]
      .filter(id => isDeviceId(id) && !known.has(id) && !pending.has(id))
      .sort(),
    foreign: [...keychainIds].filter(id => !isDeviceId(id)).sort(),
    leftoverDeletes: document.pendingSecretDeletes.filter(id => keychainIds.has(id)),
    finishedDeletes: document.pendingSecretDeletes.filter(id => !keychainIds.has(id)),
  };
}

/** Metadata for a seed found without any: defaults a user can correct (TOTP, SHA1, 6, 30 s). */
export function recoveredDevice(id: string, order: number, nowMs: number): Device {
  return {
    id,
    type: 'totp',
    issuer: 'Recovered',
    accountName: `Keychain item ${id.slice(0, 8)}`,
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    tags: [],
    favorite: false,
    order,
    recovered: true,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
}
