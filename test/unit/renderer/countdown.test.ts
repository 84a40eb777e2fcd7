import { describe, expect, it } from 'vitest';
import { msUntilNextSecond, secondsLeft } from '../../../renderer/lib/countdown';

describe('secondsLeft', () => {
  it('rounds up, so the last partial second still shows as 1', () => {
    expect(secondsLeft(30_000, 17_700)).toBe(13);
    expect(secondsLeft(30_000, 29_999)).toBe(1);
    expect(secondsLeft(30_000, 18_000)).toBe(12);
  });

  it('never goes below 0', () => {
    expect(secondsLeft(30_000, 30_000)).toBe(0);
    expect(secondsLeft(30_000, 45_000)).toBe(0);
  });
});

describe('msUntilNextSecond', () => {
  it('is the time until the shown number changes', () => {
    expect(msUntilNextSecond(30_000, 17_700)).toBe(300);
    expect(msUntilNextSecond(30_000, 18_000)).toBe(1000);
    expect(secondsLeft(30_000, 17_700 + 300)).toBe(12);
  });

  it('is null once the deadline has passed', () => {
    expect(msUntilNextSecond(30_000, 30_000)).toBeNull();
    expect(msUntilNextSecond(30_000, 31_000)).toBeNull();
  });
});
