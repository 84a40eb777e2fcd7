import { describe, expect, it } from 'vitest';
import { Device } from '../../../../main/core/device/device';
import { planReconcile, recoveredDevice } from '../../../../main/core/vault/reconcile';
import { addDevice, emptyVault, removeDevice } from '../../../../main/core/vault/vaultDocument';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('planReconcile', () => {
  const withAB = addDevice(
    addDevice(emptyVault(), recoveredDevice(A, 0, 1)),
    recoveredDevice(B, 1, 1),
  );

  it('flags metadata whose seed is missing, without planning to delete it', () => {
    const plan = planReconcile(withAB, new Set([A]));
    expect(plan.missingSecrets).toEqual([B]);
    expect(plan.orphans).toEqual([]);
  });

  it('recovers keychain items that have no metadata', () => {
    expect(planReconcile(withAB, new Set([A, B, C])).orphans).toEqual([C]);
  });

  it('finishes a delete that a crash interrupted instead of resurrecting the device', () => {
    const deleted = removeDevice(withAB, B);
    const plan = planReconcile(deleted, new Set([A, B]));
    expect(plan.orphans).toEqual([]);
    expect(plan.leftoverDeletes).toEqual([B]);
    expect(planReconcile(deleted, new Set([A])).finishedDeletes).toEqual([B]);
  });

  it('leaves items that are not device ids alone', () => {
    const plan = planReconcile(withAB, new Set([A, B, 'someone-elses-item']));
    expect(plan.orphans).toEqual([]);
    expect(plan.foreign).toEqual(['someone-elses-item']);
  });
});

describe('recoveredDevice', () => {
  it('is a valid device in the Recovered group with default TOTP parameters', () => {
    const device = Device.parse(recoveredDevice(C, 4, 1_700_000_000_000));
    expect(device).toMatchObject({
      id: C,
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: 30,
      recovered: true,
      order: 4,
    });
  });
});
