/**
 * Manual order of the device list (core, pure): moving one device before or after another, or
 * to a position, renumbers `order` as 0…n-1 in the new sequence. Only devices whose number
 * changed are touched (and get `updatedAt = nowMs`), so a move is a small edit of the vault.
 */
import { VaultEditError, type VaultDocument } from '../vault/vaultDocument';
import type { Device } from './device';

/** Where a moved device goes: next to another device, or at an index of the whole list. */
export type MoveTarget =
  { readonly before: string } | { readonly after: string } | { readonly toIndex: number };

/** Devices in manual order: by `order`, ties (from older files or other processes) by id. */
export function inManualOrder<T extends Pick<Device, 'id' | 'order'>>(devices: readonly T[]): T[] {
  return [...devices].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The ids in their new order after the move.
 * @throws VaultEditError('not-found') when `id` or the anchor device does not exist.
 */
export function movedIds(
  devices: readonly Pick<Device, 'id' | 'order'>[],
  id: string,
  target: MoveTarget,
): string[] {
  const ids = inManualOrder(devices).map(device => device.id);
  const from = ids.indexOf(id);
  if (from < 0) throw new VaultEditError('not-found', 'That device no longer exists.');
  ids.splice(from, 1);
  let to: number;
  if ('toIndex' in target) {
    to = Math.max(0, Math.min(ids.length, Math.trunc(target.toIndex)));
  } else {
    const anchorId = 'before' in target ? target.before : target.after;
    const anchor = ids.indexOf(anchorId);
    if (anchor < 0) {
      if (anchorId === id) return inManualOrder(devices).map(device => device.id);
      throw new VaultEditError('not-found', 'The device to move next to no longer exists.');
    }
    to = 'before' in target ? anchor : anchor + 1;
  }
  ids.splice(to, 0, id);
  return ids;
}

/** The vault with `id` moved; `order` renumbered 0…n-1, changed devices stamped with `nowMs`. */
export function moveDevice(
  document: VaultDocument,
  id: string,
  target: MoveTarget,
  nowMs: number,
): VaultDocument {
  const position = new Map(movedIds(document.devices, id, target).map((each, i) => [each, i]));
  const devices = document.devices.map(device => {
    const order = position.get(device.id) ?? device.order;
    return order === device.order ? device : { ...device, order, updatedAt: nowMs };
  });
  const changed = devices.some((device, i) => device !== document.devices[i]);
  return changed ? { ...document, generation: document.generation + 1, devices } : document;
}
