/** The real clocks and timers (node layer): the only place production code reads time. */
import type { Clock, Timers } from '../core/ports';

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

export const systemTimers: Timers = {
  setTimeout: (fn, delayMs) => globalThis.setTimeout(fn, delayMs),
  clearTimeout: handle => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
  setInterval: (fn, intervalMs) => {
    const handle = globalThis.setInterval(fn, intervalMs);
    handle.unref(); // a watchdog must never keep a CLI process alive
    return handle;
  },
  clearInterval: handle => {
    globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>);
  },
};
