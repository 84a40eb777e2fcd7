/**
 * Revealing and copying a device's secret (services layer): the one sanctioned way a seed leaves
 * main (DESIGN.md §1.1), for moving a device to another authenticator. Both calls take the user's
 * confirmation as an argument (`{ confirmed: true }`, also required by the contract row), so no
 * code path reaches them by accident. Nothing here logs; the QR code is rendered here so the
 * renderer needs no QR library and never sees more than the user asked for.
 */
import QRCode from 'qrcode';
import type { RevealOutcome, SecretCopyOutcome } from '../../preload/contract/editChannels';
import { encodeBase32 } from '../core/otp/base32';
import { formatOtpauthUri } from '../core/otp/otpauthUri';
import type { OtpParams } from '../core/otp/types';
import type { ClipboardService } from './clipboardService';
import type { DeviceService } from './deviceService';

/** How long a revealed secret stays on screen at most (the renderer also hides it on blur). */
export const REVEAL_HIDE_AFTER_MS = 30_000;

const NOT_FOUND = 'That device no longer exists.';
const SECRET_MISSING =
  'This device has no secret in the keychain, so there is nothing to show. Re-enter its secret or delete it.';

type Failure = Extract<RevealOutcome, { ok: false }>;
const failure = (reason: Failure['reason'], message: string): Failure => ({
  ok: false,
  reason,
  message,
});

export class SecretRevealService {
  constructor(
    private readonly devices: DeviceService,
    private readonly clipboard: ClipboardService,
  ) {}

  /** The secret as base32, its otpauth:// URI and that URI as a QR code (SVG). */
  async reveal(id: string, _confirmation: { readonly confirmed: true }): Promise<RevealOutcome> {
    const device = this.devices.device(id);
    if (device === undefined) return failure('not-found', NOT_FOUND);
    const secret = this.devices.secretFor(id);
    if (secret === undefined) return failure('secret-missing', SECRET_MISSING);
    const params: OtpParams =
      device.type === 'totp'
        ? {
            type: 'totp',
            algorithm: device.algorithm,
            digits: device.digits,
            periodSeconds: device.periodSeconds,
          }
        : {
            type: 'hotp',
            algorithm: device.algorithm,
            digits: device.digits,
            counter: device.counter,
          };
    const uri = formatOtpauthUri({
      issuer: device.issuer,
      accountName: device.accountName,
      params,
      secret,
    });
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      ok: true,
      secret: groupsOfFour(secret.use(encodeBase32)),
      uri,
      qrSvg,
      hideAfterMs: REVEAL_HIDE_AFTER_MS,
    };
  }

  /**
   * Copies the secret (base32, without spaces) to the clipboard; the clipboard is cleared after
   * the same delay as a code, and only if it still holds the secret.
   */
  async copy(id: string, _confirmation: { readonly confirmed: true }): Promise<SecretCopyOutcome> {
    if (this.devices.device(id) === undefined) return failure('not-found', NOT_FOUND);
    const secret = this.devices.secretFor(id);
    if (secret === undefined) return failure('secret-missing', SECRET_MISSING);
    const written = await this.clipboard.copyCode(secret.use(encodeBase32));
    if (!written.ok) {
      return failure(
        'clipboard-unavailable',
        'The clipboard is not available right now: show the secret and type it instead.',
      );
    }
    return { ok: true, clearAfterMs: written.clearAfterMs };
  }
}

function groupsOfFour(base32: string): string {
  return base32.replace(/(.{4})(?=.)/gu, '$1 ');
}
