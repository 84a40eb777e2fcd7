/**
 * The device list (renderer): a toolbar (order, count), favourites pinned on top, then one
 * collapsible section per AWS account / issuer. Search hides rows rather than unmounting them,
 * so a keystroke over 1,000 devices re-renders only the rows whose visibility changed.
 * Keyboard: Up/Down move between code buttons; Alt+Up/Down move the focused device within its
 * section (manual order), announced to screen readers. Mouse: drag a device by its icon.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { matchingIds } from '../../lib/deviceSearch';
import { deviceTitle } from '../../lib/deviceText';
import { useToast } from '../../ui/useToast';
import { useSettings } from '../settings/useSettings';
import type { CodesStore } from './codesStore';
import { DeviceGroupSection } from './DeviceGroupSection';
import { ListToolbar } from './ListToolbar';
import { buildSections, neighbourMove, type SortMode } from './listModel';
import type { RowActions } from './rowActions';
import './list.css';

interface DeviceListProps {
  /** Every device; `query` decides which show. */
  readonly devices: readonly DeviceView[];
  readonly query: string;
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

export function DeviceList({ devices, query, codes, highlightId, actions }: DeviceListProps) {
  const api = useBridge();
  const toast = useToast();
  const { settings, update } = useSettings();
  const [sortChoice, setSortChoice] = useState<SortMode | null>(null);
  const sort = sortChoice ?? settings.defaultSort;
  const sections = useMemo(() => buildSections(devices, sort), [devices, sort]);
  const matches = useMemo(() => matchingIds(devices, query), [devices, query]);
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
    if (!target.classList.contains('code-button')) {
      return;
    }
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('.code-button') ?? [])].filter(
      button => button.closest('[hidden]') === null,
    );
    const next = buttons[buttons.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next !== undefined) {
      event.preventDefault();
      next.focus();
    }
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
        onKeyDown={onKeyDown}
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
        {sections.map(section => (
          <DeviceGroupSection
            key={section.key}
            section={section}
            matches={matches}
            collapsed={collapsed.has(section.key)}
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
