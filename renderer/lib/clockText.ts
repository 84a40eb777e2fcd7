/**
 * Clock health in words (renderer, pure): offsets as people read them ("+9 s", "−0.4 s") and
 * the sentences of the clock banners, from a `ClockStatusView`.
 */
import type { ClockStatusView } from '../../preload/contract/contract';

const MINUS = '\u2212';

/** A duration in seconds: whole seconds from 10 s up, else one decimal (`9.4 s`, `12 s`). */
export function formatSeconds(durationMs: number): string {
  const seconds = Math.abs(durationMs) / 1000;
  const rounded = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return `${rounded} s`;
}

/**
 * A signed offset (`+9 s`, `+9.4 s`, `−12 s`, `0 s`). Positive means the time server is ahead
 * of this computer.
 */
export function formatOffset(offsetMs: number): string {
  const magnitude = formatSeconds(offsetMs);
  if (magnitude === '0 s') {
    return magnitude;
  }
  return `${offsetMs > 0 ? '+' : MINUS}${magnitude}`;
}

/** The drift left once the applied correction is counted (what the warning is about). */
export function remainingDriftMs(status: ClockStatusView): number | null {
  return status.offsetMs === null ? null : status.offsetMs - status.appliedOffsetMs;
}

/** "The clock is off by 9 s": how far off, after the applied correction (the body says which way). */
export function driftTitle(status: ClockStatusView): string {
  const drift = remainingDriftMs(status);
  return drift === null ? 'The clock is off' : `The clock is off by ${formatSeconds(drift)}`;
}

/** Main's explanation, or an equivalent one when main sent none (e.g. after "Stop applying"). */
export function driftMessage(status: ClockStatusView): string {
  return (
    status.message ??
    'Codes may be refused. Set the clock automatically in your system settings, or apply the measured offset to Tessera’s codes.'
  );
}

/** What a check that found the clock right says: "The clock is right — within 0.2 s of …". */
export function clockOkMessage(status: ClockStatusView): string {
  const drift = remainingDriftMs(status);
  return drift === null
    ? 'The clock is right'
    : `The clock is right — within ${formatSeconds(Math.max(100, Math.abs(drift)))} of ${status.server}`;
}

/** "Codes use a clock correction of +9 s". */
export function correctionTitle(appliedOffsetMs: number): string {
  return `Codes use a clock correction of ${formatOffset(appliedOffsetMs)}`;
}
