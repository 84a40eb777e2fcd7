/**
 * classifyQrText (HOSTILE #1–#3): authenticator codes get a preview without the secret; transfer
 * codes are routed to the migration importer; anything else is named in words, with the scheme
 * only, never the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQrText } from '../../../../main/core/qr/classify';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('classifyQrText', () => {
  it('previews an AWS otpauth code: issuer, account, AWS account and parameters', () => {
    const content = classifyQrText(
      `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${SECRET}&issuer=Amazon%20Web%20Services`,
    );
    expect(content).toEqual({
      kind: 'otpauth',
      preview: {
        type: 'totp',
        issuer: 'Amazon Web Services',
        accountName: 'alice@123456789012',
        labelIssuer: null,
        algorithm: 'SHA1',
        digits: 6,
        periodSeconds: 30,
        counter: null,
        aws: { accountId: '123456789012', alias: null, deviceName: 'alice' },
      },
      warnings: [],
    });
    expect(JSON.stringify(content)).not.toContain(SECRET);
  });

  it('previews HOTP codes with their counter and keeps parser warnings', () => {
    const content = classifyQrText(
      'otpauth://hotp/Evil:bob?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=7&digits=8&algorithm=SHA256',
    );
    if (content.kind !== 'otpauth') throw new Error(content.kind);
    expect(content.preview).toMatchObject({
      type: 'hotp',
      issuer: 'Bank',
      labelIssuer: 'Evil',
      counter: 7,
      periodSeconds: null,
      digits: 8,
      algorithm: 'SHA256',
      aws: null,
    });
    expect(content.warnings.map(warning => warning.kind).sort()).toEqual([
      'issuer-mismatch',
      'weak-secret',
    ]);
  });

  it('routes Google Authenticator transfer codes to the migration importer', () => {
    expect(classifyQrText('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8')).toMatchObject({
      kind: 'google-migration',
    });
  });

  it('says why an authenticator code cannot be added, without echoing it', () => {
    const damaged = classifyQrText(`otpauth://totp/x?secret=${SECRET}&digits=9`);
    expect(damaged).toMatchObject({ kind: 'invalid-otpauth', reason: 'bad-digits' });
    expect(JSON.stringify(damaged)).not.toContain(SECRET);
    expect(classifyQrText('steam://ABCDEF')).toMatchObject({
      kind: 'invalid-otpauth',
      reason: 'unsupported-type',
    });
  });

  const others: readonly [string, string, string | null][] = [
    ['https://example.com/login?token=abc', 'a web link', 'https'],
    ['HTTP://EXAMPLE.COM', 'a web link', 'http'],
    ['www.example.com/x', 'a web link', null],
    ['WIFI:T:WPA;S:home;P:hunter2;;', 'Wi-Fi network settings', 'wifi'],
    ['BEGIN:VCARD\nVERSION:3.0\nFN:Alice\nEND:VCARD', 'a contact card', 'begin'],
    ['MECARD:N:Alice;TEL:123;;', 'a contact card', 'mecard'],
    ['mailto:alice@example.com', 'an e-mail address', 'mailto'],
    ['alice@example.com', 'an e-mail address', null],
    ['tel:+15551234567', 'a phone number', 'tel'],
    ['+1 (555) 123-4567', 'a phone number', null],
    ['Hello, world', 'plain text', null],
    ['', 'an empty code', null],
  ];
  for (const [text, what, scheme] of others) {
    it(`names ${JSON.stringify(text.slice(0, 24))} as ${what}, showing the scheme only`, () => {
      const content = classifyQrText(text);
      expect(content).toEqual({
        kind: 'other',
        what,
        scheme,
        message: `This QR code isn't a 2FA setup code: it is ${what}.`,
      });
    });
  }

  it('never throws and never repeats more than a short scheme of any text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ minLength: 12, maxLength: 40 }),
        (text, tail) => {
          const content = classifyQrText(text + tail);
          if (content.kind === 'other') {
            expect(content.message).not.toContain(tail);
            expect((content.scheme ?? '').length).toBeLessThanOrEqual(32);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
