/**
 * Whether a code is in its last seconds (renderer). One shared timer per deadline, so the rows
 * of all 30-second devices flip together in a single render; nothing ticks every second.
 */
import { useEffect, useState } from 'react';
import { windowAlarm } from '../../lib/alarm';

/** How long before `validUntilMs` a code is marked as about to expire. */
export const URGENT_MS = 5000;

export function useUrgent(validUntilMs: number | undefined): boolean {
  const [urgentFor, setUrgentFor] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (validUntilMs === undefined) {
      return undefined;
    }
    return windowAlarm.at(validUntilMs - URGENT_MS, () => {
      setUrgentFor(validUntilMs);
    });
  }, [validUntilMs]);

  return validUntilMs !== undefined && urgentFor === validUntilMs;
}
