/** User-facing sentences built from outcomes (renderer, pure). */
import type { AddOutcome } from '../../preload/contract/contract';
import { deviceTitle } from './deviceText';

/** "Copied — clipboard clears in 30 s", or "Copied" when main does not clear it. */
export function copiedMessage(clearAfterMs: number | null): string {
  if (clearAfterMs === null) {
    return 'Copied';
  }
  return `Copied — clipboard clears in ${Math.max(1, Math.round(clearAfterMs / 1000))} s`;
}

/** "Added GitHub alice" for a successful add. */
export function addedMessage(outcome: Extract<AddOutcome, { ok: true }>): string {
  return `Added ${deviceTitle(outcome.device)}`;
}

/** "1 device", "3 devices". */
export function countDevices(count: number): string {
  return count === 1 ? '1 device' : `${count} devices`;
}

/** The reuse guard's line: "Already used — next code in 12 s". */
export function alreadyUsedMessage(secondsLeft: number): string {
  return `Already used — next code in ${secondsLeft} s`;
}

/** After "Copy next code": when it becomes valid, and when the clipboard clears. */
export function copiedNextMessage(
  validInSeconds: number | null,
  clearAfterMs: number | null,
): string {
  const valid = validInSeconds === null ? '' : ` — valid in ${Math.max(1, validInSeconds)} s`;
  const clears =
    clearAfterMs === null
      ? ''
      : `; clipboard clears in ${Math.max(1, Math.round(clearAfterMs / 1000))} s`;
  return `Copied the next code${valid}${clears}`;
}

/** "MFA code 1 copied — clipboard clears in 30 s". */
export function copiedItemMessage(what: string, clearAfterMs: number | null): string {
  return copiedMessage(clearAfterMs).replace(/^Copied/, `${what} copied`);
}
