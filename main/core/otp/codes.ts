/**
 * Code generation (core, pure): RFC 4226 HOTP and RFC 6238 TOTP through `otpauth`.
 * Time is a parameter: nothing here reads a clock; the code service passes `nowMs` in.
 */
import { HOTP, Secret } from 'otpauth';
import type { OtpSecret } from '../secret';
import type { HashAlgorithm, HotpParams, TotpParams } from './types';

function withOtpauthSecret<T>(secret: OtpSecret, fn: (s: Secret) => T): T {
  return secret.use(bytes => {
    const copy = Uint8Array.from(bytes);
    try {
      return fn(new Secret({ buffer: copy.buffer }));
    } finally {
      copy.fill(0);
    }
  });
}

export function hotpAt(
  secret: OtpSecret,
  algorithm: HashAlgorithm,
  digits: number,
  counter: number,
): string {
  return withOtpauthSecret(secret, s => HOTP.generate({ secret: s, algorithm, digits, counter }));
}

export interface TotpCodes {
  /** Zero-padded digits of the current period, e.g. "004519". Grouping is the renderer's job. */
  readonly code: string;
  /** The code of the period that starts at `validUntilMs`. */
  readonly nextCode: string;
  /** Unix epoch milliseconds at which `code` stops being valid. */
  readonly validUntilMs: number;
}

/** Index of the TOTP time step that contains `nowMs` (T in RFC 6238 §4.2, T0 = 0). */
export function timeStep(nowMs: number, periodSeconds: number): number {
  return Math.floor(nowMs / (periodSeconds * 1000));
}

export function totpAt(secret: OtpSecret, params: TotpParams, nowMs: number): TotpCodes {
  const step = timeStep(nowMs, params.periodSeconds);
  const at = (s: number) => hotpAt(secret, params.algorithm, params.digits, s);
  return {
    code: at(step),
    nextCode: at(step + 1),
    validUntilMs: (step + 1) * params.periodSeconds * 1000,
  };
}

/** Convenience for the CLI and tests: the TOTP code valid at `nowMs`. */
export function totpCodeAt(secret: OtpSecret, params: TotpParams, nowMs: number): string {
  return hotpAt(secret, params.algorithm, params.digits, timeStep(nowMs, params.periodSeconds));
}

export interface HotpCodes {
  readonly code: string;
  readonly nextCode: string;
  readonly counter: number;
}

export function hotpCodes(secret: OtpSecret, params: HotpParams): HotpCodes {
  return {
    code: hotpAt(secret, params.algorithm, params.digits, params.counter),
    nextCode: hotpAt(secret, params.algorithm, params.digits, params.counter + 1),
    counter: params.counter,
  };
}
