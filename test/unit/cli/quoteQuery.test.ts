import { describe, expect, it } from 'vitest';
import { quoteQuery } from '../../../main/cli/common';

describe('quoteQuery', () => {
  it('quotes an ordinary query back', () => {
    expect(quoteQuery('github:alice')).toBe('"github:alice"');
  });

  it.each([
    'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP',
    'secret=JBSWY3DPEHPK3PXP',
    'JBSWY3DPEHPK3PXPJBSWY3DP',
    'jbsw y3dp ehpk 3pxp',
  ])('never echoes what looks like a secret: %s', query => {
    expect(quoteQuery(query)).not.toContain('JBSW');
    expect(quoteQuery(query).toLowerCase()).not.toContain('jbsw');
  });
});
