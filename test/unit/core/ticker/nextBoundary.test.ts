import { describe, expect, it } from 'vitest';
import { nextBoundaryMs } from '../../../../main/core/ticker/nextBoundary';

describe('nextBoundaryMs', () => {
  it('is the next multiple of the period after now', () => {
    expect(nextBoundaryMs(1_000, [30])).toBe(30_000);
    expect(nextBoundaryMs(29_999, [30])).toBe(30_000);
  });

  it('moves past a boundary that is exactly now', () => {
    expect(nextBoundaryMs(30_000, [30])).toBe(60_000);
  });

  it('takes the earliest boundary when 30 s and 60 s periods are side by side', () => {
    expect(nextBoundaryMs(31_000, [60, 30])).toBe(60_000);
    expect(nextBoundaryMs(61_000, [60, 30])).toBe(90_000);
    expect(nextBoundaryMs(91_000, [60, 45])).toBe(120_000);
  });

  it('is undefined when there is no time-based device', () => {
    expect(nextBoundaryMs(0, [])).toBeUndefined();
  });
});
