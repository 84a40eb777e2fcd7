/**
 * The list laid out for windowed rendering (renderer, pure): the sections that show for the
 * current search and collapsed groups, split into columns (lanes) like CSS columns would, and
 * each lane flattened into items — a section's head (card edge, heading, per-user counts,
 * notes), its rows, and its tail (bottom edge and the gap to the next card) — with a size for
 * each: measured when it was last on screen, estimated before.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import { splitIntoLanes } from '../../lib/windowing';
import type { ListSection } from './listModel';

/** A section as it shows now: its matching rows (none while collapsed), and whether it is open. */
export interface ShownSection {
  readonly section: ListSection;
  readonly rows: readonly DeviceView[];
  readonly open: boolean;
}

export type LaneItem =
  | { readonly kind: 'head'; readonly key: string; readonly shown: ShownSection }
  | {
      readonly kind: 'row';
      readonly key: string;
      readonly shown: ShownSection;
      readonly device: DeviceView;
      /** Position within the section's shown rows. */
      readonly position: number;
    }
  | { readonly kind: 'tail'; readonly key: string; readonly shown: ShownSection };

/** Width of a column and the gap between columns (as the CSS columns they replace). */
export const LANE_MIN_WIDTH = 400;
export const LANE_GAP = 16;

export function laneCount(width: number): number {
  return Math.max(1, Math.floor((width + LANE_GAP) / (LANE_MIN_WIDTH + LANE_GAP)));
}

export const headKey = (sectionKey: string) => `h:${sectionKey}`;
export const rowKey = (deviceId: string) => `r:${deviceId}`;
export const tailKey = (sectionKey: string) => `t:${sectionKey}`;

/**
 * Sections that show: while searching, the ones with a match (opened, with their matching rows);
 * otherwise all of them, without rows while collapsed.
 */
export function shownSections(
  sections: readonly ListSection[],
  matches: ReadonlySet<string> | null,
  collapsed: ReadonlySet<string>,
): ShownSection[] {
  const shown: ShownSection[] = [];
  for (const section of sections) {
    if (matches === null) {
      const open = !collapsed.has(section.key);
      shown.push({ section, rows: open ? section.devices : [], open });
      continue;
    }
    const rows = section.devices.filter(device => matches.has(device.id));
    if (rows.length > 0) shown.push({ section, rows, open: true });
  }
  return shown;
}

/** Known sizes by item key, and estimates for what has not been on screen yet. */
export interface SizeLookup {
  get(key: string): number | undefined;
}

const ESTIMATE = {
  row: 51,
  head: 45,
  awsHead: 82,
  recoveredHead: 110,
  tail: 17,
} as const;

export function estimateSize(item: LaneItem): number {
  switch (item.kind) {
    case 'row':
      return ESTIMATE.row;
    case 'tail':
      return ESTIMATE.tail;
    case 'head':
      if (!item.shown.open) return ESTIMATE.head + ESTIMATE.tail;
      if (item.shown.section.kind === 'aws') return ESTIMATE.awsHead;
      if (item.shown.section.kind === 'recovered') return ESTIMATE.recoveredHead;
      return ESTIMATE.head;
  }
}

export function sizeOf(item: LaneItem, sizes: SizeLookup): number {
  return sizes.get(item.key) ?? estimateSize(item);
}

/** One section's items: head, rows, and a tail unless collapsed (then the head is the card). */
function sectionItems(shown: ShownSection): LaneItem[] {
  const key = shown.section.key;
  const items: LaneItem[] = [{ kind: 'head', key: headKey(key), shown }];
  shown.rows.forEach((device, position) => {
    items.push({ kind: 'row', key: rowKey(device.id), shown, device, position });
  });
  if (shown.open) items.push({ kind: 'tail', key: tailKey(key), shown });
  return items;
}

/**
 * Sections split into `lanes` columns read top to bottom then left to right, balanced by their
 * heights; each lane flattened into items.
 */
export function layOutLanes(
  sections: readonly ShownSection[],
  lanes: number,
  sizes: SizeLookup,
): LaneItem[][] {
  const perSection = sections.map(sectionItems);
  const heights = perSection.map(items =>
    items.reduce((sum, item) => sum + sizeOf(item, sizes), 0),
  );
  const breaks = [...splitIntoLanes(heights, lanes), perSection.length];
  const result: LaneItem[][] = [];
  let from = 0;
  for (const to of breaks) {
    result.push(perSection.slice(from, to).flat());
    from = to;
  }
  return result;
}
