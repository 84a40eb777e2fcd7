/**
 * Keeps keyboard focus in the device list when the row holding it is re-created or removed
 * (renderer). A rename can move a row to another group, a delete removes it, and main's push
 * may land before or after the dialog closes: whenever focus falls back to <body>, put it on
 * the same control of the same device, else on the row now at its place, else on `fallback`.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

interface FocusRecord {
  readonly deviceId: string;
  readonly index: number;
  readonly selector: string;
}

const ROW = 'li[data-device-id]';
const CONTROLS = ['.code-button', '.next-button', '.menu-button'] as const;

function lost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/**
 * @param containerRef the element around all rows
 * @param active false while a dialog is open (its own focus handling applies)
 * @param changes values whose change may have re-created rows (the device list)
 * @param fallback where focus goes when no row is left
 */
export function useFocusRescue(
  containerRef: RefObject<HTMLElement | null>,
  active: boolean,
  changes: unknown,
  fallback: () => void,
): void {
  const record = useRef<FocusRecord | undefined>(undefined);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return undefined;
    }
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target as Element;
      const row = target.closest(ROW);
      if (!(row instanceof HTMLElement) || row.dataset.deviceId === undefined) {
        record.current = undefined;
        return;
      }
      const selector =
        CONTROLS.find(control => target.closest(control) !== null) ??
        (target.closest('[role="menu"]') === null ? '.code-button' : '.menu-button');
      const index = [...container.querySelectorAll(ROW)].indexOf(row);
      record.current = { deviceId: row.dataset.deviceId, index, selector };
    };
    const onFocusOut = (event: FocusEvent): void => {
      const target = event.target as Element;
      // Focus moved to nothing while the control still exists: the user clicked elsewhere.
      queueMicrotask(() => {
        if (target.isConnected && lost() && document.hasFocus()) {
          record.current = undefined;
        }
      });
    };
    container.addEventListener('focusin', onFocusIn);
    container.addEventListener('focusout', onFocusOut);
    return () => {
      container.removeEventListener('focusin', onFocusIn);
      container.removeEventListener('focusout', onFocusOut);
    };
  }, [containerRef]);

  const rescue = useCallback(() => {
    const container = containerRef.current;
    const last = record.current;
    if (container === null || last === undefined) {
      fallback();
      return;
    }
    const rows = [...container.querySelectorAll<HTMLElement>(ROW)];
    const same = rows.find(row => row.dataset.deviceId === last.deviceId);
    const row = same ?? rows[Math.min(last.index, rows.length - 1)];
    const selectors = same === undefined ? CONTROLS : [last.selector, ...CONTROLS];
    const control = selectors
      .map(selector => row?.querySelector<HTMLElement>(selector))
      .find(element => element !== null && element !== undefined);
    if (control === undefined) {
      record.current = undefined;
      fallback();
      return;
    }
    control.focus();
  }, [containerRef, fallback]);

  // Act only when focus was ours to lose: a row held it, or a dialog has just closed.
  const wasActive = useRef(active);
  useLayoutEffect(() => {
    const dialogClosed = active && !wasActive.current;
    wasActive.current = active;
    if (active && lost() && (dialogClosed || record.current !== undefined)) {
      rescue();
    }
  }, [active, changes, rescue]);
}
