/**
 * The otpauth:// list importer and exporter: the Aegis and Stratum fixtures, BOM and CRLF,
 * per-line errors that never echo the line, and export → import reproducing every device.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportOtpauthList, otpauthListImporter } from '../../../../main/core/interop/otpauthList';
import { sniffFormats } from '../../../../main/core/interop/registry';
import { OtpSecret } from '../../../../main/core/secret';
import { deviceArbitrary, seedArbitrary } from '../../../support/deviceArbitrary';
import {
  asExpected,
  expectedFiles,
  fixtureBytes,
  isSupported,
} from '../../../support/importFixtures';

const encode = (text: string) => new TextEncoder().encode(text);

describe('otpauth list importer', () => {
  for (const file of expectedFiles('otpauth-uri-list')) {
    it(`imports ${file.file} as its expected.json says (unsupported entries refused per line)`, async () => {
      const bytes = fixtureBytes('otpauth-uri-list', file.file);
      expect(sniffFormats(bytes)).toEqual(['otpauth-list']);
      const outcome = await otpauthListImporter.read({ bytes });
      if (!outcome.ok) throw new Error(outcome.message);
      const bySecret = (a: { secret: string }, b: { secret: string }) =>
        a.secret.localeCompare(b.secret);
      expect(outcome.value.entries.map(asExpected).sort(bySecret)).toEqual(
        file.entries.filter(isSupported).sort(bySecret),
      );
      expect(outcome.value.errors).toHaveLength(file.entries.filter(e => !isSupported(e)).length);
    });
  }

  it('tolerates a BOM, CRLF, blank and comment lines, and reports bad lines by number', async () => {
    const text =
      '\uFEFF# exported\r\notpauth://totp/A:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=A\r\n\r\notpauth://totp/B:b?secret=0000&issuer=B\r\nhello\r\n';
    const outcome = await otpauthListImporter.read({ bytes: encode(text) });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => e.issuer)).toEqual(['A']);
    expect(outcome.value.errors.map(e => [e.index, e.label])).toEqual([
      [3, 'line 4'],
      [4, 'line 5'],
    ]);
    for (const error of outcome.value.errors) expect(error.reason).not.toContain('0000');
  });

  it('refuses files that are not a list of links', async () => {
    expect(await otpauthListImporter.read({ bytes: encode('hello\nworld\n') })).toMatchObject({
      reason: 'wrong-format',
    });
    expect(await otpauthListImporter.read({ bytes: new Uint8Array(0) })).toMatchObject({
      reason: 'malformed',
    });
    // Binary bytes are another kind of file (an encrypted export, an image), as in every importer.
    expect(await otpauthListImporter.read({ bytes: Uint8Array.of(0xff, 0xfe, 0) })).toMatchObject({
      reason: 'wrong-format',
    });
  });

  it('export → import reproduces every device whose names survive display cleaning', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(deviceArbitrary, seedArbitrary), { maxLength: 5 }),
        async pairs => {
          const devices = pairs.map(([device, seed]) => ({
            device: {
              ...device,
              issuer: device.issuer.replace(/[^\w .@-]/gu, '').trim(),
              accountName: device.accountName.replace(/[^\w .@-]/gu, '').trim(),
            },
            secret: OtpSecret.fromBytes(seed),
          }));
          const outcome = await otpauthListImporter.read({
            bytes: encode(exportOtpauthList(devices) || '# empty\notpauth://x'),
          });
          if (!outcome.ok) throw new Error(outcome.message);
          if (devices.length === 0) return;
          expect(outcome.value.errors).toEqual([]);
          outcome.value.entries.forEach((entry, i) => {
            const { device, secret } = devices[i]!;
            expect([entry.issuer, entry.accountName]).toEqual([device.issuer, device.accountName]);
            expect(entry.params.algorithm).toBe(device.algorithm);
            expect(
              entry.params.type === 'totp' ? entry.params.periodSeconds : entry.params.counter,
            ).toBe(device.type === 'totp' ? device.periodSeconds : device.counter);
            expect(entry.secret.equals(secret)).toBe(true);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
