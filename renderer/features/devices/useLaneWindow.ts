/**
 * Which items of one lane of the device list are in the DOM (renderer): those within a screen
 * of the viewport, plus pinned ones (the focused row, a row being scrolled to), plus the head
 * and tail of every section one of them belongs to, so a section that shows always shows its
 * heading (sticky while its rows scroll) and its card edges. Recomputed on scroll and resize,
 * but a new range (and a render) only comes every few rows.
 * When the items change (a search keystroke, a sort), only what is on screen renders at once,
 * which is what the keystroke waits for; the rows a screen away follow when the page is idle.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import {
  prefixOffsets,
  windowPieces,
  windowRange,
  type WindowPiece,
  type WindowRange,
} from '../../lib/windowing';
import { sizeOf, type LaneItem, type SizeLookup } from './listLayout';

/** Rendered beyond each edge of the viewport, in pixels: about a screen. */
const OVERSCAN_PX = 800;
/** The range moves by this many items at a time. */
const CHUNK = 8;
/** Longest wait for an idle moment before rendering the rows off screen. */
const SETTLE_TIMEOUT_MS = 150;

export function useLaneWindow(
  laneRef: RefObject<HTMLElement | null>,
  items: readonly LaneItem[],
  sizes: SizeLookup,
  sizesVersion: number,
  pinnedKeys: readonly string[],
): WindowPiece[] {
  const { starts, total } = useMemo(
    () => prefixOffsets(items.map(item => sizeOf(item, sizes))),
    // `sizes` is a mutable store: `sizesVersion` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, sizes, sizesVersion],
  );
  // The items whose off-screen neighbours have been rendered too.
  const [settled, setSettled] = useState<readonly LaneItem[] | null>(null);
  const isSettled = settled === items;

  useEffect(() => {
    if (isSettled) return undefined;
    const settle = () => {
      setSettled(items);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(settle, 0);
      return () => {
        window.clearTimeout(timer);
      };
    }
    const handle = window.requestIdleCallback(settle, { timeout: SETTLE_TIMEOUT_MS });
    return () => {
      window.cancelIdleCallback(handle);
    };
  }, [isSettled, items]);

  const rangeFor = useCallback(
    (top: number, bottom: number): WindowRange =>
      isSettled
        ? windowRange(starts, total, top, bottom, OVERSCAN_PX, CHUNK)
        : windowRange(starts, total, top, bottom, 0, 1),
    [starts, total, isSettled],
  );
  // The viewport in lane coordinates as last read, and the range it gave for these offsets.
  const [view, setView] = useState<{
    readonly top: number;
    readonly bottom: number;
    readonly range: WindowRange;
    readonly rangeFor: typeof rangeFor;
  } | null>(null);
  // When items or sizes change, the range comes from the last viewport at once (not from a
  // stale range applied to new items, which could mount rows only to drop them).
  const range =
    view === null
      ? { start: 0, end: 0 }
      : view.rangeFor === rangeFor
        ? view.range
        : rangeFor(view.top, view.bottom);

  const update = useCallback(() => {
    const lane = laneRef.current;
    if (lane === null) return;
    const top = -lane.getBoundingClientRect().top;
    const bottom = top + window.innerHeight;
    const next = rangeFor(top, bottom);
    setView(previous => {
      // The same rows as rendered now: no new state, no second render in the same task.
      const shown =
        previous === null
          ? null
          : previous.rangeFor === rangeFor
            ? previous.range
            : rangeFor(previous.top, previous.bottom);
      return shown !== null && shown.start === next.start && shown.end === next.end
        ? previous
        : { top, bottom, range: next, rangeFor };
    });
  }, [laneRef, rangeFor]);

  // After every change of items or sizes, before paint: the range for the current scroll.
  useLayoutEffect(update, [update]);

  useEffect(() => {
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update, { passive: true });
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [update]);

  // Where each item's section starts and ends, to render whole section shells.
  const { indexOfKey, headOf, tailOf } = useMemo(() => {
    const byKey = new Map<string, number>();
    const head = new Int32Array(items.length);
    const tail = new Int32Array(items.length);
    let sectionStart = 0;
    items.forEach((item, index) => {
      byKey.set(item.key, index);
      if (item.kind === 'head') sectionStart = index;
      head[index] = sectionStart;
    });
    let sectionEnd = items.length - 1;
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index];
      tail[index] = sectionEnd;
      if (item?.kind === 'head') sectionEnd = index - 1;
    }
    return { indexOfKey: byKey, headOf: head, tailOf: tail };
  }, [items]);

  return useMemo(() => {
    const start = Math.min(range.start, items.length);
    const end = Math.min(range.end, items.length);
    const anchors: number[] = [];
    for (const key of pinnedKeys) {
      const index = indexOfKey.get(key);
      if (index !== undefined) anchors.push(index);
    }
    if (end > start) anchors.push(start, end - 1);
    const pinned: number[] = [];
    for (const index of anchors) {
      pinned.push(index, headOf[index] ?? index, tailOf[index] ?? index);
    }
    return windowPieces(starts, total, { start, end }, pinned);
  }, [range.start, range.end, items.length, pinnedKeys, indexOfKey, headOf, tailOf, starts, total]);
}
