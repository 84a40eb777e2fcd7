/**
 * One timer per distinct deadline (renderer, pure apart from the injected timer functions):
 * hundreds of rows waiting for the same instant (the end of a 30-second period) share one
 * `setTimeout`, so React batches their updates into a single render.
 */
import { mainNowMs } from './mainClock';

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(handle: number): void;
}

interface Pending {
  readonly handle: number;
  readonly callbacks: Set<() => void>;
}

export interface Alarm {
  /** Calls `callback` once at `atMs` (epoch ms), or at once if that is past. Returns a cancel. */
  at(atMs: number, callback: () => void): () => void;
}

export function createAlarm(timers: Timers): Alarm {
  const pending = new Map<number, Pending>();

  return {
    at(atMs, callback) {
      let entry = pending.get(atMs);
      if (entry === undefined) {
        const handle = timers.setTimeout(
          () => {
            const due = pending.get(atMs);
            pending.delete(atMs);
            due?.callbacks.forEach(call => {
              call();
            });
          },
          Math.max(0, atMs - timers.now()),
        );
        entry = { handle, callbacks: new Set() };
        pending.set(atMs, entry);
      }
      const own = entry;
      const call = (): void => {
        callback();
      };
      own.callbacks.add(call);
      return () => {
        own.callbacks.delete(call);
        if (own.callbacks.size === 0 && pending.get(atMs) === own) {
          timers.clearTimeout(own.handle);
          pending.delete(atMs);
        }
      };
    },
  };
}

/**
 * The alarm shared by the whole window, on main's clock (the browser's plus any applied NTP
 * correction), since the deadlines it waits for come from main.
 */
export const windowAlarm: Alarm = createAlarm({
  now: () => mainNowMs(),
  setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimeout: handle => {
    window.clearTimeout(handle);
  },
});
