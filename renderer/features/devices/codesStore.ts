/**
 * The latest codes pushed by main, by device id (renderer, plain TypeScript). Rows subscribe
 * to their own device's code, so a push at a period boundary re-renders the code cells whose
 * code changed, never the whole list. An unchanged code keeps its object (same snapshot).
 */
import type { CodeView } from '../../../preload/contract/contract';

export interface CodesStore {
  /** Plain functions (no `this`), so they can be handed to useSyncExternalStore as they are. */
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: (deviceId: string) => CodeView | undefined;
}

export interface WritableCodesStore extends CodesStore {
  readonly set: (codes: readonly CodeView[]) => void;
}

function sameCode(a: CodeView, b: CodeView): boolean {
  if (a.code !== b.code || a.nextCode !== b.nextCode) {
    return false;
  }
  if (a.type === 'totp' && b.type === 'totp') {
    return a.validUntilMs === b.validUntilMs && a.periodSeconds === b.periodSeconds;
  }
  return a.type === 'hotp' && b.type === 'hotp' && a.counter === b.counter;
}

export function createCodesStore(): WritableCodesStore {
  let byId: ReadonlyMap<string, CodeView> = new Map();
  const listeners = new Set<() => void>();

  return {
    subscribe: listener => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get: deviceId => byId.get(deviceId),
    set: codes => {
      const next = new Map<string, CodeView>();
      for (const code of codes) {
        const previous = byId.get(code.deviceId);
        next.set(
          code.deviceId,
          previous !== undefined && sameCode(previous, code) ? previous : code,
        );
      }
      byId = next;
      listeners.forEach(listener => {
        listener();
      });
    },
  };
}
