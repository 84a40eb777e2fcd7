/** OTP parameters shared by the parser, the code generator and the device model (core, pure). */
export const HASH_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export const OTP_TYPES = ['totp', 'hotp'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

/** Accepted ranges. Kept in one place so the parser, the contract and the forms agree. */
export const OTP_LIMITS = {
  minDigits: 6,
  maxDigits: 8,
  minPeriodSeconds: 1,
  maxPeriodSeconds: 300,
  /** RFC 4226 §4 R6 requires 128 bits; 80-bit secrets are common in the wild, so we only warn. */
  minSecretBytes: 10,
  recommendedSecretBytes: 16,
  maxSecretBytes: 256,
  maxCounter: Number.MAX_SAFE_INTEGER,
} as const;

interface CommonParams {
  readonly algorithm: HashAlgorithm;
  readonly digits: number;
}
export interface TotpParams extends CommonParams {
  readonly type: 'totp';
  readonly periodSeconds: number;
}
export interface HotpParams extends CommonParams {
  readonly type: 'hotp';
  /** The counter of the code currently shown (RFC 4226 moving factor). */
  readonly counter: number;
}
export type OtpParams = TotpParams | HotpParams;
