/**
 * The notice under a row after its code was copied in its last seconds (renderer): that code
 * may be refused if it is submitted late, so the notice offers the next code (valid as soon as
 * this one expires; copying it marks it used for the reuse guard). Counts down, then says the
 * copied code has expired; goes away once the next code has been showing for a while.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Icon } from '../../ui/Icon';
import { useSecondsLeft } from '../../ui/useSecondsLeft';
import type { CodesStore } from './codesStore';
import { expiringNoticeText } from './listText';
import { useDeviceCode } from './useDeviceCode';

interface ExpiringNoticeProps {
  readonly deviceId: string;
  readonly codes: CodesStore;
  /** When the copied code expires (main's clock, epoch ms). */
  readonly validUntilMs: number;
  readonly onCopyNext: () => void;
  /** After the rollover, the "next" code is the one showing: copy that. */
  readonly onCopyCurrent: () => void;
  readonly onDismiss: () => void;
  /** The notice is going away while it holds focus: put focus back on the row. */
  readonly onFocusLeaving: () => void;
}

/** How long the notice stays once the copied code expired. */
const LINGER_MS = 10_000;

export function ExpiringNotice({
  deviceId,
  codes,
  validUntilMs,
  onCopyNext,
  onCopyCurrent,
  onDismiss,
  onFocusLeaving,
}: ExpiringNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  const code = useDeviceCode(codes, deviceId);
  const seconds = useSecondsLeft(validUntilMs);
  const latest = useRef({ onDismiss, onFocusLeaving });

  useLayoutEffect(() => {
    latest.current = { onDismiss, onFocusLeaving };
  });

  const rolledOver = code?.type === 'totp' && code.validUntilMs > validUntilMs;
  useEffect(() => {
    if (!rolledOver) return undefined;
    const timer = window.setTimeout(() => {
      latest.current.onDismiss();
    }, LINGER_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [rolledOver]);

  // Unmounting with focus inside: hand it back before this element leaves the document.
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      if (element?.contains(document.activeElement) === true) {
        latest.current.onFocusLeaving();
      }
    };
  }, []);

  return (
    <div ref={ref} className="row__notice row__notice--expiring">
      <Icon name="warning" />
      <p className="row__notice-text">{expiringNoticeText(rolledOver ? 0 : seconds)}</p>
      <div className="row__notice-actions">
        <button
          type="button"
          className="button button--small"
          onClick={rolledOver ? onCopyCurrent : onCopyNext}
        >
          {rolledOver ? 'Copy the new code' : 'Copy the next code instead'}
        </button>
        <button
          type="button"
          className="icon-button row__notice-dismiss"
          aria-label="Dismiss the expiry warning"
          onClick={onDismiss}
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
