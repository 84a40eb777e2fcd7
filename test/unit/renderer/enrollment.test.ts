import { describe, expect, it } from 'vitest';
import type { EnrollmentView } from '../../../preload/contract/contract';
import {
  EMPTY_SNAPSHOT,
  commandItem,
  commandParts,
  copyItemLabel,
  isNewPair,
  mergeEnrollment,
  modeCommand,
  normalizeUserName,
  type ReadyEnrollment,
} from '../../../renderer/lib/enrollment';

const deviceId = '00000000-0000-4000-8000-000000000001';

const ready = (code2Step: number, change: Partial<ReadyEnrollment> = {}): ReadyEnrollment => ({
  status: 'ready',
  deviceId,
  code1: '111111',
  code2: '222222',
  code2Step,
  validUntilMs: (code2Step + 1) * 30_000,
  periodSeconds: 30,
  enableCommand: 'aws iam enable-mfa-device --user-name alice',
  resyncCommand: 'aws iam resync-mfa-device --user-name alice',
  commandNote: null,
  ...change,
});

const waiting = (readyAtMs: number): EnrollmentView => ({
  status: 'waiting',
  deviceId,
  readyAtMs,
  periodSeconds: 30,
});

describe('mergeEnrollment', () => {
  it('shows the first answer, whatever it is', () => {
    const next = mergeEnrollment(EMPTY_SNAPSHOT, waiting(60_000), 'alice', 45_000);
    expect(next).toEqual({ view: waiting(60_000), userName: 'alice', commandStale: false });
  });

  it('replaces a waiting view with the pair', () => {
    const shown = mergeEnrollment(EMPTY_SNAPSHOT, waiting(60_000), 'alice', 45_000);
    expect(mergeEnrollment(shown, ready(2), 'alice', 60_040).view).toEqual(ready(2));
  });

  it('keeps a pair that is still valid when main answers "waiting" to a new user name', () => {
    const shown = mergeEnrollment(EMPTY_SNAPSHOT, ready(2), 'alice', 60_100);
    const next = mergeEnrollment(shown, waiting(90_000), 'bob', 75_000);
    expect(next.view).toBe(shown.view);
    expect(next.userName).toBe('alice');
    expect(next.commandStale).toBe(true);
    // Back to the name the command was built for: nothing is stale any more.
    expect(mergeEnrollment(next, waiting(90_000), 'alice', 76_000).commandStale).toBe(false);
  });

  it('lets an expired pair go', () => {
    const shown = mergeEnrollment(EMPTY_SNAPSHOT, ready(2), 'alice', 60_100);
    expect(mergeEnrollment(shown, waiting(120_000), 'alice', 90_000).view).toEqual(
      waiting(120_000),
    );
  });

  it('replaces a pair with a fresh one and its command', () => {
    const shown = mergeEnrollment(EMPTY_SNAPSHOT, ready(2), 'alice', 60_100);
    const next = mergeEnrollment(shown, ready(3), 'bob', 90_040);
    expect(next).toEqual({ view: ready(3), userName: 'bob', commandStale: false });
  });
});

describe('isNewPair', () => {
  it('is true for the first pair and for a pair of another time step', () => {
    expect(isNewPair(undefined, ready(2))).toBe(true);
    expect(isNewPair(waiting(60_000), ready(2))).toBe(true);
    expect(isNewPair(ready(2), ready(3))).toBe(true);
    expect(isNewPair(ready(2), ready(2, { enableCommand: null }))).toBe(false);
    expect(isNewPair(ready(2), waiting(120_000))).toBe(false);
  });
});

describe('the words and items of the assistant', () => {
  it('normalizes the typed user name', () => {
    expect(normalizeUserName('  alice ')).toBe('alice');
    expect(normalizeUserName('   ')).toBeNull();
  });

  it('picks the command and copy item of the mode', () => {
    expect(modeCommand(ready(2), 'enroll')).toMatch(/^aws iam enable-mfa-device/);
    expect(modeCommand(ready(2), 'resync')).toMatch(/^aws iam resync-mfa-device/);
    expect(commandItem('enroll')).toBe('enable-command');
    expect(commandItem('resync')).toBe('resync-command');
    expect(copyItemLabel('code2')).toBe('MFA code 2');
  });

  it('splits a command before each option, and the parts give it back', () => {
    const command =
      "aws iam enable-mfa-device --user-name 'a b' --serial-number arn:aws:iam::123456789012:mfa/a --authentication-code1 111111 --authentication-code2 222222";
    const parts = commandParts(command);
    expect(parts).toEqual([
      'aws iam enable-mfa-device',
      "--user-name 'a b'",
      '--serial-number arn:aws:iam::123456789012:mfa/a',
      '--authentication-code1 111111',
      '--authentication-code2 222222',
    ]);
    expect(parts.join(' ')).toBe(command);
  });
});
