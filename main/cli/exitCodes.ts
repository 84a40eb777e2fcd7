/** Exit codes of the `tessera` CLI: a stable interface for scripts (documented in the README). */
export const EXIT = {
  ok: 0,
  /** Bad command line or bad input (e.g. a malformed otpauth:// URI). */
  usage: 2,
  noMatch: 3,
  ambiguous: 4,
  keychainUnavailable: 5,
  /** Anything unexpected (a damaged vault file, a disk error…). */
  failure: 1,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
