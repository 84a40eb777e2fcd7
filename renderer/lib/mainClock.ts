/**
 * Main's clock as the renderer sees it (renderer, tiny observable state). Main computes codes
 * for the wall clock plus any NTP correction the user applied, and every deadline it sends
 * (`validUntilMs`, `readyAtMs`, `nextCodeAtMs`) is on that corrected clock: countdowns compare
 * them with `mainNowMs()`, not `Date.now()`, so rings and timers move with the codes. Only the
 * clock-health hook sets the offset (from `ClockStatusView.appliedOffsetMs`).
 */

/** Plain functions (no `this`), so they can be handed to useSyncExternalStore as they are. */
export interface MainClock {
  /** Main's time (epoch ms) for a local `Date.now()` reading (by default, now). */
  readonly nowMs: (localNowMs?: number) => number;
  readonly offsetMs: () => number;
  readonly setOffsetMs: (offsetMs: number) => void;
  /** Calls `listener` after the offset changed. */
  readonly subscribe: (listener: () => void) => () => void;
}

export function createMainClock(localNow: () => number): MainClock {
  let offset = 0;
  const listeners = new Set<() => void>();
  return {
    nowMs: (localNowMs = localNow()) => localNowMs + offset,
    offsetMs: () => offset,
    setOffsetMs: offsetMs => {
      if (offsetMs === offset) {
        return;
      }
      offset = offsetMs;
      listeners.forEach(listener => {
        listener();
      });
    },
    subscribe: listener => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The window's view of main's clock. */
export const mainClock: MainClock = createMainClock(() => Date.now());

/** Shorthand for `mainClock.nowMs()`. */
export function mainNowMs(): number {
  return mainClock.nowMs();
}
