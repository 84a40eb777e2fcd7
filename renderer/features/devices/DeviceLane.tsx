/**
 * One column of the device list (renderer): its sections, windowed. Only the items near the
 * viewport are in the DOM (see useLaneWindow); runs of sections left out become one spacer,
 * rows left out inside a section become padding of its list.
 */
import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { CodesStore } from './codesStore';
import { DeviceGroupSection } from './DeviceGroupSection';
import type { ItemSizes } from './itemSizes';
import { renderPlan, type LaneItem } from './listLayout';
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

  const out: ReactNode[] = renderPlan(pieces, items).map(block =>
    block.kind === 'gap' ? (
      <div
        key={block.key}
        className="device-lane__gap"
        aria-hidden="true"
        style={{ height: block.size }}
      />
    ) : (
      <DeviceGroupSection
        key={block.shown.section.key}
        shown={block.shown}
        rows={block.rows}
        padTop={block.padTop}
        padBottom={block.padBottom}
        searching={searching}
        onToggle={onToggle}
        codes={codes}
        highlightId={highlightId}
        actions={actions}
        reorderable={reorderable}
      />
    ),
  );

  return (
    <div ref={ref} className="device-lane">
      {out}
    </div>
  );
});
