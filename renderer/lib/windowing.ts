/**
 * Windowed rendering (renderer, pure): which items of a long vertical list to put in the DOM.
 * The list stays in normal document flow: rendered items take their real height, and every run
 * of items left out is replaced by one spacer whose height is the sum of their known sizes
 * (measured when they were last on screen, estimated before). So a thousand devices cost the
 * DOM of the few dozen near the viewport, while scroll height, the scrollbar and the browser's
 * own scroll anchoring behave as if everything were there.
 */

/** Start offset of every item and the total height, from their sizes. */
export function prefixOffsets(sizes: readonly number[]): { starts: Float64Array; total: number } {
  const starts = new Float64Array(sizes.length);
  let at = 0;
  for (let i = 0; i < sizes.length; i++) {
    starts[i] = at;
    at += sizes[i] ?? 0;
  }
  return { starts, total: at };
}

/** Index of the last item starting at or before `offset` (0 when the list is empty). */
function itemAt(starts: Float64Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

export interface WindowRange {
  /** First item to render. */
  readonly start: number;
  /** One past the last item to render. */
  readonly end: number;
}

/**
 * The items overlapping [top, bottom] (offsets in the list's own coordinates) widened by
 * `overscan` pixels each side, with both ends snapped outwards to multiples of `chunk` items,
 * so that scrolling changes the range (and re-renders) once per chunk rather than per pixel.
 */
export function windowRange(
  starts: Float64Array,
  total: number,
  top: number,
  bottom: number,
  overscan: number,
  chunk = 1,
): WindowRange {
  const count = starts.length;
  if (count === 0 || bottom + overscan < 0 || top - overscan > total) {
    return { start: 0, end: 0 };
  }
  const first = itemAt(starts, Math.max(0, top - overscan));
  const last = itemAt(starts, Math.min(total, bottom + overscan));
  const step = Math.max(1, Math.floor(chunk));
  return {
    start: Math.floor(first / step) * step,
    end: Math.min(count, Math.ceil((last + 1) / step) * step),
  };
}

/** A piece of the rendered list: an item in the DOM, or a spacer standing for a run of items. */
export type WindowPiece =
  | { readonly kind: 'item'; readonly index: number }
  | { readonly kind: 'gap'; readonly from: number; readonly to: number; readonly size: number };

/**
 * The list as rendered: the items of `range` plus any `pinned` index (the focused row, a row
 * being scrolled to) in order, with a gap for every run of items left out.
 */
export function windowPieces(
  starts: Float64Array,
  total: number,
  range: WindowRange,
  pinned: Iterable<number> = [],
): WindowPiece[] {
  const count = starts.length;
  const shown = new Set<number>();
  for (let i = range.start; i < Math.min(range.end, count); i++) shown.add(i);
  for (const index of pinned) if (index >= 0 && index < count) shown.add(index);
  const ordered = [...shown].sort((a, b) => a - b);
  const startOf = (i: number) => (i >= count ? total : (starts[i] ?? total));
  const pieces: WindowPiece[] = [];
  let next = 0;
  for (const index of ordered) {
    if (index > next) {
      pieces.push({ kind: 'gap', from: next, to: index, size: startOf(index) - startOf(next) });
    }
    pieces.push({ kind: 'item', index });
    next = index + 1;
  }
  if (next < count) {
    pieces.push({ kind: 'gap', from: next, to: count, size: total - startOf(next) });
  }
  return pieces;
}

/**
 * Splits blocks of the given heights into `lanes` consecutive runs (columns read top to bottom,
 * then left to right, as CSS columns do) so that the tallest run is as short as possible.
 * Returns the index where each lane after the first starts. Blocks are never split.
 */
export function splitIntoLanes(heights: readonly number[], lanes: number): number[] {
  const n = heights.length;
  const k = Math.max(1, Math.min(Math.floor(lanes), n));
  if (k <= 1) return [];
  const { starts, total } = prefixOffsets(heights);
  const sumTo = (i: number) => (i >= n ? total : (starts[i] ?? total));
  // Greedy fill under a limit, and binary search on the limit: O(n log(total)).
  const fits = (limit: number): number[] | null => {
    const breaks: number[] = [];
    let laneStart = 0;
    for (let i = 0; i < n; i++) {
      const height = heights[i] ?? 0;
      if (height > limit) return null;
      if (sumTo(i + 1) - sumTo(laneStart) > limit) {
        breaks.push(i);
        laneStart = i;
        if (breaks.length >= k) return null;
      }
    }
    return breaks;
  };
  let low = Math.max(0, ...heights);
  let high = total;
  let best = fits(high) ?? [];
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    const breaks = fits(mid);
    if (breaks === null) low = mid;
    else {
      best = breaks;
      high = mid;
    }
  }
  const final = fits(high);
  if (final !== null) best = final;
  // Use every lane when there are enough blocks: a short list still fills its columns.
  while (best.length < k - 1) {
    const taken = new Set(best);
    let candidate = n - 1;
    while (candidate > 0 && taken.has(candidate)) candidate -= 1;
    if (candidate <= 0) break;
    best = [...best, candidate].sort((a, b) => a - b);
  }
  return best;
}
