/**
 * The reuse guard's notice under a row (renderer): the code on screen was copied before and AWS
 * accepts each code once, so it was not copied again. Counts down to the next code and offers
 * to copy it as soon as it appears, or to copy this one anyway. Goes away by itself once the
 * next code is showing. Not a live region: the copy's toast announces the refusal once.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { alreadyUsedMessage } from '../../lib/messages';
import { Icon } from '../../ui/Icon';
import { useSecondsLeft } from '../../ui/useSecondsLeft';
import type { CodesStore } from './codesStore';
import { useDeviceCode } from './useDeviceCode';

interface ReuseNoticeProps {
  readonly deviceId: string;
  readonly codes: CodesStore;
  /** When the next code appears (main's clock, epoch ms). */
  readonly nextCodeAtMs: number;
  /** Copies the code showing now; `allowReuse` after the user said "Copy anyway". */
  readonly onCopy: (allowReuse: boolean) => void;
  readonly onDismiss: () => void;
  /** The notice is going away while it holds focus: put focus back on the row. */
  readonly onFocusLeaving: () => void;
}

export function ReuseNotice({
  deviceId,
  codes,
  nextCodeAtMs,
  onCopy,
  onDismiss,
  onFocusLeaving,
}: ReuseNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  const code = useDeviceCode(codes, deviceId);
  const seconds = useSecondsLeft(nextCodeAtMs);
  const [waiting, setWaiting] = useState(false);
  const handledFor = useRef<number | undefined>(undefined);
  const latest = useRef({ onCopy, onDismiss, onFocusLeaving });

  useLayoutEffect(() => {
    latest.current = { onCopy, onDismiss, onFocusLeaving };
  });

  // The next code is showing: copy it if asked to, else the warning no longer applies.
  const rolledOver = code?.type === 'totp' && code.validUntilMs > nextCodeAtMs;
  useEffect(() => {
    if (!rolledOver || handledFor.current === nextCodeAtMs) {
      return;
    }
    handledFor.current = nextCodeAtMs;
    if (waiting) {
      latest.current.onCopy(false);
    } else {
      latest.current.onDismiss();
    }
  }, [rolledOver, waiting, nextCodeAtMs]);

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
    <div ref={ref} className="row__notice">
      <Icon name="warning" />
      <p className="row__notice-text">
        {waiting
          ? `Copying the next code as soon as it appears — in ${seconds} s`
          : `${alreadyUsedMessage(seconds)}. AWS accepts each code only once.`}
      </p>
      <div className="row__notice-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setWaiting(value => !value);
          }}
        >
          {waiting ? 'Stop waiting' : 'Copy next code when it appears'}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            onCopy(true);
          }}
        >
          Copy anyway
        </button>
        <button
          type="button"
          className="icon-button row__notice-dismiss"
          aria-label="Dismiss the reuse warning"
          onClick={onDismiss}
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
