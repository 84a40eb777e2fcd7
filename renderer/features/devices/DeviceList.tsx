/**
 * All groups of devices (renderer). Up/Down arrows move between code buttons, so a long list
 * does not need three Tab presses per row.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { groupDevices } from '../../lib/deviceText';
import type { CodesStore } from './codesStore';
import { DeviceGroupSection } from './DeviceGroupSection';
import type { RowActions } from './rowActions';

interface DeviceListProps {
  readonly devices: readonly DeviceView[];
  readonly codes: CodesStore;
  /** A device to scroll into view and mark briefly (the one just added). */
  readonly highlightId: string | undefined;
  /** Stable across renders: rows are memoised. */
  readonly actions: RowActions;
}

export function DeviceList({ devices, codes, highlightId, actions }: DeviceListProps) {
  const groups = useMemo(() => groupDevices(devices), [devices]);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (highlightId === undefined) {
      return;
    }
    ref.current
      ?.querySelector(`[data-device-id="${CSS.escape(highlightId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [highlightId, devices]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    const target = event.target as HTMLElement;
    if (!target.classList.contains('code-button')) {
      return;
    }
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('.code-button') ?? [])];
    const next = buttons[buttons.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next !== undefined) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div ref={ref} className="device-list" onKeyDown={onKeyDown}>
      {groups.map(entry => (
        <DeviceGroupSection
          key={entry.group.key}
          entry={entry}
          codes={codes}
          highlightId={highlightId}
          actions={actions}
        />
      ))}
    </div>
  );
}
