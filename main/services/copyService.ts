/**
 * Copying codes (services layer), with the reuse guard: AWS accepts each TOTP code only once, so
 * a code already copied (remembered per device as its time step, in the vault, so the guard
 * survives a restart within the period) is refused with when the next one appears, unless the
 * user confirms. Copying an HOTP code consumes it: the counter moves on, so it needs no guard.
 */
import type { CopyOutcome } from '../../preload/contract/contract';
import { hotpAt, timeStep } from '../core/otp/codes';
import type { ClipboardService } from './clipboardService';
import type { CodeService } from './codeService';
import type { DeviceService } from './deviceService';

type Failure = Extract<CopyOutcome, { ok: false }>;
export const failure = (
  reason: Failure['reason'],
  message: string,
  nextCodeAtMs: number | null = null,
): Failure => ({
  ok: false,
  reason,
  message,
  nextCodeAtMs,
});

export const NOT_FOUND = 'That device no longer exists.';
export const SECRET_MISSING =
  'This device has no secret in the keychain, so it has no code. Re-enter its secret or delete it.';

export class CopyService {
  constructor(
    private readonly devices: DeviceService,
    private readonly codes: CodeService,
    private readonly clipboard: ClipboardService,
  ) {}

  async copyCode(
    id: string,
    which: 'current' | 'next',
    options: { allowReuse: boolean } = { allowReuse: false },
  ): Promise<CopyOutcome> {
    const device = this.devices.device(id);
    if (device === undefined) return failure('not-found', NOT_FOUND);
    const secret = this.devices.secretFor(id);
    if (secret === undefined) return failure('secret-missing', SECRET_MISSING);

    if (device.type === 'hotp') {
      // Copying an HOTP code uses it: the counter moves past it first (HOSTILE-INPUTS #44).
      const consumed = await this.devices.consumeHotp(id, which === 'next' ? 1 : 0);
      if (!consumed.ok)
        return failure(consumed.reason === 'not-found' ? 'not-found' : 'invalid', consumed.message);
      return this.write(
        hotpAt(secret, device.algorithm, device.digits, consumed.counter),
        which,
        () => Promise.resolve(),
      );
    }
    const periodMs = device.periodSeconds * 1000;
    const step = timeStep(this.codes.nowMs(), device.periodSeconds) + (which === 'next' ? 1 : 0);
    // RFC 6238 §5.2: a verifier refuses a code once it has seen it or a later one.
    if (
      !options.allowReuse &&
      device.lastCopiedStep !== undefined &&
      step <= device.lastCopiedStep
    ) {
      const nextCodeAtMs = (step + 1) * periodMs;
      const seconds = Math.max(1, Math.ceil((nextCodeAtMs - this.codes.nowMs()) / 1000));
      return failure(
        'already-used',
        `Already used — AWS and most sites accept each code once. Next code in ${seconds} s.`,
        nextCodeAtMs,
      );
    }
    return this.write(hotpAt(secret, device.algorithm, device.digits, step), which, () =>
      this.devices.markUsed(id, step),
    );
  }

  /** Writes `text`, then records the use: the shared tail of every copy. */
  async write(
    text: string,
    which: Extract<CopyOutcome, { ok: true }>['which'],
    record: () => Promise<void>,
  ): Promise<CopyOutcome> {
    const written = await this.clipboard.copyCode(text);
    if (!written.ok) return failure('clipboard-unavailable', written.message);
    await record();
    return { ok: true, which, clearAfterMs: written.clearAfterMs };
  }
}
