/**
 * Transfer QR codes through the IPC channel: the SVGs main renders are rasterised (sharp) and
 * decoded (jsQR) like a phone would, and the decoded links give back every device and seed.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationCollector } from '../../../main/core/interop/googleMigration';
import { encodeBase32 } from '../../../main/core/otp/base32';
import { TransferOutcome } from '../../../preload/contract/transferChannels';
import { startTestTessera, type TestTessera } from '../../support/services';

async function decodeSvg(svg: string): Promise<string> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  if (found === null) throw new Error('no QR code found in the SVG');
  return found.data;
}

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

describe('transfer.qrCodes', () => {
  it('renders QR codes a phone can read back into the same devices, and lists what it left out', async () => {
    t = await startTestTessera();
    const secrets = Array.from({ length: 12 }, (_, n) =>
      encodeBase32(Uint8Array.from({ length: 20 }, (_, i) => (n * 31 + i * 7) & 0xff)),
    );
    for (const [n, secret] of secrets.entries()) {
      await t.transport.invoke(
        'devices.addFromUri',
        `otpauth://totp/Site${n}:user${n}?secret=${secret}&issuer=Site${n}`,
      );
    }
    await t.transport.invoke(
      'devices.addFromUri',
      `otpauth://totp/Slow:me?secret=${secrets[0] ?? ''}&period=60`,
    );

    const outcome = TransferOutcome.parse(
      await t.transport.invoke('transfer.qrCodes', { confirmed: true }),
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.accounts).toBe(12);
    expect(outcome.codes.map(code => `${code.number}/${code.total}`)).toEqual(['1/2', '2/2']);
    expect(outcome.skipped).toEqual([
      { label: 'Slow (me)', reason: expect.stringMatching(/30-second/u) as unknown },
    ]);

    const collector = new MigrationCollector();
    for (const code of outcome.codes)
      expect(collector.add(await decodeSvg(code.svg)).status).toBe('added');
    expect(collector.complete).toBe(true);
    const back = collector.result().entries;
    expect(
      back.map(entry => [entry.issuer, entry.accountName, entry.secret.use(encodeBase32)]),
    ).toEqual(secrets.map((secret, n) => [`Site${n}`, `user${n}`, secret]));
  });

  it('refuses a call without the confirmation, and says when there is nothing to transfer', async () => {
    t = await startTestTessera();
    await expect(t.transport.invoke('transfer.qrCodes', {})).rejects.toThrow();
    expect(await t.transport.invoke('transfer.qrCodes', { confirmed: true })).toMatchObject({
      ok: false,
      reason: 'no-devices',
    });
  });
});
