import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  prefixOffsets,
  splitIntoLanes,
  windowPieces,
  windowRange,
  type WindowPiece,
} from '../../../renderer/lib/windowing';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const size = (sizes: readonly number[], index: number) => sizes[index] ?? 0;

/** Item sizes in whole pixels (zero included), so sums are exact. */
const sizesArb = fc.array(fc.nat(120), { maxLength: 60 });

/**
 * A list and a viewport somewhere around it (sometimes above or below it), at times with an
 * edge of the viewport widened by the overscan right on an item boundary or an end of the list.
 */
const viewArb = sizesArb.chain(sizes => {
  const { starts, total } = prefixOffsets(sizes);
  return fc
    .record({
      free: fc.integer({ min: -400, max: total + 400 }),
      edge: fc.constantFrom(0, total, ...starts),
      align: fc.constantFrom('free', 'top', 'bottom'),
      height: fc.nat(600),
      overscan: fc.nat(300),
      chunk: fc.integer({ min: 1, max: 10 }),
    })
    .map(({ free, edge, align, height, overscan, chunk }) => {
      const top =
        align === 'free' ? free : align === 'top' ? edge + overscan : edge - overscan - height;
      return { sizes, top, bottom: top + height, overscan, chunk };
    });
});

/** Indices covered by the pieces, in the order the pieces list them. */
function coveredIndices(pieces: readonly WindowPiece[]): number[] {
  return pieces.flatMap(piece =>
    piece.kind === 'item'
      ? [piece.index]
      : Array.from({ length: piece.to - piece.from }, (_, offset) => piece.from + offset),
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);

describe('prefixOffsets', () => {
  it('gives each start offset and the total', () => {
    const { starts, total } = prefixOffsets([10, 20, 5]);
    expect([...starts]).toEqual([0, 10, 30]);
    expect(total).toBe(35);
  });

  it('is empty with a zero total for an empty list', () => {
    const { starts, total } = prefixOffsets([]);
    expect(starts.length).toBe(0);
    expect(total).toBe(0);
  });

  it('starts at 0, steps by each size, and ends at the sum of the sizes', () => {
    fc.assert(
      fc.property(sizesArb, sizes => {
        const { starts, total } = prefixOffsets(sizes);
        expect(starts.length).toBe(sizes.length);
        if (sizes.length > 0) expect(starts[0]).toBe(0);
        for (let i = 0; i + 1 < sizes.length; i++) {
          expect(starts[i + 1]! - starts[i]!).toBe(sizes[i]);
        }
        expect(total).toBe(sum(sizes));
      }),
    );
  });
});

describe('windowRange', () => {
  // Twenty items of 50 px: item i spans [50 i, 50 i + 50), the list is 1000 px tall.
  const { starts, total } = prefixOffsets(Array<number>(20).fill(50));

  it('takes the items overlapping the viewport', () => {
    // 120 is inside item 2 (100–150), 260 inside item 5 (250–300).
    expect(windowRange(starts, total, 120, 260, 0)).toEqual({ start: 2, end: 6 });
    // A viewport edge on an item boundary takes the item starting there.
    expect(windowRange(starts, total, 100, 250, 0)).toEqual({ start: 2, end: 6 });
  });

  it('widens by the overscan and snaps both ends outwards to the chunk', () => {
    // 120 − 100 = 20 is in item 0, 260 + 100 = 360 in item 7.
    expect(windowRange(starts, total, 120, 260, 100)).toEqual({ start: 0, end: 8 });
    // Items 2..5 snapped to multiples of 4.
    expect(windowRange(starts, total, 120, 260, 0, 4)).toEqual({ start: 0, end: 8 });
    // Items 9..11 snapped to multiples of 4.
    expect(windowRange(starts, total, 470, 590, 0, 4)).toEqual({ start: 8, end: 12 });
  });

  it('clamps the end to the item count', () => {
    expect(windowRange(starts, total, 900, 1000, 0, 8)).toEqual({ start: 16, end: 20 });
    // 900 − 300 = 600 is in item 12, snapped down to 8.
    expect(windowRange(starts, total, 900, 5000, 300, 8)).toEqual({ start: 8, end: 20 });
  });

  it('takes the first item when the viewport ends right where the list starts', () => {
    expect(windowRange(starts, total, -300, 0, 0)).toEqual({ start: 0, end: 1 });
    expect(windowRange(starts, total, -400, -100, 100, 8)).toEqual({ start: 0, end: 8 });
  });

  it('is empty for an empty list', () => {
    expect(windowRange(new Float64Array(0), 0, 0, 500, 100, 8)).toEqual({ start: 0, end: 0 });
  });

  it('is empty when the viewport is entirely above or below the list', () => {
    expect(windowRange(starts, total, 1200, 1500, 100)).toEqual({ start: 0, end: 0 });
    expect(windowRange(starts, total, -600, -300, 100, 8)).toEqual({ start: 0, end: 0 });
  });

  it('holds every item of positive size overlapping the widened viewport', () => {
    fc.assert(
      fc.property(viewArb, ({ sizes, top, bottom, overscan, chunk }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const { start, end } = windowRange(at, all, top, bottom, overscan, chunk);
        sizes.forEach((itemSize, i) => {
          const itemTop = at[i]!;
          const overlaps =
            itemSize > 0 && itemTop <= bottom + overscan && itemTop + itemSize > top - overscan;
          if (overlaps) {
            expect(i).toBeGreaterThanOrEqual(start);
            expect(i).toBeLessThan(end);
          }
        });
      }),
    );
  });

  it('with a chunk of 1, holds only items that reach the widened viewport', () => {
    fc.assert(
      fc.property(viewArb, ({ sizes, top, bottom, overscan }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const { start, end } = windowRange(at, all, top, bottom, overscan, 1);
        expect(start).toBeLessThanOrEqual(end);
        for (let i = start; i < end; i++) {
          expect(at[i]!).toBeLessThanOrEqual(bottom + overscan);
          expect(at[i]! + size(sizes, i)).toBeGreaterThanOrEqual(top - overscan);
        }
      }),
    );
  });

  it('is not empty when the list is not and the viewport reaches it', () => {
    fc.assert(
      fc.property(viewArb, ({ sizes, top, bottom, overscan, chunk }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        fc.pre(sizes.length > 0 && bottom + overscan >= 0 && top - overscan <= all);
        const { start, end } = windowRange(at, all, top, bottom, overscan, chunk);
        expect(end).toBeGreaterThan(start);
      }),
    );
  });

  it('snaps the chunk-1 range outwards to the nearest multiples of the chunk', () => {
    fc.assert(
      fc.property(viewArb, ({ sizes, top, bottom, overscan, chunk }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const exact = windowRange(at, all, top, bottom, overscan, 1);
        const { start, end } = windowRange(at, all, top, bottom, overscan, chunk);
        if (exact.end === exact.start) {
          expect({ start, end }).toEqual({ start: 0, end: 0 });
          return;
        }
        expect(start % chunk).toBe(0);
        expect(end % chunk === 0 || end === sizes.length).toBe(true);
        expect(end).toBeLessThanOrEqual(sizes.length);
        expect(start).toBeLessThanOrEqual(exact.start);
        expect(start + chunk).toBeGreaterThan(exact.start);
        expect(end).toBeGreaterThanOrEqual(exact.end);
        expect(end - chunk).toBeLessThan(exact.end);
      }),
    );
  });

  it('is {0, 0} whenever the widened viewport misses the list', () => {
    fc.assert(
      fc.property(
        sizesArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(600),
        fc.nat(300),
        fc.integer({ min: 1, max: 10 }),
        (sizes, above, distance, height, overscan, chunk) => {
          const { starts: at, total: all } = prefixOffsets(sizes);
          // Entirely above the list (bottom + overscan < 0) or below it (top − overscan > total).
          const top = above ? -overscan - distance - height : all + overscan + distance;
          const result = windowRange(at, all, top, top + height, overscan, chunk);
          expect(result).toEqual({ start: 0, end: 0 });
        },
      ),
    );
  });
});

describe('windowPieces', () => {
  // Ten items of 10 px.
  const { starts, total } = prefixOffsets(Array<number>(10).fill(10));

  it('renders the range and the pinned items, with a gap for each run left out', () => {
    expect(windowPieces(starts, total, { start: 3, end: 5 }, [8, -1, 42])).toEqual([
      { kind: 'gap', from: 0, to: 3, size: 30 },
      { kind: 'item', index: 3 },
      { kind: 'item', index: 4 },
      { kind: 'gap', from: 5, to: 8, size: 30 },
      { kind: 'item', index: 8 },
      { kind: 'gap', from: 9, to: 10, size: 10 },
    ]);
  });

  it('is one gap for the whole list when nothing is rendered', () => {
    expect(windowPieces(starts, total, { start: 0, end: 0 })).toEqual([
      { kind: 'gap', from: 0, to: 10, size: 100 },
    ]);
  });

  it('has no gap when everything is rendered, and nothing for an empty list', () => {
    expect(windowPieces(starts, total, { start: 0, end: 10 })).toEqual(
      range(0, 10).map(index => ({ kind: 'item', index })),
    );
    expect(windowPieces(new Float64Array(0), 0, { start: 0, end: 4 }, [0, 1])).toEqual([]);
  });

  it('sizes gaps by the items they replace, whatever those sizes', () => {
    const uneven = prefixOffsets([5, 7, 11, 13, 17]);
    expect(windowPieces(uneven.starts, uneven.total, { start: 2, end: 3 })).toEqual([
      { kind: 'gap', from: 0, to: 2, size: 12 },
      { kind: 'item', index: 2 },
      { kind: 'gap', from: 3, to: 5, size: 30 },
    ]);
  });

  const piecesArb = sizesArb.chain(sizes => {
    const n = sizes.length;
    return fc.record({
      sizes: fc.constant(sizes),
      start: fc.nat(n + 5),
      end: fc.nat(n + 5),
      pinned: fc.array(fc.integer({ min: -5, max: n + 5 }), { maxLength: 6 }),
    });
  });

  it('covers every index exactly once, in order', () => {
    fc.assert(
      fc.property(piecesArb, ({ sizes, start, end, pinned }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const pieces = windowPieces(at, all, { start, end }, pinned);
        expect(coveredIndices(pieces)).toEqual(range(0, sizes.length));
      }),
    );
  });

  it('sizes every gap as the sum of the items it replaces, never empty', () => {
    fc.assert(
      fc.property(piecesArb, ({ sizes, start, end, pinned }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const pieces = windowPieces(at, all, { start, end }, pinned);
        let height = 0;
        for (const piece of pieces) {
          if (piece.kind === 'gap') {
            expect(piece.to).toBeGreaterThan(piece.from);
            expect(piece.size).toBe(sum(sizes.slice(piece.from, piece.to)));
            height += piece.size;
          } else {
            height += size(sizes, piece.index);
          }
        }
        expect(height).toBe(all);
      }),
    );
  });

  it('renders exactly the range and the pinned indices within the list', () => {
    fc.assert(
      fc.property(piecesArb, ({ sizes, start, end, pinned }) => {
        const n = sizes.length;
        const { starts: at, total: all } = prefixOffsets(sizes);
        const pieces = windowPieces(at, all, { start, end }, pinned);
        const items = pieces.flatMap(piece => (piece.kind === 'item' ? [piece.index] : []));
        const expected = new Set([
          ...range(start, Math.min(end, n)),
          ...pinned.filter(index => index >= 0 && index < n),
        ]);
        expect(items).toEqual([...expected].sort((a, b) => a - b));
      }),
    );
  });

  it('never puts two gaps side by side', () => {
    fc.assert(
      fc.property(piecesArb, ({ sizes, start, end, pinned }) => {
        const { starts: at, total: all } = prefixOffsets(sizes);
        const pieces = windowPieces(at, all, { start, end }, pinned);
        for (let i = 0; i + 1 < pieces.length; i++) {
          expect(pieces[i]!.kind === 'gap' && pieces[i + 1]!.kind === 'gap').toBe(false);
        }
      }),
    );
  });
});

/** The heights of the lanes cut at `breaks`. */
function laneHeights(heights: readonly number[], breaks: readonly number[]): number[] {
  const bounds = [0, ...breaks, heights.length];
  return bounds.slice(1).map((to, lane) => sum(heights.slice(bounds[lane], to)));
}

/** The shortest possible tallest lane over every way to cut into at most `lanes` runs. */
function bestTallest(heights: readonly number[], lanes: number): number {
  const from = (start: number, left: number): number => {
    const rest = sum(heights.slice(start));
    if (left <= 1) return rest;
    let best = rest;
    for (let cut = start + 1; cut < heights.length; cut++) {
      best = Math.min(best, Math.max(sum(heights.slice(start, cut)), from(cut, left - 1)));
    }
    return best;
  };
  return from(0, lanes);
}

describe('splitIntoLanes', () => {
  it('balances the lanes', () => {
    expect(splitIntoLanes([100, 100, 100, 100], 2)).toEqual([2]);
    expect(splitIntoLanes([300, 100, 100, 100], 2)).toEqual([1]);
    expect(splitIntoLanes([10, 10, 10, 10, 10, 10], 3)).toEqual([2, 4]);
    // 100 | 40 40 | 90: the tallest lane is 100, where [1, 2] or [2, 3] would give 130.
    expect(splitIntoLanes([100, 40, 40, 90], 3)).toEqual([1, 3]);
  });

  it('uses every lane when there are enough blocks', () => {
    expect(splitIntoLanes([10, 10, 10], 3)).toEqual([1, 2]);
    // One block sets the height; the short ones still get a lane each.
    expect(splitIntoLanes([10, 10, 10, 500], 3)).toEqual([2, 3]);
  });

  it('gives no break for one lane, no blocks, or fewer lanes than one', () => {
    expect(splitIntoLanes([100, 200, 300], 1)).toEqual([]);
    expect(splitIntoLanes([100, 200, 300], 0)).toEqual([]);
    expect(splitIntoLanes([], 3)).toEqual([]);
    expect(splitIntoLanes([500], 3)).toEqual([]);
  });

  it('gives each block its own lane when there are more lanes than blocks', () => {
    expect(splitIntoLanes([50, 60], 3)).toEqual([1]);
  });

  const heightsArb = fc.array(fc.nat(500), { maxLength: 8 });
  const lanesArb = fc.integer({ min: 1, max: 3 });

  it('returns strictly increasing breaks inside the list, one fewer than the lanes it fills', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (heights, lanes) => {
          const breaks = splitIntoLanes(heights, lanes);
          expect(breaks.length).toBeLessThanOrEqual(Math.max(0, lanes - 1));
          // Every lane gets at least one block: as many lanes as blocks allow.
          expect(breaks.length).toBe(Math.max(0, Math.min(lanes, heights.length) - 1));
          for (const [i, at] of breaks.entries()) {
            expect(Number.isInteger(at)).toBe(true);
            expect(at).toBeGreaterThan(i === 0 ? 0 : breaks[i - 1]!);
            expect(at).toBeLessThan(heights.length);
          }
        },
      ),
    );
  });

  it('makes the tallest lane as short as any split can (within 0.5 px)', () => {
    fc.assert(
      fc.property(heightsArb, lanesArb, (heights, lanes) => {
        const tallest = Math.max(0, ...laneHeights(heights, splitIntoLanes(heights, lanes)));
        expect(tallest).toBeLessThanOrEqual(bestTallest(heights, lanes) + 0.5);
      }),
    );
  });

  it('is optimal for fractional heights too (within 0.5 px)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 8 }),
        lanesArb,
        (heights, lanes) => {
          const tallest = Math.max(0, ...laneHeights(heights, splitIntoLanes(heights, lanes)));
          expect(tallest).toBeLessThanOrEqual(bestTallest(heights, lanes) + 0.5);
        },
      ),
    );
  });

  it('every lane gets a block when there are at least as many blocks as lanes', () => {
    fc.assert(
      fc.property(heightsArb, lanesArb, (heights, lanes) => {
        fc.pre(heights.length >= lanes);
        const breaks = splitIntoLanes(heights, lanes);
        const bounds = [0, ...breaks, heights.length];
        expect(bounds.length - 1).toBe(lanes);
        for (let lane = 0; lane < lanes; lane++) {
          expect(bounds[lane + 1]! - bounds[lane]!).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
