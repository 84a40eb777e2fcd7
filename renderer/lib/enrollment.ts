/**
 * The enrollment assistant's bookkeeping (renderer, pure): folding main's answers into what the
 * dialog shows, and the words for each step. Main decides timing and computes every code and
 * command; nothing here derives a code.
 */
import type { EnrollmentCopyItem, EnrollmentView } from '../../preload/contract/contract';

export type EnrollmentMode = 'enroll' | 'resync';
export type ReadyEnrollment = Extract<EnrollmentView, { status: 'ready' }>;

export interface EnrollmentSnapshot {
  /** Main's latest answer worth showing; undefined until the first one arrives. */
  readonly view: EnrollmentView | undefined;
  /** The IAM user name the shown view was computed with (its command names this user). */
  readonly userName: string | null;
  /**
   * The user typed another name while a pair was showing, and main had no fresh pair to give:
   * the command shown is for the old name, so it is hidden until the next pair.
   */
  readonly commandStale: boolean;
}

export const EMPTY_SNAPSHOT: EnrollmentSnapshot = {
  view: undefined,
  userName: null,
  commandStale: false,
};

/** The name as main wants it: trimmed, or null for none. */
export function normalizeUserName(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Folds main's answer (asked with `requestedUser` at `nowMs`, on main's clock) into the shown
 * snapshot. A `waiting` answer while the shown pair is still valid keeps that pair: the user may
 * be half-way through entering it. Every other answer replaces what is shown.
 */
export function mergeEnrollment(
  current: EnrollmentSnapshot,
  incoming: EnrollmentView,
  requestedUser: string | null,
  nowMs: number,
): EnrollmentSnapshot {
  const shown = current.view;
  if (
    incoming.status === 'waiting' &&
    shown?.status === 'ready' &&
    shown.deviceId === incoming.deviceId &&
    nowMs < shown.validUntilMs
  ) {
    return { ...current, commandStale: requestedUser !== current.userName };
  }
  return { view: incoming, userName: requestedUser, commandStale: false };
}

/** Whether `next` shows other codes than `previous` (a fresh pair, not the same one again). */
export function isNewPair(previous: EnrollmentView | undefined, next: EnrollmentView): boolean {
  return (
    next.status === 'ready' &&
    (previous?.status !== 'ready' || previous.code2Step !== next.code2Step)
  );
}

/** The command for the mode, or null when main could not build one (see `commandNote`). */
export function modeCommand(view: ReadyEnrollment, mode: EnrollmentMode): string | null {
  return mode === 'enroll' ? view.enableCommand : view.resyncCommand;
}

/**
 * A command split before each `--option`, for display: joined with single spaces the parts
 * give the command back exactly (`aws iam … --user-name alice`, `--serial-number arn:…`).
 */
export function commandParts(command: string): string[] {
  return command.split(/ (?=--)/u);
}

export function commandItem(mode: EnrollmentMode): EnrollmentCopyItem {
  return mode === 'enroll' ? 'enable-command' : 'resync-command';
}

/** What a copy put on the clipboard, for the confirmation line. */
export function copyItemLabel(item: EnrollmentCopyItem): string {
  switch (item) {
    case 'code1':
      return 'MFA code 1';
    case 'code2':
      return 'MFA code 2';
    case 'enable-command':
    case 'resync-command':
      return 'The command';
  }
}
