import { describe, expect, it } from 'vitest';
import { formatCode, groupCode } from '../../../renderer/lib/formatCode';

describe('formatCode', () => {
  it('splits a 6-digit code into two groups of three', () => {
    expect(formatCode('123456')).toBe('123 456');
  });

  it('splits an 8-digit code into two groups of four', () => {
    expect(formatCode('12345678')).toBe('1234 5678');
  });

  it('puts the shorter half first for 7 digits', () => {
    expect(formatCode('1234567')).toBe('123 4567');
  });

  it('keeps leading zeros', () => {
    expect(formatCode('004519')).toBe('004 519');
  });

  it('splits a 5-character code (Steam style) into 2 + 3', () => {
    expect(formatCode('2BX7K')).toBe('2B X7K');
  });

  it('leaves codes of four characters or fewer whole', () => {
    expect(formatCode('1234')).toBe('1234');
    expect(formatCode('')).toBe('');
  });

  it('splits codes longer than eight into threes from the left', () => {
    expect(formatCode('1234567890')).toBe('123 456 789 0');
  });

  it('ignores surrounding white space', () => {
    expect(formatCode(' 123456\n')).toBe('123 456');
  });
});

describe('groupCode', () => {
  it('returns the groups whose concatenation is the code', () => {
    for (const code of ['1', '12345', '123456', '1234567', '12345678', '1234567890']) {
      expect(groupCode(code).join('')).toBe(code);
    }
  });

  it('returns no group for an empty code', () => {
    expect(groupCode('')).toEqual([]);
  });
});
