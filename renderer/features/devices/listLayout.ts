/**
 * The list laid out for windowed rendering (renderer, pure): the sections that show for the
 * current search and collapsed groups, split into columns (lanes) like CSS columns would, and
 * each lane flattened into items — a section's head (card edge, heading, per-user counts,
 * notes), its rows, and its tail (bottom edge and the gap to the next card) — with a size for
 * each: measured when it was last on screen, estimated before.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import { splitIntoLanes, type WindowPiece } from '../../lib/windowing';
import type { ListSection } from './listModel';

/** A row in the DOM: its device, position among the section's shown rows, space above it. */
export interface RenderedRow {
  readonly device: DeviceView;
  readonly position: number;
  /** Height of the rows left out between the previous rendered row and this one. */
  readonly gapBefore: number;
}

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

/** What a lane renders: spacers for runs of sections left out, and sections with their rows. */
export type LaneBlock =
  | { readonly kind: 'gap'; readonly key: string; readonly size: number }
  | {
      readonly kind: 'section';
      readonly shown: ShownSection;
      readonly rows: readonly RenderedRow[];
      /** Heights of the rows left out before the first and after the last rendered row. */
      readonly padTop: number;
      readonly padBottom: number;
    };

/**
 * Turns a lane's window (items and gaps, see windowing.ts) into blocks to render. The window
 * always holds the head and tail of any section it shows part of, so a gap is either between
 * sections (a spacer) or among one section's rows (padding, or a margin above a pinned row).
 */
export function renderPlan(
  pieces: readonly WindowPiece[],
  items: readonly LaneItem[],
): LaneBlock[] {
  const blocks: LaneBlock[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i];
    i += 1;
    if (piece === undefined) break;
    if (piece.kind === 'gap') {
      blocks.push({ kind: 'gap', key: `gap:${piece.from}`, size: piece.size });
      continue;
    }
    const head = items[piece.index];
    if (head?.kind !== 'head') continue;
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
    blocks.push({ kind: 'section', shown: head.shown, rows, padTop, padBottom });
  }
  return blocks;
}
