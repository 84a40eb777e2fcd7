/**
 * Clock health for the window (renderer): main's `ClockStatusView` (read at load, then pushed),
 * checks and the applied correction on request. Keeps `mainClock` in step with the applied
 * offset, and says how a check the user asked for went when no banner does.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ClockStatusView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { clockOkMessage } from '../../lib/clockText';
import { mainClock } from '../../lib/mainClock';
import { useToast } from '../../ui/useToast';

export interface ClockHealth {
  /**
   * The last settled status (never `checking`): banners keep showing it while a new check
   * runs, so they do not vanish and reappear (losing focus) on "Check again".
   */
  readonly status: ClockStatusView | undefined;
  /** A check is running. */
  readonly checking: boolean;
  /** The user asked for the last check (so an unreachable server is worth a notice). */
  readonly asked: boolean;
  /** Measures the offset now; resolves once the result is shown. */
  readonly check: () => Promise<void>;
  /** Applies the measured offset to codes (true) or stops applying it (false). */
  readonly applyOffset: (apply: boolean) => Promise<void>;
  /** Hides the "could not reach the server" notice. */
  readonly dismiss: () => void;
}

export function useClockHealth(): ClockHealth {
  const api = useBridge();
  const toast = useToast();
  const [status, setStatus] = useState<ClockStatusView | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [asked, setAsked] = useState(false);

  const accept = useCallback((next: ClockStatusView) => {
    // Before React renders: rings and timers placed during this render use the new offset.
    mainClock.setOffsetMs(next.appliedOffsetMs);
    setChecking(next.state === 'checking');
    setStatus(current =>
      next.state !== 'checking'
        ? next
        : current === undefined
          ? { ...next, state: 'never-checked' }
          : { ...current, appliedOffsetMs: next.appliedOffsetMs },
    );
  }, []);

  useEffect(() => {
    let disposed = false;
    let pushed = false;
    // Subscribe first: a push that lands while status() is in flight is newer than its answer.
    const unsubscribe = api.clock.onChanged(next => {
      pushed = true;
      accept(next);
    });
    api.clock.status().then(
      initial => {
        if (!disposed && !pushed) {
          accept(initial);
        }
      },
      (error: unknown) => {
        console.error('clock.status failed', error);
      },
    );
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api, accept]);

  const check = useCallback(async () => {
    setAsked(true);
    try {
      const result = await api.clock.check();
      accept(result);
      if (result.state === 'ok') {
        toast({ tone: 'success', message: clockOkMessage(result), key: 'clock' });
      }
    } catch {
      toast({ tone: 'error', message: 'Could not check the clock. Try again.', key: 'clock' });
    }
  }, [api, accept, toast]);

  const applyOffset = useCallback(
    async (apply: boolean) => {
      try {
        const result = await api.clock.applyOffset(apply);
        accept(result);
        if (apply && result.appliedOffsetMs === 0 && result.message !== null) {
          toast({ tone: 'warning', message: result.message, key: 'clock' });
        }
      } catch {
        toast({ tone: 'error', message: 'Could not change the clock correction.', key: 'clock' });
      }
    },
    [api, accept, toast],
  );

  const dismiss = useCallback(() => {
    setAsked(false);
  }, []);

  return { status, checking, asked, check, applyOffset, dismiss };
}
