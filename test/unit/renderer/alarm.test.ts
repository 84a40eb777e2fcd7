import { describe, expect, it } from 'vitest';
import { createAlarm, type Timers } from '../../../renderer/lib/alarm';

function fakeTimers(): Timers & { advanceTo(ms: number): void; pending(): number } {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + delayMs, callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle);
    },
    advanceTo(ms) {
      now = ms;
      for (const [handle, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          timers.delete(handle);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('createAlarm', () => {
  it('shares one timer between callbacks waiting for the same instant', () => {
    const timers = fakeTimers();
    const alarm = createAlarm(timers);
    const calls: string[] = [];
    alarm.at(25_000, () => calls.push('a'));
    alarm.at(25_000, () => calls.push('b'));
    expect(timers.pending()).toBe(1);
    timers.advanceTo(24_999);
    expect(calls).toEqual([]);
    timers.advanceTo(25_000);
    expect(calls).toEqual(['a', 'b']);
  });

  it('clears the timer when the last callback for an instant is cancelled', () => {
    const timers = fakeTimers();
    const alarm = createAlarm(timers);
    const cancelA = alarm.at(10_000, () => undefined);
    const cancelB = alarm.at(10_000, () => undefined);
    cancelA();
    expect(timers.pending()).toBe(1);
    cancelB();
    expect(timers.pending()).toBe(0);
  });

  it('does not call a cancelled callback', () => {
    const timers = fakeTimers();
    const alarm = createAlarm(timers);
    const calls: string[] = [];
    const cancel = alarm.at(5_000, () => calls.push('cancelled'));
    alarm.at(5_000, () => calls.push('kept'));
    cancel();
    timers.advanceTo(5_000);
    expect(calls).toEqual(['kept']);
  });

  it('fires at once for an instant already past', () => {
    const timers = fakeTimers();
    timers.advanceTo(50_000);
    const alarm = createAlarm(timers);
    const calls: string[] = [];
    alarm.at(40_000, () => calls.push('late'));
    timers.advanceTo(50_000);
    expect(calls).toEqual(['late']);
  });

  it('starts a fresh timer for an instant asked again after it fired', () => {
    const timers = fakeTimers();
    const alarm = createAlarm(timers);
    alarm.at(1_000, () => undefined);
    timers.advanceTo(1_000);
    alarm.at(1_000, () => undefined);
    expect(timers.pending()).toBe(1);
  });
});
