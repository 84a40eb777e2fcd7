/**
 * Image files (HOSTILE #25): PNG, JPEG and WebP files become luminance frames the pipeline reads
 * (transparency flattened onto white); damaged, animated, foreign, oversized and missing files
 * end in an ImageFileError that says what is wrong. Real files in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumaDecoder } from '../../../../main/core/qr/lumaDecoder';
import { decodeFrame } from '../../../../main/core/qr/pipeline';
import {
  decodeImageBytes,
  ImageFileError,
  readImageFile,
} from '../../../../main/node/qr/imageFile';
import { createZxingLumaDecoder } from '../../../../main/node/qr/zxingLumaDecoder';

const URI =
  'otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services';
const dir = mkdtempSync(join(tmpdir(), 'tessera-image-'));
let zxing: LumaDecoder;
let png: Buffer;

beforeAll(async () => {
  zxing = await createZxingLumaDecoder();
  // Like the QRCodePNG of `aws iam create-virtual-mfa-device`: a bare code, a few px per module.
  png = await QRCode.toBuffer(URI, { type: 'png', scale: 4, margin: 4 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const decodedTexts = async (path: string) =>
  (await decodeFrame(await readImageFile(path), zxing)).map(code => code.text);

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImageFileError);
    return (error as Error).message;
  }
  throw new Error('expected an ImageFileError');
}

/** A PNG whose header claims `width × height` (the pixel data is never reached). */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('readImageFile', () => {
  it('reads PNG, JPEG and WebP files into luminance frames the pipeline decodes', async () => {
    const jpeg = await sharp(png).jpeg({ quality: 80 }).toBuffer();
    const webp = await sharp(png).webp({ quality: 80 }).toBuffer();
    for (const [name, bytes] of [
      ['qr.png', png],
      ['qr.jpg', jpeg],
      ['qr.webp', webp],
    ] as const) {
      const frame = await readImageFile(file(name, bytes));
      expect(frame.format).toBe('luma');
      expect(frame.stride).toBe(frame.width);
      expect(await decodedTexts(join(dir, name))).toEqual([URI]);
    }
  });

  it('flattens a transparent background onto white (black modules on transparency)', async () => {
    const transparent = await QRCode.toBuffer(URI, {
      type: 'png',
      scale: 5,
      color: { dark: '#000000ff', light: '#00000000' },
    });
    expect(await decodedTexts(file('transparent.png', transparent))).toEqual([URI]);
  });

  it('refuses files that are not PNG, JPEG or WebP images', async () => {
    expect(await failure(readImageFile(file('notes.png', Buffer.from('hello'))))).toBe(
      '"notes.png" is not a PNG, JPEG or WebP image, or it is damaged.',
    );
    const gif = await sharp(png).gif().toBuffer();
    expect(await failure(readImageFile(file('qr.gif', gif)))).toBe(
      '"qr.gif" is a GIF image; Tessera reads PNG, JPEG and WebP.',
    );
  });

  it('refuses truncated and corrupted files', async () => {
    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#8090a0' },
    })
      .jpeg()
      .toBuffer();
    expect(
      await failure(readImageFile(file('cut.jpg', photo.subarray(0, photo.length / 2)))),
    ).toMatch(
      /"cut\.jpg" is a damaged or incomplete JPEG file|is not a PNG, JPEG or WebP image, or it is damaged/,
    );
    const corrupted = Buffer.from(png);
    corrupted.fill(0x55, 60, 200);
    expect(await failure(readImageFile(file('corrupt.png', corrupted)))).toMatch(/damaged/);
  });

  it('refuses animated images', async () => {
    const frameA = await sharp(png).resize(64, 64).png().toBuffer();
    const frameB = await sharp(png).resize(64, 64).negate().png().toBuffer();
    const animated = await sharp([frameA, frameB], { join: { animated: true } })
      .webp()
      .toBuffer();
    expect(await failure(readImageFile(file('anim.webp', animated)))).toBe(
      '"anim.webp" is animated (2 frames); save a still screenshot of the QR code instead.',
    );
  });

  it('refuses an image whose header claims more pixels than a frame may hold, without decoding it', async () => {
    expect(await failure(readImageFile(file('bomb.png', pngHeader(100_000, 100_000))))).toBe(
      '"bomb.png" is too large to scan (100000×100000 pixels; at most 16384 per side and 66 megapixels). Crop it around the QR code.',
    );
    expect(await failure(readImageFile(file('big.png', pngHeader(9000, 9000))))).toMatch(
      /^"big\.png" is too large to scan \(9000×9000 pixels/,
    );
    expect(await failure(readImageFile(file('wide.png', pngHeader(20_000, 10))))).toBe(
      '"wide.png" is too large to scan (20000×10 pixels; at most 16384 per side and 66 megapixels). Crop it around the QR code.',
    );
  });

  it('says when the file is missing or is a folder', async () => {
    expect(await failure(readImageFile(join(dir, 'missing.png')))).toBe(
      'Cannot open "missing.png": no such file.',
    );
    expect(await failure(readImageFile(dir))).toMatch(/is not a file\.$/);
  });

  it('decodes bytes of a pasted or dropped image, naming it as told', async () => {
    const frame = await decodeImageBytes(png, 'the pasted image');
    expect(frame.width).toBeGreaterThan(100);
    expect(await failure(decodeImageBytes(Buffer.from('nope'), 'the pasted image'))).toBe(
      'The pasted image is not a PNG, JPEG or WebP image, or it is damaged.',
    );
  });
});
