/**
 * A controllable clock and timer set for unit tests of time-driven services. `advance` moves
 * both clocks and fires due timers in order; `jumpWall` moves only the wall clock (an NTP
 * correction, a VM resume) so jump detection can be tested.
 */
import type { Clock, TimerHandle, Timers } from '../../main/core/ports';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
  interval?: number;
}

export class FakeClock implements Clock, Timers {
  #wallMs: number;
  #monotonicMs = 0;
  #nextId = 1;
  readonly #timers = new Map<number, Timer>();
  /** Every setTimeout delay requested, for asserting "one timer to the next boundary". */
  readonly timeoutsRequested: number[] = [];

  constructor(startWallMs: number) {
    this.#wallMs = startWallMs;
  }

  nowMs(): number {
    return this.#wallMs;
  }

  monotonicMs(): number {
    return this.#monotonicMs;
  }

  setTimeout(fn: () => void, delayMs: number): TimerHandle {
    this.timeoutsRequested.push(delayMs);
    const id = this.#nextId++;
    this.#timers.set(id, { id, at: this.#monotonicMs + Math.max(0, delayMs), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  setInterval(fn: () => void, intervalMs: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, at: this.#monotonicMs + intervalMs, fn, interval: intervalMs });
    return id;
  }

  clearInterval(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves both clocks forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.#monotonicMs + ms;
    for (;;) {
      const due = [...this.#timers.values()]
        .filter(t => t.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.#wallMs += due.at - this.#monotonicMs;
      this.#monotonicMs = due.at;
      if (due.interval === undefined) this.#timers.delete(due.id);
      else due.at += due.interval;
      due.fn();
    }
    this.#wallMs += target - this.#monotonicMs;
    this.#monotonicMs = target;
  }

  /** Moves the wall clock only (positive or negative), as an NTP step or a resume would. */
  jumpWall(ms: number): void {
    this.#wallMs += ms;
  }
}
