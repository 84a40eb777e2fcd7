/**
 * The metadata document (vault.json) and its pure edits (core, pure). Versioned: `parseVault`
 * migrates older schema versions and refuses newer ones, so a file written by a newer Tessera
 * is never rewritten (downgraded) by an older one.
 */
import { z } from 'zod';
import { Device } from '../device/device';

export const CURRENT_SCHEMA_VERSION = 1;

export const VaultDocument = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** Incremented on every write; lets a writer detect that someone else wrote in between. */
  generation: z.number().int().nonnegative(),
  devices: z.array(Device),
  /**
   * Ids whose metadata was removed but whose keychain item may still exist: a delete writes
   * this first, so a crash between the two steps never resurrects the device at start-up.
   */
  pendingSecretDeletes: z.array(z.uuid()),
});
export type VaultDocument = z.infer<typeof VaultDocument>;

export function emptyVault(): VaultDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    generation: 0,
    devices: [],
    pendingSecretDeletes: [],
  };
}

export type VaultParseOutcome =
  | { readonly ok: true; readonly document: VaultDocument }
  | {
      readonly ok: false;
      readonly reason: 'not-json' | 'newer-version' | 'invalid';
      readonly message: string;
    };

/** Validates (and, for older versions, migrates) a vault file's text. */
export function parseVault(text: string): VaultParseOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'not-json',
      message: 'vault.json is not valid JSON (damaged or truncated).',
    };
  }
  const version = z.object({ schemaVersion: z.number().int() }).safeParse(raw);
  if (!version.success) {
    return { ok: false, reason: 'invalid', message: 'vault.json has no schemaVersion.' };
  }
  if (version.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'newer-version',
      message: `vault.json was written by a newer Tessera (schema ${version.data.schemaVersion}); update Tessera to open it.`,
    };
  }
  const parsed = VaultDocument.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') : '';
    return {
      ok: false,
      reason: 'invalid',
      message: `vault.json does not match the expected layout (at ${where || 'top level'}).`,
    };
  }
  return { ok: true, document: parsed.data };
}

export function serializeVault(document: VaultDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export class VaultEditError extends Error {
  override readonly name = 'VaultEditError';
  constructor(
    readonly reason: 'not-found' | 'exists',
    message: string,
  ) {
    super(message);
  }
}

function bump(
  document: VaultDocument,
  devices: Device[],
  pending = document.pendingSecretDeletes,
): VaultDocument {
  return {
    ...document,
    generation: document.generation + 1,
    devices,
    pendingSecretDeletes: pending,
  };
}

export function findDevice(document: VaultDocument, id: string): Device | undefined {
  return document.devices.find(device => device.id === id);
}

export function nextOrder(document: VaultDocument): number {
  return document.devices.reduce((max, device) => Math.max(max, device.order + 1), 0);
}

export function addDevice(document: VaultDocument, device: Device): VaultDocument {
  if (findDevice(document, device.id)) {
    throw new VaultEditError('exists', `A device with id ${device.id} already exists.`);
  }
  return bump(document, [...document.devices, device]);
}

export function updateDevice(
  document: VaultDocument,
  id: string,
  change: (device: Device) => Device,
): VaultDocument {
  const index = document.devices.findIndex(device => device.id === id);
  const current = document.devices[index];
  if (index < 0 || current === undefined) {
    throw new VaultEditError('not-found', 'That device no longer exists.');
  }
  const updated = Device.parse(change(current));
  const devices = document.devices.slice();
  devices[index] = updated;
  return bump(document, devices);
}

/** Removes the metadata and records the keychain delete still to be done. */
export function removeDevice(document: VaultDocument, id: string): VaultDocument {
  if (!findDevice(document, id)) {
    throw new VaultEditError('not-found', 'That device no longer exists.');
  }
  const pending = document.pendingSecretDeletes.includes(id)
    ? document.pendingSecretDeletes
    : [...document.pendingSecretDeletes, id];
  return bump(
    document,
    document.devices.filter(device => device.id !== id),
    pending,
  );
}

/** Called once the keychain items of `ids` are gone. */
export function clearPendingDeletes(
  document: VaultDocument,
  ids: readonly string[],
): VaultDocument {
  const done = new Set(ids);
  return bump(
    document,
    document.devices,
    document.pendingSecretDeletes.filter(id => !done.has(id)),
  );
}
