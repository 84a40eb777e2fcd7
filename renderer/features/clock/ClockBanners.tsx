/**
 * Clock health banners (renderer): a drift warning (an alert: codes may be refused) with
 * "Apply offset to codes" and "Check again"; a notice while a correction is applied, with
 * "Stop applying"; and, only after the user asked for a check, a quiet "could not reach" notice.
 * Applying and stopping swap one banner for the other, so focus follows to the new button.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { correctionTitle, driftMessage, driftTitle } from '../../lib/clockText';
import { Banner } from '../../ui/Banner';
import type { ClockHealth } from './useClockHealth';

type FocusTarget = 'apply' | 'stop' | 'fallback';

interface ClockBannersProps {
  readonly clock: ClockHealth;
  /** Where focus goes when the banner holding it goes away (the header's "Check clock"). */
  readonly fallbackFocus: RefObject<HTMLElement | null>;
}

export function ClockBanners({ clock, fallbackFocus }: ClockBannersProps) {
  const { status, checking, asked } = clock;
  const applyRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<FocusTarget | undefined>(undefined);

  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === undefined || checking) {
      return;
    }
    const active = document.activeElement;
    if (active !== null && active !== document.body) {
      pendingFocus.current = undefined; // focus is somewhere that still exists: leave it
      return;
    }
    pendingFocus.current = undefined;
    const element =
      (target === 'apply' ? applyRef.current : target === 'stop' ? stopRef.current : null) ??
      fallbackFocus.current;
    element?.focus();
  }, [status, checking, fallbackFocus]);

  if (status === undefined) {
    return null;
  }
  const drift = status.state === 'drift';
  const applied = status.appliedOffsetMs !== 0;
  const unreachable = asked && status.state === 'unreachable';
  if (!drift && !applied && !unreachable) {
    return null;
  }

  const apply = (value: boolean): void => {
    pendingFocus.current = value ? 'stop' : 'apply';
    void clock.applyOffset(value);
  };
  const checkAgain = (): void => {
    if (checking) {
      return;
    }
    pendingFocus.current = 'fallback';
    void clock.check();
  };

  return (
    <div className="banners">
      {drift && (
        <Banner
          tone="warning"
          alert
          title={driftTitle(status)}
          actions={
            <>
              <button
                ref={applyRef}
                type="button"
                className="button"
                onClick={() => {
                  apply(true);
                }}
              >
                Apply offset to codes
              </button>
              <button type="button" className="button button--quiet" onClick={checkAgain}>
                {checking ? 'Checking…' : 'Check again'}
              </button>
            </>
          }
        >
          <p>{driftMessage(status)}</p>
        </Banner>
      )}
      {applied && (
        <Banner
          tone="info"
          title={correctionTitle(status.appliedOffsetMs)}
          actions={
            <button
              ref={stopRef}
              type="button"
              className="button"
              onClick={() => {
                apply(false);
              }}
            >
              Stop applying
            </button>
          }
        >
          <p>
            Measured against {status.server}. Setting this computer’s clock automatically is the
            lasting fix.
          </p>
        </Banner>
      )}
      {unreachable && (
        <Banner tone="info" title="Could not check the clock" onDismiss={clock.dismiss}>
          <p>{status.message}</p>
        </Banner>
      )}
    </div>
  );
}
