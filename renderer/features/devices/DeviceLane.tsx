/**
 * One column of the device list (renderer): its sections, windowed. Only the items near the
 * viewport are in the DOM (see useLaneWindow); runs of sections left out become one spacer,
 * rows left out inside a section become padding of its list.
 */
import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { CodesStore } from './codesStore';
import { DeviceGroupSection, type RenderedRow } from './DeviceGroupSection';
import type { ItemSizes } from './itemSizes';
import type { LaneItem } from './listLayout';
import type { RowActions } from './rowActions';
import { useLaneWindow } from './useLaneWindow';

interface DeviceLaneProps {
  readonly items: readonly LaneItem[];
  readonly sizes: ItemSizes;
  readonly sizesVersion: number;
  /** Item keys kept in the DOM wherever the viewport is. */
  readonly pinnedKeys: readonly string[];
  readonly searching: boolean;
  readonly onToggle: (key: string) => void;
  readonly codes: CodesStore;
  readonly highlightId: string | undefined;
  readonly actions: RowActions;
  readonly reorderable: boolean;
}

export const DeviceLane = memo(function DeviceLane({
  items,
  sizes,
  sizesVersion,
  pinnedKeys,
  searching,
  onToggle,
  codes,
  highlightId,
  actions,
  reorderable,
}: DeviceLaneProps) {
  const ref = useRef<HTMLDivElement>(null);
  const pieces = useLaneWindow(ref, items, sizes, sizesVersion, pinnedKeys);

  // What is rendered now is what gets measured.
  useLayoutEffect(() => {
    if (ref.current !== null) sizes.observeWithin(ref.current);
  });
  useEffect(() => {
    const lane = ref.current;
    return () => {
      if (lane !== null) sizes.forget(lane);
    };
  }, [sizes]);

  const out: ReactNode[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i];
    i += 1;
    if (piece === undefined) break;
    if (piece.kind === 'gap') {
      out.push(
        <div
          key={`gap:${piece.from}`}
          className="device-lane__gap"
          aria-hidden="true"
          style={{ height: piece.size }}
        />,
      );
      continue;
    }
    const head = items[piece.index];
    if (head?.kind !== 'head') continue; // a section shows from its head (useLaneWindow)
    const rows: RenderedRow[] = [];
    let padTop = 0;
    let padBottom = 0;
    let pending = 0;
    while (i < pieces.length) {
      const next = pieces[i];
      if (next === undefined) break;
      if (next.kind === 'gap') {
        // Inside the section only when what follows it is still this section's.
        const after = items[next.to];
        if (after === undefined || after.kind === 'head') break;
        pending += next.size;
        i += 1;
        continue;
      }
      const item = items[next.index];
      if (item === undefined || item.shown !== head.shown) break;
      i += 1;
      if (item.kind === 'row') {
        if (rows.length === 0) padTop = pending;
        rows.push({
          device: item.device,
          position: item.position,
          gapBefore: rows.length === 0 ? 0 : pending,
        });
        pending = 0;
      } else if (item.kind === 'tail') {
        if (rows.length === 0) padTop = pending;
        else padBottom = pending;
        break;
      }
    }
    out.push(
      <DeviceGroupSection
        key={head.shown.section.key}
        shown={head.shown}
        rows={rows}
        padTop={padTop}
        padBottom={padBottom}
        searching={searching}
        onToggle={onToggle}
        codes={codes}
        highlightId={highlightId}
        actions={actions}
        reorderable={reorderable}
      />,
    );
  }

  return (
    <div ref={ref} className="device-lane">
      {out}
    </div>
  );
});
