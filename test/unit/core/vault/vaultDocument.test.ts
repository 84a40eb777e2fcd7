import { describe, expect, it } from 'vitest';
import { recoveredDevice } from '../../../../main/core/vault/reconcile';
import {
  addDevice,
  emptyVault,
  parseVault,
  removeDevice,
  serializeVault,
  updateDevice,
  VaultEditError,
} from '../../../../main/core/vault/vaultDocument';

const A = '11111111-1111-4111-8111-111111111111';

describe('parseVault', () => {
  it('round-trips a document through its serialized form', () => {
    const document = addDevice(emptyVault(), recoveredDevice(A, 0, 5));
    expect(parseVault(serializeVault(document))).toEqual({ ok: true, document });
  });

  it.each([
    ['', 'not-json'],
    ['{"schemaVersion":1,"generation":0,"devi', 'not-json'],
    ['\u0000\u0000\u0000', 'not-json'],
    ['{}', 'invalid'],
    ['{"schemaVersion":1,"generation":"0","devices":[],"pendingSecretDeletes":[]}', 'invalid'],
    ['{"schemaVersion":1,"generation":0,"devices":[null],"pendingSecretDeletes":[]}', 'invalid'],
    ['{"schemaVersion":2,"generation":0,"devices":[],"pendingSecretDeletes":[]}', 'newer-version'],
  ])('rejects %j as %s', (text, reason) => {
    const outcome = parseVault(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe(reason);
  });
});

describe('vault edits', () => {
  it('increment the generation on every change', () => {
    const one = addDevice(emptyVault(), recoveredDevice(A, 0, 5));
    const two = updateDevice(one, A, device => ({ ...device, issuer: 'GitHub' }));
    expect([one.generation, two.generation]).toEqual([1, 2]);
  });

  it('refuse an edit that would make the document invalid, leaving the input untouched', () => {
    const one = addDevice(emptyVault(), recoveredDevice(A, 0, 5));
    expect(() => updateDevice(one, A, device => ({ ...device, digits: 12 }))).toThrow();
    expect(one.devices[0]?.digits).toBe(6);
  });

  it('refuse to add the same id twice and to remove an unknown id', () => {
    const one = addDevice(emptyVault(), recoveredDevice(A, 0, 5));
    expect(() => addDevice(one, recoveredDevice(A, 1, 5))).toThrow(VaultEditError);
    expect(() => removeDevice(emptyVault(), A)).toThrow(VaultEditError);
  });

  it('record a pending keychain delete together with the metadata removal', () => {
    const removed = removeDevice(addDevice(emptyVault(), recoveredDevice(A, 0, 5)), A);
    expect(removed.devices).toEqual([]);
    expect(removed.pendingSecretDeletes).toEqual([A]);
  });
});
