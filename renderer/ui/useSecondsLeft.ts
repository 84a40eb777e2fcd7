/**
 * Whole seconds left until a deadline on main's clock (renderer UI), re-rendering once a second
 * exactly when the number changes, and not at all once it reaches 0. For visible countdowns
 * ("Next code in 12 s"); rows use the CSS ring instead, which needs no re-render.
 */
import { useEffect, useState } from 'react';
import { msUntilNextSecond, secondsLeft } from '../lib/countdown';
import { mainNowMs } from '../lib/mainClock';

/** A few ms past the second, so the timer never wakes just before the number changes. */
const SLACK_MS = 8;

export function useSecondsLeft(targetMs: number | undefined): number {
  const [reading, setReading] = useState(() => ({ targetMs, nowMs: mainNowMs() }));

  useEffect(() => {
    if (targetMs === undefined) {
      return undefined;
    }
    let timer: number | undefined;
    const tick = (): void => {
      const nowMs = mainNowMs();
      setReading({ targetMs, nowMs });
      const waitMs = msUntilNextSecond(targetMs, nowMs);
      timer = waitMs === null ? undefined : window.setTimeout(tick, waitMs + SLACK_MS);
    };
    timer = window.setTimeout(tick, 0);
    return () => {
      window.clearTimeout(timer);
    };
  }, [targetMs]);

  if (targetMs === undefined) {
    return 0;
  }
  // Until the first tick for a new deadline, read the time now rather than show a stale number.
  const nowMs = reading.targetMs === targetMs ? reading.nowMs : mainNowMs();
  return secondsLeft(targetMs, nowMs);
}
