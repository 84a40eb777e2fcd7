/** Words of the backup screens: statuses, passphrase rules, progress. */
import { describe, expect, it } from 'vitest';
import {
  passphraseProblem,
  plural,
  progressText,
  statusText,
} from '../../../renderer/features/backup/backupText';

const item = {
  index: 0,
  issuer: 'GitHub',
  accountName: 'alice',
  type: 'totp' as const,
  warnings: [],
};

describe('backupText', () => {
  it('says what will happen to each entry', () => {
    expect(statusText({ ...item, status: 'new', conflict: null, existingLabel: null })).toBe('New');
    expect(
      statusText({ ...item, status: 'present', conflict: null, existingLabel: 'GitHub:alice' }),
    ).toBe('Already in Tessera');
    expect(
      statusText({
        ...item,
        status: 'conflict',
        conflict: 'same-label-other-secret',
        existingLabel: 'GitHub:alice',
      }),
    ).toBe('Same name as GitHub:alice, other secret');
    expect(
      statusText({ ...item, status: 'conflict', conflict: 'same-id', existingLabel: 'GitHub:bob' }),
    ).toBe('Differs from the stored GitHub:bob');
  });

  it('asks for a long passphrase typed twice', () => {
    expect(passphraseProblem('short', 'short')).toMatch(/at least 10/);
    expect(passphraseProblem('long enough pass', 'long enough pas')).toMatch(/not the same/);
    expect(passphraseProblem('long enough pass', 'long enough pass')).toBeUndefined();
  });

  it('names the slow step and counts in words', () => {
    expect(progressText('deriving-key')).toMatch(/Deriving the key/);
    expect([plural(1, 'device'), plural(2, 'device')]).toEqual(['1 device', '2 devices']);
  });
});
