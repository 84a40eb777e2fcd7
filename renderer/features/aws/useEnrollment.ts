/**
 * The enrollment pair from main, kept current (renderer): asks `aws.enrollment` on open, again
 * at `readyAtMs` while waiting, at `validUntilMs` when the shown pair expires, and (debounced)
 * when the IAM user name changes, so the command names the right user. Answers that arrive out
 * of order are dropped; every code and command shown is main's.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EnrollmentView } from '../../../preload/contract/contract';
import { windowAlarm } from '../../lib/alarm';
import { useBridge } from '../../lib/bridge';
import { EMPTY_SNAPSHOT, mergeEnrollment, type EnrollmentSnapshot } from '../../lib/enrollment';
import { mainNowMs } from '../../lib/mainClock';

/** Ask a little after the deadline, so main's clock has surely passed it too. */
const DEADLINE_SLACK_MS = 40;
/** Never ask again sooner than this after scheduling (no tight loop if clocks disagree). */
const MIN_RETRY_MS = 120;
const NAME_DEBOUNCE_MS = 350;

export interface Enrollment {
  readonly snapshot: EnrollmentSnapshot;
  /** Set when main could not be asked (a bug or a closed window), with what to do. */
  readonly error: string | undefined;
  /** Asks main for the pair again now (after a copy was refused as expired). */
  readonly refresh: () => void;
}

/**
 * @param userName the IAM user name as it should appear in the command (normalized), or null
 * @param onUpdate called when the shown view is replaced (not when a pair is kept)
 */
export function useEnrollment(
  deviceId: string,
  userName: string | null,
  onUpdate: (previous: EnrollmentView | undefined, next: EnrollmentView) => void,
): Enrollment {
  const api = useBridge();
  const [snapshot, setSnapshot] = useState<EnrollmentSnapshot>(EMPTY_SNAPSHOT);
  const [error, setError] = useState<string | undefined>(undefined);
  const shown = useRef<EnrollmentSnapshot>(EMPTY_SNAPSHOT);
  const sequence = useRef(0);
  const latestName = useRef(userName);
  const requestedName = useRef(userName);
  const onUpdateRef = useRef(onUpdate);

  useLayoutEffect(() => {
    latestName.current = userName;
    onUpdateRef.current = onUpdate;
  });

  const load = useCallback(() => {
    const request = ++sequence.current;
    const name = latestName.current;
    requestedName.current = name;
    api.aws.enrollment(deviceId, { userName: name }).then(
      view => {
        if (request !== sequence.current) {
          return; // a newer request is on its way
        }
        const previous = shown.current;
        const next = mergeEnrollment(previous, view, name, mainNowMs());
        shown.current = next;
        setSnapshot(next);
        setError(undefined);
        if (next.view !== previous.view) {
          onUpdateRef.current(previous.view, view);
        }
      },
      (cause: unknown) => {
        console.error('aws.enrollment failed', cause);
        if (request === sequence.current) {
          setError('Tessera could not get the codes. Close this dialog and try again.');
        }
      },
    );
  }, [api, deviceId]);

  useEffect(() => {
    load();
  }, [load]);

  // Ask again when the wait is over, or when the shown pair expires.
  const view = snapshot.view;
  useEffect(() => {
    if (view === undefined || view.status === 'unavailable') {
      return undefined;
    }
    const deadlineMs = view.status === 'waiting' ? view.readyAtMs : view.validUntilMs;
    return windowAlarm.at(
      Math.max(deadlineMs + DEADLINE_SLACK_MS, mainNowMs() + MIN_RETRY_MS),
      load,
    );
  }, [view, load]);

  // A new user name: a new command (debounced while typing).
  useEffect(() => {
    if (userName === requestedName.current) {
      return undefined;
    }
    const timer = window.setTimeout(load, NAME_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [userName, load]);

  return { snapshot, error, refresh: load };
}
