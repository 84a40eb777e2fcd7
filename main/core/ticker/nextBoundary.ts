/**
 * When the next code changes (core, pure): the earliest period boundary after `nowMs` among
 * the given periods. The code service sets exactly one timer for it (no per-second polling).
 */
export function nextBoundaryMs(
  nowMs: number,
  periodsSeconds: Iterable<number>,
): number | undefined {
  let next: number | undefined;
  for (const period of new Set(periodsSeconds)) {
    const periodMs = period * 1000;
    const boundary = (Math.floor(nowMs / periodMs) + 1) * periodMs;
    if (next === undefined || boundary < next) next = boundary;
  }
  return next;
}
