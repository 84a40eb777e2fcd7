/**
 * Time left on a TOTP code, as a ring that drains clockwise (renderer UI). Drawn entirely by a
 * CSS animation started from `validUntilMs` (transform and opacity only, so the compositor
 * runs it): no timers and no re-render while it drains. Key it on `validUntilMs` to restart.
 */
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { mainClock } from '../lib/mainClock';

interface CountdownRingProps {
  readonly validUntilMs: number;
  readonly periodSeconds: number;
  /** The last seconds of the code: drawn in the warning colour. */
  readonly urgent: boolean;
  /**
   * False while the ring is far off screen: it is then drawn full and still, since a thousand
   * running animations cost paint and compositor memory for nothing. Placed again on return.
   */
  readonly inView?: boolean;
}

export function CountdownRing({
  validUntilMs,
  periodSeconds,
  urgent,
  inView = true,
}: CountdownRingProps) {
  const ref = useRef<HTMLSpanElement>(null);
  // Deadlines are on main's clock: re-place the animation when an NTP correction is applied.
  const offsetMs = useSyncExternalStore(mainClock.subscribe, mainClock.offsetMs);

  useLayoutEffect(() => {
    const ring = ref.current;
    if (ring === null || !inView) {
      return;
    }
    // The local clock only places the animation; the code itself always comes from main.
    const nowMs = Date.now() + offsetMs;
    const remainingMs = Math.min(periodSeconds * 1000, Math.max(0, validUntilMs - nowMs));
    const elapsedMs = periodSeconds * 1000 - remainingMs;
    ring.style.setProperty('--ring-period', `${periodSeconds}s`);
    ring.style.setProperty('--ring-delay', `${-elapsedMs}ms`);
  }, [validUntilMs, periodSeconds, offsetMs, inView]);

  return (
    <span ref={ref} className={urgent ? 'ring ring--urgent' : 'ring'} aria-hidden="true">
      {inView && (
        <>
          <span className="ring__mask" />
          <span className="ring__filler" />
          <span className="ring__spinner" />
        </>
      )}
      <span className="ring__hole" />
    </span>
  );
}
