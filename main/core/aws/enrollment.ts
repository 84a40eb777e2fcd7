/**
 * Timing of the AWS enrollment/resync pair (core, pure). AWS asks for two consecutive codes and
 * warns that a late submission leaves the device out of sync; it promises nothing about a pair
 * computed ahead of time (current + next). So Tessera follows the documented timing: code 1 is
 * the code of the period that just ended, code 2 the fresh one, shown only while code 2 has at
 * least MIN_VALIDITY left — otherwise the user waits for the next rollover.
 */
export const ENROLLMENT_MIN_VALIDITY_MS = 20_000;

export type EnrollmentPlan =
  | {
      readonly ready: true;
      readonly code1Step: number;
      readonly code2Step: number;
      readonly validUntilMs: number;
    }
  | { readonly ready: false; readonly readyAtMs: number };

export function planEnrollment(
  nowMs: number,
  periodSeconds: number,
  minValidityMs: number = ENROLLMENT_MIN_VALIDITY_MS,
): EnrollmentPlan {
  const periodMs = periodSeconds * 1000;
  const step = Math.floor(nowMs / periodMs);
  const validUntilMs = (step + 1) * periodMs;
  // A period no longer than the minimum can never qualify (timers always fire a little after
  // the boundary): show its pair at once rather than wait forever.
  if (periodMs <= minValidityMs || validUntilMs - nowMs >= minValidityMs) {
    return { ready: true, code1Step: step - 1, code2Step: step, validUntilMs };
  }
  return { ready: false, readyAtMs: validUntilMs };
}
