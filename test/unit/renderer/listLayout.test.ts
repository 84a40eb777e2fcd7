import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../preload/contract/contract';
import {
  LANE_GAP,
  LANE_MIN_WIDTH,
  estimateSize,
  headKey,
  laneCount,
  layOutLanes,
  renderPlan,
  rowKey,
  shownSections,
  sizeOf,
  tailKey,
  type LaneItem,
  type ShownSection,
  type SizeLookup,
} from '../../../renderer/features/devices/listLayout';
import {
  FAVORITES_KEY,
  buildSections,
  type ListSection,
} from '../../../renderer/features/devices/listModel';
import { prefixOffsets, splitIntoLanes, windowPieces } from '../../../renderer/lib/windowing';
import { deviceView } from './deviceViewFixture';

const device = deviceView;

const issuerGroup = (name: string) =>
  ({ key: `issuer:${name.toLowerCase()}`, label: name, kind: 'issuer' }) as const;

/** `count` devices of the issuer `name`. */
const devicesOf = (name: string, count: number) =>
  Array.from({ length: count }, () => device({ issuer: name, group: issuerGroup(name) }));

function section(kind: ListSection['kind'], devices: readonly DeviceView[] = []): ListSection {
  return { key: `${kind}:x`, label: 'X', kind, devices, members: devices };
}

const noSizes: SizeLookup = new Map<string, number>();
const ids = (devices: readonly DeviceView[]) => devices.map(d => d.id);
const keysOf = (lane: readonly LaneItem[]) => lane.map(item => item.key);

/** Devices in up to five issuer groups (some favourites), whether each matches, collapsed groups. */
const listArb = fc.record({
  specs: fc.array(fc.record({ group: fc.nat(4), favorite: fc.boolean(), match: fc.boolean() }), {
    maxLength: 25,
  }),
  searching: fc.boolean(),
  collapsed: fc.uniqueArray(fc.constantFrom(FAVORITES_KEY, 'issuer:g0', 'issuer:g2', 'issuer:g4')),
});

interface ListSpec {
  readonly specs: readonly { group: number; favorite: boolean; match: boolean }[];
  readonly searching: boolean;
  readonly collapsed: readonly string[];
}

/** The sections of the devices described, the matches if searching, the collapsed groups. */
function buildList({ specs, searching, collapsed }: ListSpec) {
  const devices = specs.map(spec =>
    device({
      favorite: spec.favorite,
      issuer: `G${spec.group}`,
      group: issuerGroup(`G${spec.group}`),
    }),
  );
  const sections = buildSections(devices, 'manual');
  const matches = searching
    ? new Set(devices.filter((_, i) => specs[i]?.match === true).map(d => d.id))
    : null;
  return { devices, sections, matches, collapsed: new Set(collapsed) };
}

describe('laneCount', () => {
  it('gives one lane below 816 px, two from 816, three from 1232', () => {
    expect(laneCount(0)).toBe(1);
    expect(laneCount(400)).toBe(1);
    expect(laneCount(815)).toBe(1);
    expect(laneCount(816)).toBe(2);
    expect(laneCount(1231)).toBe(2);
    expect(laneCount(1232)).toBe(3);
    expect(laneCount(1647)).toBe(3);
    expect(laneCount(1648)).toBe(4);
  });

  it('gives at least one lane, however narrow', () => {
    expect(laneCount(-50)).toBe(1);
    expect(laneCount(120.5)).toBe(1);
  });

  it('gives the most lanes of the minimum width (with gaps between) that fit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6000 }), width => {
        const lanes = laneCount(width);
        const needs = (n: number) => n * LANE_MIN_WIDTH + (n - 1) * LANE_GAP;
        expect(Number.isInteger(lanes)).toBe(true);
        expect(lanes).toBeGreaterThanOrEqual(1);
        if (lanes > 1) expect(needs(lanes)).toBeLessThanOrEqual(width);
        expect(needs(lanes + 1)).toBeGreaterThan(width);
        expect(laneCount(width + 1)).toBeGreaterThanOrEqual(lanes);
      }),
    );
  });
});

describe('item keys', () => {
  it('prefix the section key or device id by the kind of item', () => {
    expect(headKey('issuer:github')).toBe('h:issuer:github');
    expect(rowKey('abc')).toBe('r:abc');
    expect(tailKey('issuer:github')).toBe('t:issuer:github');
  });

  it('never collide across kinds, and differ for different keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(headKey(a)).not.toBe(rowKey(b));
        expect(headKey(a)).not.toBe(tailKey(b));
        expect(rowKey(a)).not.toBe(tailKey(b));
        expect(headKey(a) === headKey(b)).toBe(a === b);
        expect(rowKey(a) === rowKey(b)).toBe(a === b);
        expect(tailKey(a) === tailKey(b)).toBe(a === b);
      }),
    );
  });
});

describe('shownSections', () => {
  const github = devicesOf('GitHub', 2);
  const gitlab = devicesOf('GitLab', 3);
  const sections = buildSections([...github, ...gitlab], 'manual');

  it('without a search, shows every section, collapsed ones closed and without rows', () => {
    const shown = shownSections(sections, null, new Set(['issuer:gitlab']));
    expect(shown.map(s => s.section)).toEqual(sections);
    expect(shown.map(s => s.open)).toEqual([true, false]);
    expect(ids(shown[0]!.rows)).toEqual(ids(github));
    expect(shown[1]!.rows).toEqual([]);
  });

  it('while searching, shows only sections with a match, opened, with the matching rows', () => {
    const matches = new Set([gitlab[2]!.id, gitlab[0]!.id]);
    // Collapsing does not hide a match.
    const shown = shownSections(sections, matches, new Set(['issuer:gitlab']));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.section.key).toBe('issuer:gitlab');
    expect(shown[0]!.open).toBe(true);
    expect(ids(shown[0]!.rows)).toEqual([gitlab[0]!.id, gitlab[2]!.id]);
  });

  it('shows nothing for a search without a match', () => {
    expect(shownSections(sections, new Set(), new Set())).toEqual([]);
  });

  it('without a search: all sections in order, rows only while open', () => {
    fc.assert(
      fc.property(listArb, spec => {
        const { sections: all, collapsed } = buildList({ ...spec, searching: false });
        const shown = shownSections(all, null, collapsed);
        expect(shown.map(s => s.section)).toEqual(all);
        for (const { section: s, rows, open } of shown) {
          expect(open).toBe(!collapsed.has(s.key));
          expect(ids(rows)).toEqual(open ? ids(s.devices) : []);
        }
      }),
    );
  });

  it('while searching: the sections with a match in order, opened, with their matches in order', () => {
    fc.assert(
      fc.property(listArb, spec => {
        const { sections: all, matches, collapsed } = buildList({ ...spec, searching: true });
        const found = matches ?? new Set<string>();
        const shown = shownSections(all, found, collapsed);
        expect(shown.map(s => s.section)).toEqual(
          all.filter(s => s.devices.some(d => found.has(d.id))),
        );
        for (const { section: s, rows, open } of shown) {
          expect(open).toBe(true);
          expect(rows.length).toBeGreaterThan(0);
          expect(ids(rows)).toEqual(ids(s.devices).filter(id => found.has(id)));
        }
        // Every match shows, once.
        expect(shown.flatMap(s => ids(s.rows)).sort()).toEqual([...found].sort());
      }),
    );
  });
});

describe('estimateSize and sizeOf', () => {
  const row = device();
  const open = (kind: ListSection['kind']): ShownSection => ({
    section: section(kind, [row]),
    rows: [row],
    open: true,
  });
  const head = (shown: ShownSection): LaneItem => ({
    kind: 'head',
    key: headKey(shown.section.key),
    shown,
  });

  it('estimates rows, tails, and heads by section kind', () => {
    const shown = open('issuer');
    expect(
      estimateSize({ kind: 'row', key: rowKey(row.id), shown, device: row, position: 0 }),
    ).toBe(51);
    expect(estimateSize({ kind: 'tail', key: tailKey(shown.section.key), shown })).toBe(17);
    expect(estimateSize(head(shown))).toBe(45);
    expect(estimateSize(head(open('custom')))).toBe(45);
    expect(estimateSize(head(open('favorites')))).toBe(45);
    expect(estimateSize(head(open('aws')))).toBe(82);
    expect(estimateSize(head(open('recovered')))).toBe(110);
  });

  it('estimates a collapsed head as the whole card: heading and bottom edge', () => {
    for (const kind of ['issuer', 'aws', 'recovered'] as const) {
      expect(estimateSize(head({ section: section(kind, [row]), rows: [], open: false }))).toBe(
        45 + 17,
      );
    }
  });

  it('prefers a measured size, even 0, to the estimate', () => {
    const item = head(open('aws'));
    expect(sizeOf(item, noSizes)).toBe(82);
    expect(sizeOf(item, new Map([[item.key, 140]]))).toBe(140);
    expect(sizeOf(item, new Map([[item.key, 0]]))).toBe(0);
    expect(sizeOf(item, new Map([['h:other', 140]]))).toBe(82);
  });
});

/** The items of one shown section as the layout should list them. */
function expectedItems(shown: ShownSection) {
  return [
    { kind: 'head', key: headKey(shown.section.key) },
    ...shown.rows.map((d, position) => ({ kind: 'row', key: rowKey(d.id), id: d.id, position })),
    ...(shown.open ? [{ kind: 'tail', key: tailKey(shown.section.key) }] : []),
  ];
}

function describeItem(item: LaneItem) {
  return item.kind === 'row'
    ? { kind: item.kind, key: item.key, id: item.device.id, position: item.position }
    : { kind: item.kind, key: item.key };
}

const laneSum = (lane: readonly LaneItem[], sizes: SizeLookup) =>
  lane.reduce((total, item) => total + sizeOf(item, sizes), 0);

describe('layOutLanes', () => {
  // Estimated heights: A 45 + 4 × 51 + 17 = 266, B and C 45 + 51 + 17 = 113.
  const a = devicesOf('Alpha', 4);
  const b = devicesOf('Bravo', 1);
  const c = devicesOf('Charlie', 1);
  const shown = shownSections(buildSections([...a, ...b, ...c], 'manual'), null, new Set());

  it('lists a section as its head, its rows in order, and its tail', () => {
    const [lane] = layOutLanes(shown.slice(1, 2), 1, noSizes);
    expect(lane?.map(describeItem)).toEqual([
      { kind: 'head', key: 'h:issuer:bravo' },
      { kind: 'row', key: rowKey(b[0]!.id), id: b[0]!.id, position: 0 },
      { kind: 'tail', key: 't:issuer:bravo' },
    ]);
  });

  it('gives a collapsed section its head only', () => {
    const closed = shownSections(buildSections(a, 'manual'), null, new Set(['issuer:alpha']));
    expect(layOutLanes(closed, 1, noSizes).map(keysOf)).toEqual([['h:issuer:alpha']]);
  });

  it('balances whole sections between lanes by their estimated heights', () => {
    // A | B C: 266 and 226, where A B | C would be 379 and 113.
    const lanes = layOutLanes(shown, 2, noSizes);
    expect(lanes).toHaveLength(2);
    expect(
      lanes.map(lane => lane.filter(item => item.kind === 'head').map(item => item.key)),
    ).toEqual([['h:issuer:alpha'], ['h:issuer:bravo', 'h:issuer:charlie']]);
    expect(lanes.map(lane => laneSum(lane, noSizes))).toEqual([266, 226]);
  });

  it('balances by measured sizes where known', () => {
    // C's row measured at 400: C is 462, so A B | C (379 and 462) beats A | B C (266 and 575).
    const sizes = new Map([[rowKey(c[0]!.id), 400]]);
    const lanes = layOutLanes(shown, 2, sizes);
    expect(
      lanes.map(lane => lane.filter(item => item.kind === 'head').map(item => item.key)),
    ).toEqual([['h:issuer:alpha', 'h:issuer:bravo'], ['h:issuer:charlie']]);
    expect(lanes.map(lane => laneSum(lane, sizes))).toEqual([379, 462]);
  });

  it('uses one lane per section when there are fewer sections than lanes', () => {
    expect(layOutLanes(shown, 5, noSizes).map(lane => lane[0]?.key)).toEqual([
      'h:issuer:alpha',
      'h:issuer:bravo',
      'h:issuer:charlie',
    ]);
  });

  it('is one empty lane when nothing shows', () => {
    expect(layOutLanes([], 3, noSizes)).toEqual([[]]);
  });

  const layoutArb = fc.record({
    list: listArb,
    lanes: fc.integer({ min: 1, max: 4 }),
    measured: fc.array(fc.nat(300), { maxLength: 40 }),
  });

  /** A size lookup with some of the items measured. */
  function measure(items: readonly LaneItem[], measured: readonly number[]): SizeLookup {
    const sizes = new Map<string, number>();
    items.forEach((item, i) => {
      const value = measured[i];
      if (value !== undefined && i % 2 === 0) sizes.set(item.key, value);
    });
    return sizes;
  }

  it('concatenated, lists every shown section in order, each head, rows, tail', () => {
    fc.assert(
      fc.property(layoutArb, ({ list, lanes, measured }) => {
        const { sections: all, matches, collapsed } = buildList(list);
        const visible = shownSections(all, matches, collapsed);
        const sizes = measure(layOutLanes(visible, 1, noSizes).flat(), measured);
        const result = layOutLanes(visible, lanes, sizes);
        expect(result.flat().map(describeItem)).toEqual(visible.flatMap(expectedItems));
        // Each item refers to the section it belongs to.
        for (const item of result.flat()) {
          expect(visible).toContain(item.shown);
          if (item.kind === 'row') expect(item.shown.rows[item.position]).toBe(item.device);
        }
      }),
    );
  });

  it('has one item per section, row and open section (tail), each with its own key', () => {
    fc.assert(
      fc.property(layoutArb, ({ list, lanes }) => {
        const { sections: all, matches, collapsed } = buildList(list);
        const visible = shownSections(all, matches, collapsed);
        const items = layOutLanes(visible, lanes, noSizes).flat();
        const rows = sum(visible.map(s => s.rows.length));
        const open = visible.filter(s => s.open).length;
        expect(items).toHaveLength(visible.length + rows + open);
        expect(new Set(items.map(item => item.key)).size).toBe(items.length);
      }),
    );
  });

  it('never splits a section, and fills as many lanes as there are sections for', () => {
    fc.assert(
      fc.property(layoutArb, ({ list, lanes }) => {
        const { sections: all, matches, collapsed } = buildList(list);
        const visible = shownSections(all, matches, collapsed);
        const result = layOutLanes(visible, lanes, noSizes);
        expect(result.length).toBe(Math.max(1, Math.min(lanes, visible.length)));
        for (const lane of result) {
          if (visible.length > 0) expect(lane[0]?.kind).toBe('head');
          const last = lane.at(-1);
          if (last !== undefined) {
            // A lane ends with a whole section: its tail, or the head of a collapsed one.
            expect(last.kind === 'tail' || (last.kind === 'head' && !last.shown.open)).toBe(true);
          }
        }
      }),
    );
  });

  it('cuts lanes where splitIntoLanes cuts the section heights (measured or estimated)', () => {
    fc.assert(
      fc.property(layoutArb, ({ list, lanes, measured }) => {
        const { sections: all, matches, collapsed } = buildList(list);
        const visible = shownSections(all, matches, collapsed);
        const sizes = measure(layOutLanes(visible, 1, noSizes).flat(), measured);
        const heights = visible.map(s => laneSum(layOutLanes([s], 1, noSizes)[0] ?? [], sizes));
        const sectionsPerLane = layOutLanes(visible, lanes, sizes).map(
          lane => lane.filter(item => item.kind === 'head').length,
        );
        const breaks = [...splitIntoLanes(heights, lanes), visible.length];
        expect(sectionsPerLane).toEqual(breaks.map((to, i) => to - (i === 0 ? 0 : breaks[i - 1]!)));
      }),
    );
  });
});

/** The window useLaneWindow renders: a range and pinned items, closed over whole sections. */
function laneWindow(lane: readonly LaneItem[], start: number, end: number, pinned: number[]) {
  const sizes = lane.map(item => sizeOf(item, noSizes));
  const { starts, total } = prefixOffsets(sizes);
  const headOf = (index: number) => {
    let at = index;
    while (at > 0 && lane[at]?.kind !== 'head') at -= 1;
    return at;
  };
  const tailOf = (index: number) => {
    let at = index;
    while (at + 1 < lane.length && lane[at + 1]?.kind !== 'head') at += 1;
    return at;
  };
  const anchors = [...pinned.filter(i => i < lane.length)];
  if (end > start) anchors.push(start, end - 1);
  const closed = anchors.flatMap(i => [i, headOf(i), tailOf(i)]);
  return { sizes, total, pieces: windowPieces(starts, total, { start, end }, closed) };
}

describe('renderPlan', () => {
  const windowArb = fc.record({
    list: listArb,
    from: fc.nat(60),
    length: fc.nat(60),
    pinned: fc.array(fc.nat(60), { maxLength: 3 }),
  });

  it('shows whole sections in order, their rows in order, and accounts for every pixel', () => {
    fc.assert(
      fc.property(windowArb, ({ list, from, length, pinned }) => {
        const { sections: all, matches, collapsed } = buildList(list);
        const lane = layOutLanes(shownSections(all, matches, collapsed), 1, noSizes)[0] ?? [];
        const start = Math.min(from, lane.length);
        const end = Math.min(start + length, lane.length);
        const { sizes, total, pieces } = laneWindow(lane, start, end, pinned);
        const blocks = renderPlan(pieces, lane);

        // The rendered height (spacers, then every section's head, rows, padding and tail)
        // equals the lane's: nothing is lost or counted twice.
        const sizeByKey = new Map(lane.map((item, i) => [item.key, sizes[i] ?? 0]));
        let height = 0;
        const shownSectionsInOrder: ShownSection[] = [];
        for (const block of blocks) {
          if (block.kind === 'gap') {
            height += block.size;
            continue;
          }
          shownSectionsInOrder.push(block.shown);
          const key = block.shown.section.key;
          height += sizeByKey.get(headKey(key)) ?? 0;
          height += block.padTop + block.padBottom;
          for (const row of block.rows) {
            height += row.gapBefore + (sizeByKey.get(rowKey(row.device.id)) ?? 0);
            expect(block.shown.rows[row.position]).toBe(row.device);
          }
          if (block.shown.open) height += sizeByKey.get(tailKey(key)) ?? 0;
          const positions = block.rows.map(row => row.position);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
          expect(block.rows[0]?.gapBefore ?? 0).toBe(0);
        }
        expect(height).toBeCloseTo(total, 6);
        const sectionOrder = lane.flatMap(item => (item.kind === 'head' ? [item.shown] : []));
        expect(shownSectionsInOrder).toEqual(
          sectionOrder.filter(shown => shownSectionsInOrder.includes(shown)),
        );

        // Every item of the range, and every pinned one, is rendered.
        const rendered = new Set(
          blocks.flatMap(block =>
            block.kind === 'gap'
              ? []
              : [headKey(block.shown.section.key), ...block.rows.map(r => rowKey(r.device.id))],
          ),
        );
        for (const index of [
          ...Array.from({ length: end - start }, (_, k) => start + k),
          ...pinned,
        ]) {
          const item = lane[index];
          if (item !== undefined && item.kind !== 'tail') expect(rendered).toContain(item.key);
        }
      }),
    );
  });

  it('puts rows left out between two rendered rows above the second one', () => {
    const rows = devicesOf('Alpha', 10);
    const [shown] = shownSections([section('issuer', rows)], null, new Set());
    const lane = layOutLanes(shown === undefined ? [] : [shown], 1, noSizes)[0] ?? [];
    // Head (0), rows 1–10, tail (11): render rows 0–1 (items 1–2) and pin row 7 (item 8).
    const { pieces } = laneWindow(lane, 1, 3, [8]);
    const [block] = renderPlan(pieces, lane);
    expect(block?.kind).toBe('section');
    if (block?.kind !== 'section') return;
    expect(block.rows.map(row => row.position)).toEqual([0, 1, 7]);
    expect(block.rows.map(row => row.gapBefore)).toEqual([0, 0, 5 * 51]);
    expect(block.padTop).toBe(0);
    expect(block.padBottom).toBe(2 * 51);
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
