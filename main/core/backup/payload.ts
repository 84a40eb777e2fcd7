/**
 * The plaintext inside a `.tessera` backup (core, pure): every device's metadata (the Device
 * schema of vault.json) and its seed as unpadded upper-case base32, under a payload version of
 * its own so the device list can evolve without changing the envelope. Validated with zod on the
 * way in; a seed is only ever decoded into an OtpSecret.
 */
import { z } from 'zod';
import { Device } from '../device/device';
import { decodeBase32, encodeBase32 } from '../otp/base32';
import { OTP_LIMITS } from '../otp/types';
import { OtpSecret } from '../secret';
import { MAX_IMPORT_ENTRIES } from '../interop/types';

export const PAYLOAD_VERSION = 1;

/** One device with its seed. The caller owns `secret`. */
export interface BackupDevice {
  readonly device: Device;
  readonly secret: OtpSecret;
}

const Base32Seed = z
  .string()
  .min(2)
  .max(Math.ceil((OTP_LIMITS.maxSecretBytes * 8) / 5))
  .regex(/^[A-Z2-7]+$/u);

const BackupPayload = z.strictObject({
  payloadVersion: z.literal(PAYLOAD_VERSION),
  /** When the backup was made (Unix epoch ms), for the restore preview. */
  createdAtMs: z.number().int().nonnegative(),
  devices: z.array(z.strictObject({ device: Device, secret: Base32Seed })).max(MAX_IMPORT_ENTRIES),
});

export interface DecodedPayload {
  readonly createdAtMs: number;
  readonly devices: readonly BackupDevice[];
}

export type PayloadOutcome =
  | { readonly ok: true; readonly value: DecodedPayload }
  | {
      readonly ok: false;
      readonly reason: 'unsupported-version' | 'invalid-contents';
      readonly message: string;
    };

const encoder = new TextEncoder();

/**
 * The payload as compact UTF-8 JSON. SECURITY: the result holds every seed in clear; it only
 * ever goes to the cipher, and the caller wipes it.
 */
export function encodePayload(devices: readonly BackupDevice[], createdAtMs: number): Uint8Array {
  const body = {
    payloadVersion: PAYLOAD_VERSION,
    createdAtMs,
    devices: devices.map(({ device, secret }) => ({
      device,
      secret: secret.use(encodeBase32),
    })),
  };
  return encoder.encode(JSON.stringify(body));
}

function invalid(message: string): PayloadOutcome {
  return { ok: false, reason: 'invalid-contents', message };
}

/** Validates decrypted bytes. Messages never contain a seed. */
export function decodePayload(plaintext: Uint8Array): PayloadOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    return invalid('The backup decrypted, but its contents are not readable (not JSON).');
  }
  const version = z.object({ payloadVersion: z.number() }).safeParse(raw);
  if (version.success && version.data.payloadVersion > PAYLOAD_VERSION) {
    return {
      ok: false,
      reason: 'unsupported-version',
      message: `This backup was made by a newer version of Tessera (contents version ${version.data.payloadVersion}). Update Tessera to restore it.`,
    };
  }
  const parsed = BackupPayload.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return invalid(
      `The backup decrypted, but its device list does not match the expected layout (at ${where === '' ? 'top level' : where}).`,
    );
  }
  const seen = new Set<string>();
  const devices: BackupDevice[] = [];
  for (const { device, secret } of parsed.data.devices) {
    if (seen.has(device.id)) {
      for (const done of devices) done.secret.wipe();
      return invalid(`The backup lists the device ${device.id} twice.`);
    }
    seen.add(device.id);
    const bytes = decodeBase32(secret);
    if (bytes === undefined || bytes.length === 0) {
      for (const done of devices) done.secret.wipe();
      return invalid(`The secret of device ${device.id} in the backup is not valid base32.`);
    }
    devices.push({ device, secret: OtpSecret.fromBytes(bytes) });
    bytes.fill(0);
  }
  return { ok: true, value: { createdAtMs: parsed.data.createdAtMs, devices } };
}
