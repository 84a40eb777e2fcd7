/**
 * The device list (renderer): a toolbar (order, count), favourites pinned on top, then one
 * collapsible section per AWS account / issuer, in as many columns as the width allows.
 * Windowed (issue 4: a thousand devices): only the rows near the viewport are in the DOM, so a
 * search keystroke, a scroll or a code push costs the few dozen rows on screen, whatever the
 * size of the vault. The focused row stays in the DOM wherever the list scrolls.
 * Keyboard: Up/Down move between code buttons (scrolling to rows not yet rendered);
 * Alt+Up/Down move the focused device within its section (manual order), announced to screen
 * readers. Mouse: drag a device by its icon.
 */
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { deviceTitle } from '../../lib/deviceText';
import { useToast } from '../../ui/useToast';
import { useSettings } from '../settings/useSettings';
import type { CodesStore } from './codesStore';
import { DeviceLane } from './DeviceLane';
import { ItemSizes } from './itemSizes';
import { laneCount, layOutLanes, rowKey, shownSections } from './listLayout';
import { ListToolbar } from './ListToolbar';
import { buildSections, neighbourMove, type SortMode } from './listModel';
import type { RowActions } from './rowActions';
import './list.css';

interface DeviceListProps {
  /** Every device; `matches` decides which show. */
  readonly devices: readonly DeviceView[];
  /** Ids matching the search, or null when there is no search. */
  readonly matches: ReadonlySet<string> | null;
  readonly codes: CodesStore;
  /** A device to scroll into view and mark briefly (the one just added). */
  readonly highlightId: string | undefined;
  /** Stable across renders: rows are memoised. */
  readonly actions: RowActions;
}

const DRAG_TYPE = 'application/x-tessera-device';

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('li[data-device-id]') : null;
}

function sectionKeyOf(row: HTMLElement): string | undefined {
  return row.closest<HTMLElement>('[data-section-key]')?.dataset.sectionKey;
}

export function DeviceList({ devices, matches, codes, highlightId, actions }: DeviceListProps) {
  const api = useBridge();
  const toast = useToast();
  const { settings, update } = useSettings();
  const [sortChoice, setSortChoice] = useState<SortMode | null>(null);
  const sort = sortChoice ?? settings.defaultSort;
  const sections = useMemo(() => buildSections(devices, sort), [devices, sort]);
  // Saved in settings; a toggle shows at once, before main confirms (then the saved list wins).
  const saved = settings.collapsedGroups;
  const [pending, setPending] = useState<
    { readonly from: readonly string[]; readonly set: ReadonlySet<string> } | undefined
  >(undefined);
  const savedSet = useMemo(() => new Set(saved), [saved]);
  const collapsed = pending !== undefined && pending.from === saved ? pending.set : savedSet;
  const ref = useRef<HTMLDivElement>(null);
  const dragging = useRef<{ readonly id: string; readonly section: string } | undefined>(undefined);
  const dropMark = useRef<HTMLElement | null>(null);
  const [sizes] = useState(() => new ItemSizes());
  // New measurements only resize spacers off screen: not urgent, so rendered as a transition
  // (never in the middle of a keystroke or a scroll frame).
  const [sizesVersion, setSizesVersion] = useState(0);
  useEffect(
    () =>
      sizes.subscribe(() => {
        startTransition(() => {
          setSizesVersion(sizes.getVersion());
        });
      }),
    [sizes],
  );
  const [width, setWidth] = useState<number | null>(null);
  /** The focused row, and a row the keyboard is moving to: kept in the DOM. */
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const [focusTarget, setFocusTarget] = useState<string | undefined>(undefined);

  useEffect(
    () => () => {
      sizes.disconnect();
    },
    [sizes],
  );

  // While the wheel scrolls, rows ignore the pointer: the browser's hover updates under a
  // moving list (hit testing, :hover styles) cost more per frame than the scroll itself
  // (bench:ui: about 40 frames a second with them, 50 without). Back 150 ms after it stops.
  useEffect(() => {
    const list = ref.current;
    if (list === null) return undefined;
    let timer: number | undefined;
    const onScroll = () => {
      if (timer === undefined) list.classList.add('device-list--scrolling');
      else window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = undefined;
        list.classList.remove('device-list--scrolling');
      }, 150);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, []);

  // Columns follow the width; a new width rewraps rows, so measured heights are forgotten.
  useLayoutEffect(() => {
    const list = ref.current;
    if (list === null) return undefined;
    let last = list.clientWidth;
    setWidth(last);
    const observer = new ResizeObserver(() => {
      const next = list.clientWidth;
      if (next === last) return;
      last = next;
      sizes.clear();
      setWidth(next);
    });
    observer.observe(list);
    return () => {
      observer.disconnect();
    };
  }, [sizes]);
  const lanes = width === null ? 1 : laneCount(width);
  const shown = useMemo(
    () => shownSections(sections, matches, collapsed),
    [sections, matches, collapsed],
  );
  // Balanced with the sizes known when the sections change, not re-balanced while scrolling.
  const laneItems = useMemo(() => layOutLanes(shown, lanes, sizes), [shown, lanes, sizes]);
  /** Rows in display order, for Up/Down between code buttons. */
  const order = useMemo(
    () =>
      laneItems.flatMap(items =>
        items.flatMap(item =>
          item.kind === 'row' && item.device.secretStatus === 'ok' ? [item.device.id] : [],
        ),
      ),
    [laneItems],
  );
  const pinnedKeys = useMemo(
    () =>
      [focusedId, focusTarget, highlightId].flatMap(id => (id === undefined ? [] : [rowKey(id)])),
    [focusedId, focusTarget, highlightId],
  );

  useLayoutEffect(() => {
    if (focusTarget === undefined) return;
    const row = ref.current?.querySelector<HTMLElement>(
      `li[data-device-id="${CSS.escape(focusTarget)}"]`,
    );
    // Kept as the target (so still pinned) until the next move: focus itself pins it too.
    if (row === null || row === undefined) return;
    row.scrollIntoView({ block: 'nearest' });
    (
      row.querySelector<HTMLElement>('.code-button') ?? row.querySelector<HTMLElement>('button')
    )?.focus();
  }, [focusTarget]);

  const toggle = useCallback(
    (key: string) => {
      const next = new Set(collapsed);
      if (!next.delete(key)) next.add(key);
      setPending({ from: saved, set: next });
      void update({ collapsedGroups: [...next] }).then(error => {
        if (error !== null) toast({ tone: 'error', message: error, key: 'settings' });
      });
    },
    [collapsed, saved, update, toast],
  );

  useEffect(() => {
    if (highlightId === undefined) {
      return;
    }
    ref.current
      ?.querySelector(`[data-device-id="${CSS.escape(highlightId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [highlightId, devices]);

  const move = useCallback(
    async (id: string, target: { before: string } | { after: string }, announce: string) => {
      try {
        const outcome = await api.devices.move(id, target);
        toast(
          outcome.ok
            ? { tone: 'info', message: announce, key: 'move', announceOnly: true }
            : { tone: 'error', message: outcome.message, key: 'move' },
        );
      } catch {
        toast({ tone: 'error', message: 'Could not move the device. Try again.', key: 'move' });
      }
    },
    [api, toast],
  );

  const moveByKeyboard = (row: HTMLElement, direction: 'up' | 'down'): void => {
    const id = row.dataset.deviceId;
    const sectionKey = sectionKeyOf(row);
    const section = sections.find(each => each.key === sectionKey);
    if (id === undefined || section === undefined) return;
    if (sort !== 'manual') {
      toast({
        tone: 'info',
        message: 'Devices can be moved in manual order: choose “Manual” in Order.',
        key: 'move',
      });
      return;
    }
    const shown = section.devices.filter(device => matches === null || matches.has(device.id));
    const target = neighbourMove(shown, id, direction);
    const device = shown.find(each => each.id === id);
    if (target === null || device === undefined) {
      toast({
        tone: 'info',
        message: direction === 'up' ? 'Already first in this group' : 'Already last in this group',
        key: 'move',
        announceOnly: true,
      });
      return;
    }
    const position = shown.indexOf(device) + (direction === 'up' ? 0 : 2);
    void move(
      id,
      target,
      `Moved ${deviceTitle(device)} to position ${position} of ${shown.length} in ${section.label}`,
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    const target = event.target as HTMLElement;
    const row = rowOf(target);
    if (event.altKey && row !== null && target.closest('[role="menu"]') === null) {
      event.preventDefault();
      moveByKeyboard(row, event.key === 'ArrowUp' ? 'up' : 'down');
      return;
    }
    if (!target.classList.contains('code-button') || row === null) {
      return;
    }
    const id = row.dataset.deviceId ?? '';
    const next = order[order.indexOf(id) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next === undefined || !order.includes(id)) {
      return;
    }
    event.preventDefault();
    const button = ref.current?.querySelector<HTMLElement>(
      `li[data-device-id="${CSS.escape(next)}"] .code-button`,
    );
    if (button === null || button === undefined) {
      setFocusTarget(next); // not rendered yet: rendered, scrolled to and focused
    } else {
      button.focus();
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const id = rowOf(event.target)?.dataset.deviceId;
    if (id !== undefined) setFocusedId(id);
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (rowOf(event.relatedTarget) === null) setFocusedId(undefined);
  };

  const clearDropMark = (): void => {
    if (dropMark.current !== null) delete dropMark.current.dataset.drop;
    dropMark.current = null;
  };

  const onDragStart = (event: DragEvent<HTMLDivElement>): void => {
    const row = rowOf(event.target);
    const id = row?.dataset.deviceId;
    const section = row === null ? undefined : sectionKeyOf(row);
    if (sort !== 'manual' || id === undefined || section === undefined) {
      event.preventDefault();
      return;
    }
    dragging.current = { id, section };
    event.dataTransfer.setData(DRAG_TYPE, id);
    event.dataTransfer.effectAllowed = 'move';
  };

  /** Where a drop over `row` puts the dragged device, or null when it cannot go there. */
  const dropTarget = (event: DragEvent<HTMLDivElement>) => {
    const row = rowOf(event.target);
    const from = dragging.current;
    const id = row?.dataset.deviceId;
    if (row === null || from === undefined || id === undefined || id === from.id) return null;
    if (sectionKeyOf(row) !== from.section) return null;
    const box = row.getBoundingClientRect();
    const where = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    return { row, id, where } as const;
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    const target = dropTarget(event);
    if (target === null) {
      clearDropMark();
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropMark.current !== target.row) clearDropMark();
    target.row.dataset.drop = target.where;
    dropMark.current = target.row;
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    const target = dropTarget(event);
    const from = dragging.current;
    clearDropMark();
    dragging.current = undefined;
    if (target === null || from === undefined) return;
    event.preventDefault();
    const device = devices.find(each => each.id === from.id);
    void move(
      from.id,
      target.where === 'before' ? { before: target.id } : { after: target.id },
      `Moved ${device === undefined ? 'the device' : deviceTitle(device)}`,
    );
  };

  const shownCount = matches === null ? devices.length : matches.size;

  return (
    <>
      <ListToolbar
        sort={sort}
        onSort={setSortChoice}
        total={devices.length}
        shown={shownCount}
        searching={matches !== null}
      />
      <div
        ref={ref}
        className={`device-list device-list--${sort}`}
        style={{ '--lanes': lanes } as CSSProperties}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragLeave={event => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) clearDropMark();
        }}
        onDrop={onDrop}
        onDragEnd={() => {
          clearDropMark();
          dragging.current = undefined;
        }}
      >
        {laneItems.map((items, lane) => (
          <DeviceLane
            key={lane}
            items={items}
            sizes={sizes}
            sizesVersion={sizesVersion}
            pinnedKeys={pinnedKeys}
            searching={matches !== null}
            onToggle={toggle}
            codes={codes}
            highlightId={highlightId}
            actions={actions}
            reorderable={sort === 'manual'}
          />
        ))}
      </div>
    </>
  );
}
