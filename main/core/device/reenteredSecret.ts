/**
 * A secret typed in again for a device whose keychain item is missing (core, pure): a base32
 * secret, checked with the same rules as manual entry, or an otpauth:// URI whose code settings
 * must match the stored device — otherwise the codes would silently be wrong, and the URI
 * belongs to a different device (add it as new instead). Names in a URI are ignored: the
 * stored metadata is kept.
 */
import { parseManualEntry, parseOtpauthUri, type UriParseOutcome } from '../otp/otpauthUri';
import type { OtpParams } from '../otp/types';
import type { Device } from './device';

export type ReenteredSecretOutcome =
  UriParseOutcome | { readonly ok: false; readonly reason: 'mismatch'; readonly message: string };

export function parseReenteredSecret(device: Device, text: string): ReenteredSecretOutcome {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/iu.test(trimmed)) {
    const parsed = parseOtpauthUri(trimmed);
    if (!parsed.ok) return parsed;
    const mismatch = paramsMismatch(device, parsed.value.params);
    if (mismatch !== undefined) {
      parsed.value.secret.wipe();
      return { ok: false, reason: 'mismatch', message: mismatch };
    }
    return parsed;
  }
  return parseManualEntry({
    type: device.type,
    issuer: device.issuer,
    accountName: device.accountName,
    secret: trimmed,
    algorithm: device.algorithm,
    digits: device.digits,
    ...(device.type === 'totp'
      ? { periodSeconds: device.periodSeconds }
      : { counter: device.counter }),
  });
}

function describe(params: {
  readonly type: 'totp' | 'hotp';
  readonly algorithm: string;
  readonly digits: number;
  readonly periodSeconds?: number;
}): string {
  const timing =
    params.type === 'totp' ? `every ${String(params.periodSeconds)} s` : 'from a counter';
  return `${String(params.digits)}-digit ${params.algorithm} codes ${timing}`;
}

/** Why a URI's code settings do not fit the stored device, or undefined when they do. */
export function paramsMismatch(device: Device, params: OtpParams): string | undefined {
  const same =
    params.type === device.type &&
    params.algorithm === device.algorithm &&
    params.digits === device.digits &&
    (params.type !== 'totp' ||
      device.type !== 'totp' ||
      params.periodSeconds === device.periodSeconds);
  if (same) return undefined;
  const stored = describe(device);
  const given = describe(params);
  return `This URI makes ${given}, but this device makes ${stored}: it is for another device. Add it as a new device instead, or paste the secret of this one.`;
}
