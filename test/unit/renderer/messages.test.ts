import { describe, expect, it } from 'vitest';
import { ADD_FAILURES } from '../../../preload/contract/contract';
import { failureField } from '../../../renderer/features/add/failureField';
import { copiedMessage, countDevices } from '../../../renderer/lib/messages';

describe('copiedMessage', () => {
  it('says when the clipboard clears, in whole seconds', () => {
    expect(copiedMessage(30_000)).toBe('Copied — clipboard clears in 30 s');
    expect(copiedMessage(19_600)).toBe('Copied — clipboard clears in 20 s');
  });

  it('never promises a clear in 0 s', () => {
    expect(copiedMessage(200)).toBe('Copied — clipboard clears in 1 s');
  });

  it('just says Copied when main does not clear the clipboard', () => {
    expect(copiedMessage(null)).toBe('Copied');
  });
});

describe('countDevices', () => {
  it('uses the singular for one device', () => {
    expect(countDevices(1)).toBe('1 device');
    expect(countDevices(3)).toBe('3 devices');
  });
});

describe('failureField', () => {
  it('puts secret problems under the secret field', () => {
    expect(failureField('bad-base32')).toBe('secret');
    expect(failureField('secret-too-short')).toBe('secret');
  });

  it('has an answer for every failure in the contract', () => {
    for (const reason of ADD_FAILURES) {
      expect(failureField(reason)).toBeTypeOf('string');
    }
  });
});
