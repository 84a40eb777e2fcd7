import { describe, expect, it } from 'vitest';
import { ADD_FAILURES } from '../../../preload/contract/contract';
import { failureField } from '../../../renderer/features/add/failureField';
import {
  alreadyUsedMessage,
  copiedItemMessage,
  copiedMessage,
  copiedNextMessage,
  countDevices,
} from '../../../renderer/lib/messages';

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

describe('the reuse guard and copy lines', () => {
  it('says when the next code comes', () => {
    expect(alreadyUsedMessage(12)).toBe('Already used — next code in 12 s');
  });

  it('names what was copied', () => {
    expect(copiedItemMessage('MFA code 1', 30_000)).toBe(
      'MFA code 1 copied — clipboard clears in 30 s',
    );
    expect(copiedItemMessage('The command', null)).toBe('The command copied');
  });

  it('says when a copied next code becomes valid', () => {
    expect(copiedNextMessage(12, 30_000)).toBe(
      'Copied the next code — valid in 12 s; clipboard clears in 30 s',
    );
    expect(copiedNextMessage(0, null)).toBe('Copied the next code — valid in 1 s');
    expect(copiedNextMessage(null, null)).toBe('Copied the next code');
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
