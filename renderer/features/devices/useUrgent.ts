/**
 * Whether a code is in its last seconds (renderer). One shared timer per deadline, so the rows
 * of all 30-second devices flip together in a single render; nothing ticks every second. The
 * deadline is on main's clock: when an NTP correction is applied or removed, the timer is placed
 * again (a timer placed under the old correction would fire seconds early or late).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { windowAlarm } from '../../lib/alarm';
import { mainClock } from '../../lib/mainClock';

/** How long before `validUntilMs` a code is marked as about to expire. */
export const URGENT_MS = 5000;

export function useUrgent(validUntilMs: number | undefined): boolean {
  const offsetMs = useSyncExternalStore(mainClock.subscribe, mainClock.offsetMs);
  const [urgentFor, setUrgentFor] = useState<string | undefined>(undefined);
  const key = validUntilMs === undefined ? undefined : `${validUntilMs}@${offsetMs}`;

  useEffect(() => {
    if (validUntilMs === undefined) {
      return undefined;
    }
    return windowAlarm.at(validUntilMs - URGENT_MS, () => {
      setUrgentFor(`${validUntilMs}@${offsetMs}`);
    });
  }, [validUntilMs, offsetMs]);

  return key !== undefined && urgentFor === key;
}
