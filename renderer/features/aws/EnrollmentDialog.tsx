/**
 * The AWS enrollment (or resync) assistant (renderer): waits for the next rollover, then shows
 * MFA code 1 (the period that just ended) and MFA code 2 (the fresh one) with how long is left
 * to submit them, copies each, and offers the ready-to-paste AWS CLI command. Main times the
 * pair and computes every code; copies name the pair's time step, so a stale pair is refused
 * (and replaced) rather than silently re-timed. A pair that expires is replaced automatically.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  DeviceView,
  EnrollmentCopyItem,
  EnrollmentView,
} from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { secondsLeft } from '../../lib/countdown';
import {
  commandItem,
  copyItemLabel,
  isNewPair,
  normalizeUserName,
  type EnrollmentMode,
} from '../../lib/enrollment';
import { primaryLine } from '../../lib/deviceText';
import { mainNowMs } from '../../lib/mainClock';
import { copiedItemMessage } from '../../lib/messages';
import { Dialog } from '../../ui/Dialog';
import { EnrollmentCli } from './EnrollmentCli';
import { EnrollmentPair } from './EnrollmentPair';
import { EnrollmentWaiting } from './EnrollmentWaiting';
import { useEnrollment } from './useEnrollment';

const COPIED_FLASH_MS = 1500;

interface Message {
  readonly text: string;
  readonly tone: 'info' | 'success' | 'warning' | 'error';
}

interface EnrollmentDialogProps {
  readonly device: DeviceView;
  readonly mode: EnrollmentMode;
  readonly onClose: () => void;
  /** Opens "Edit AWS details" for this device (to add a missing serial ARN). */
  readonly onEditAws: () => void;
}

const INTRO: Record<EnrollmentMode, string> = {
  enroll:
    'AWS asks for two consecutive codes: enter them in the console, or run the AWS CLI command.',
  resync:
    'If AWS refuses this device’s codes, choose “Resync” for it in IAM and enter both codes, or run the AWS CLI command.',
};

export function EnrollmentDialog({ device, mode, onClose, onEditAws }: EnrollmentDialogProps) {
  const api = useBridge();
  const stageRef = useRef<HTMLDivElement>(null);
  const [userName, setUserName] = useState(device.aws?.iamUser ?? '');
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [copied, setCopied] = useState<EnrollmentCopyItem | undefined>(undefined);
  // Whether the user copied from the pair on screen: if it expires, say so out loud.
  const usedPair = useRef(false);
  const root = device.aws?.root === true;
  const name = root ? null : normalizeUserName(userName);

  const onUpdate = useCallback((previous: EnrollmentView | undefined, next: EnrollmentView) => {
    if (next.status === 'ready' && isNewPair(previous, next)) {
      if (previous?.status === 'ready') {
        // Silent unless the user was using the old pair: it renews every period otherwise.
        setMessage(
          usedPair.current
            ? {
                text: 'The previous pair expired. These are fresh codes: enter both again.',
                tone: 'warning',
              }
            : undefined,
        );
      } else {
        const left = secondsLeft(next.validUntilMs, mainNowMs());
        setMessage({ text: `Codes ready — submit both within ${left} s.`, tone: 'info' });
      }
      usedPair.current = false;
    } else if (next.status === 'waiting' && previous?.status === 'ready') {
      setMessage({
        text: 'The pair expired. The next one comes with the next code.',
        tone: 'warning',
      });
    }
  }, []);

  const { snapshot, error, refresh } = useEnrollment(device.id, name, onUpdate);
  const view = snapshot.view;

  useEffect(() => {
    if (copied === undefined) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      setCopied(undefined);
    }, COPIED_FLASH_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copied]);

  const copy = async (item: EnrollmentCopyItem): Promise<void> => {
    if (view?.status !== 'ready') {
      return;
    }
    usedPair.current = true;
    try {
      const outcome = await api.aws.copyEnrollment(device.id, {
        item,
        code2Step: view.code2Step,
        // The name the shown command was built with: what is copied is what is shown.
        userName: snapshot.userName,
      });
      if (outcome.ok) {
        setCopied(item);
        setMessage({
          text: copiedItemMessage(copyItemLabel(item), outcome.clearAfterMs),
          tone: 'success',
        });
        return;
      }
      if (outcome.reason === 'expired') {
        // The fresh pair's arrival says so (usedPair is set): "The previous pair expired…".
        refresh();
        return;
      }
      setMessage({ text: outcome.message, tone: 'error' });
    } catch {
      setMessage({ text: 'Could not copy. Try again.', tone: 'error' });
    }
  };

  const title = mode === 'enroll' ? 'Enroll with AWS' : 'Resync with AWS';

  return (
    <Dialog title={title} onClose={onClose} initialFocus={stageRef} placement="top">
      <p className="dialog__subtitle">
        {primaryLine(device)} · {device.group.label}
      </p>
      <p className="dialog__text">{INTRO[mode]}</p>
      <div ref={stageRef} tabIndex={-1} className="enroll-stage">
        {error !== undefined ? (
          <p className="form__error" role="alert">
            {error}
          </p>
        ) : view === undefined ? (
          <p className="enroll-stage__loading">Getting the codes…</p>
        ) : view.status === 'unavailable' ? (
          <p className="form__error" role="alert">
            {view.message}
          </p>
        ) : view.status === 'waiting' ? (
          <EnrollmentWaiting readyAtMs={view.readyAtMs} periodSeconds={view.periodSeconds} />
        ) : (
          <EnrollmentPair view={view} copied={copied} onCopy={item => void copy(item)} />
        )}
      </div>
      {view?.status !== 'unavailable' && error === undefined && (
        <EnrollmentCli
          device={device}
          mode={mode}
          snapshot={snapshot}
          userName={userName}
          onUserNameChange={setUserName}
          copied={copied === commandItem(mode)}
          onCopy={() => void copy(commandItem(mode))}
          onEditAws={onEditAws}
        />
      )}
      <p className={`enroll-message enroll-message--${message?.tone ?? 'info'}`} aria-live="polite">
        {/* Info lines repeat what the timer shows: for screen readers only. */}
        <span className={message?.tone === 'info' ? 'visually-hidden' : undefined}>
          {message?.text}
        </span>
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
