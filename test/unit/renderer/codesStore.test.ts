import { describe, expect, it } from 'vitest';
import type { CodeView } from '../../../preload/contract/contract';
import { createCodesStore } from '../../../renderer/features/devices/codesStore';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function totp(deviceId: string, code: string, validUntilMs: number): CodeView {
  return { deviceId, type: 'totp', code, nextCode: '000000', periodSeconds: 30, validUntilMs };
}

describe('createCodesStore', () => {
  it('returns each device code by id and notifies subscribers of a push', () => {
    const store = createCodesStore();
    let notified = 0;
    store.subscribe(() => {
      notified += 1;
    });
    store.set([totp(A, '123456', 30_000), totp(B, '654321', 30_000)]);
    expect(store.get(A)?.code).toBe('123456');
    expect(store.get(B)?.code).toBe('654321');
    expect(notified).toBe(1);
  });

  it('keeps the same object for a code that did not change, so its row does not re-render', () => {
    const store = createCodesStore();
    store.set([totp(A, '123456', 60_000), totp(B, '111111', 30_000)]);
    const before = store.get(A);
    store.set([totp(A, '123456', 60_000), totp(B, '222222', 60_000)]);
    expect(store.get(A)).toBe(before);
    expect(store.get(B)?.code).toBe('222222');
  });

  it('forgets devices that are no longer pushed', () => {
    const store = createCodesStore();
    store.set([totp(A, '123456', 30_000)]);
    store.set([]);
    expect(store.get(A)).toBeUndefined();
  });

  it('stops notifying after unsubscribe', () => {
    const store = createCodesStore();
    let notified = 0;
    const unsubscribe = store.subscribe(() => {
      notified += 1;
    });
    unsubscribe();
    store.set([totp(A, '123456', 30_000)]);
    expect(notified).toBe(0);
  });
});
