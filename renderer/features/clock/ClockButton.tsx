/**
 * "Check clock" in the header (renderer): checks this computer's clock against the time server
 * on request. A dot marks a clock found off; the banners below say what to do about it.
 */
import type { RefObject } from 'react';
import { Icon } from '../../ui/Icon';
import type { ClockHealth } from './useClockHealth';

interface ClockButtonProps {
  readonly clock: ClockHealth;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
}

export function ClockButton({ clock, buttonRef }: ClockButtonProps) {
  const { status, checking } = clock;
  const drift = status?.state === 'drift';
  const server = status?.server ?? 'the time server';
  const classes = [
    'icon-button',
    'clock-button',
    checking ? 'clock-button--checking' : '',
    drift ? 'clock-button--drift' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      ref={buttonRef}
      type="button"
      className={classes}
      aria-label="Check clock"
      title={
        checking ? `Checking the clock against ${server}…` : `Check the clock against ${server}`
      }
      onClick={() => {
        if (!checking) {
          void clock.check();
        }
      }}
    >
      <Icon name="clock" />
      {drift && <span className="clock-button__dot" aria-hidden="true" />}
    </button>
  );
}
