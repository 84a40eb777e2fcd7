import { describe, expect, it } from 'vitest';
import { createMainClock } from '../../../renderer/lib/mainClock';

describe('createMainClock', () => {
  it('reads the local clock plus the offset main applies to codes', () => {
    let local = 1_000;
    const clock = createMainClock(() => local);
    expect(clock.nowMs()).toBe(1_000);
    clock.setOffsetMs(9_000);
    expect(clock.nowMs()).toBe(10_000);
    local = 2_000;
    expect(clock.nowMs()).toBe(11_000);
    expect(clock.nowMs(5_000)).toBe(14_000);
  });

  it('tells subscribers when the offset changes, and only then', () => {
    const clock = createMainClock(() => 0);
    let calls = 0;
    const unsubscribe = clock.subscribe(() => {
      calls++;
    });
    clock.setOffsetMs(0);
    clock.setOffsetMs(9_000);
    clock.setOffsetMs(9_000);
    expect(calls).toBe(1);
    unsubscribe();
    clock.setOffsetMs(0);
    expect(calls).toBe(1);
    expect(clock.offsetMs()).toBe(0);
  });
});
