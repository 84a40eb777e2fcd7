/**
 * Whole-second countdowns to a deadline (renderer, pure): what "Next code in 12 s" shows, and
 * how long until that number changes, so a countdown re-renders once a second, on the second.
 */

/** Seconds left until `targetMs`, rounded up (12.3 s left shows as 13), never below 0. */
export function secondsLeft(targetMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((targetMs - nowMs) / 1000));
}

/** Milliseconds until `secondsLeft` changes, or null once the deadline has passed. */
export function msUntilNextSecond(targetMs: number, nowMs: number): number | null {
  const remaining = targetMs - nowMs;
  if (remaining <= 0) {
    return null;
  }
  return remaining % 1000 || 1000;
}
