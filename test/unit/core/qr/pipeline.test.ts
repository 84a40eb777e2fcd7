/**
 * The QR pipeline (core) with the production decoder (zxing-wasm, local .wasm): screenshots from
 * the corpus, synthetic screens and camera frames of every kind the corpus generator makes and
 * more (module sizes, positions, inverted, mirrored, low contrast, noise, blur, several codes,
 * text around them), every pixel format and row stride, empty and tiny frames, and a property:
 * any frame either decodes or is refused with FrameRejectedError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameRejectedError } from '../../../../main/core/ports';
import type { PixelFormat, PixelFrame } from '../../../../main/core/qr/frame';
import type { LumaDecoder } from '../../../../main/core/qr/lumaDecoder';
import { decodeFrame } from '../../../../main/core/qr/pipeline';
import { readImageFile } from '../../../../main/node/qr/imageFile';
import { createZxingLumaDecoder } from '../../../../main/node/qr/zxingLumaDecoder';
import {
  codeSide,
  prng,
  synthFrame,
  type SynthCode,
  type SynthScene,
} from '../../../support/qrSynth';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/qr-screens');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  file: string;
  uris: string[];
}[];

const AWS_URI =
  'otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services';
const GITHUB_URI =
  'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub';
const WEB_LINK = 'https://example.com/enroll';

let zxing: LumaDecoder;
beforeAll(async () => {
  zxing = await createZxingLumaDecoder();
});

const texts = async (frame: PixelFrame) => (await decodeFrame(frame, zxing)).map(code => code.text);

describe('decodeFrame on corpus screenshots', () => {
  for (const { file, uris } of expected) {
    it(`finds exactly the codes of ${file}`, async () => {
      const found = await texts(await readImageFile(join(FIXTURES, file)));
      expect(found.sort()).toEqual([...uris].sort());
    });
  }

  it('reads the same screenshot as RGBA, BGRA and luminance alike', async () => {
    const path = join(FIXTURES, 'screens/s004-1280x800@1-dark-z1.25-inv.png');
    const { data, info } = await sharp(path)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba: PixelFrame = {
      width: info.width,
      height: info.height,
      stride: info.width * 4,
      format: 'rgba',
      data: new Uint8Array(data),
    };
    const bgra = new Uint8Array(data);
    for (let i = 0; i < bgra.length; i += 4)
      [bgra[i], bgra[i + 2]] = [bgra[i + 2] ?? 0, bgra[i] ?? 0];
    const want = expected.find(entry => path.endsWith(entry.file))?.uris;
    expect(await texts(rgba)).toEqual(want);
    expect(await texts({ ...rgba, format: 'bgra', data: bgra })).toEqual(want);
  });
});

describe('decodeFrame on synthetic frames', () => {
  const scenes: readonly [string, SynthScene, readonly string[]][] = [
    [
      'a small code (2.5 px modules) on a 1080p page with text around it',
      {
        width: 1920,
        height: 1080,
        clutter: 25,
        seed: 3,
        codes: [{ text: AWS_URI, moduleSize: 2.5, x: 830, y: 400 }],
      },
      [AWS_URI],
    ],
    [
      'a large code (14 px modules) filling a camera frame',
      {
        width: 1280,
        height: 720,
        noise: 4,
        blur: 1,
        background: 140,
        seed: 4,
        codes: [{ text: GITHUB_URI, moduleSize: 14, x: 300, y: 30 }],
      },
      [GITHUB_URI],
    ],
    [
      'an inverted code on a dark page',
      {
        width: 1600,
        height: 900,
        background: 30,
        dark: 30,
        light: 225,
        clutter: 10,
        seed: 5,
        codes: [{ text: AWS_URI, moduleSize: 4, x: 120, y: 500, invert: true }],
      },
      [AWS_URI],
    ],
    [
      'a mirrored code (front camera)',
      {
        width: 1280,
        height: 720,
        noise: 3,
        seed: 6,
        codes: [{ text: GITHUB_URI, moduleSize: 8, x: 700, y: 200, mirror: true }],
      },
      [GITHUB_URI],
    ],
    [
      'a low-contrast, noisy, blurred code',
      {
        width: 1920,
        height: 1080,
        dark: 95,
        light: 180,
        noise: 5,
        blur: 1,
        seed: 7,
        codes: [{ text: GITHUB_URI, moduleSize: 5, x: 1500, y: 820 }],
      },
      [GITHUB_URI],
    ],
    [
      'three codes at once, one of them not an authenticator code',
      {
        width: 2560,
        height: 1440,
        clutter: 15,
        seed: 8,
        codes: [
          { text: AWS_URI, moduleSize: 3, x: 200, y: 200 },
          { text: GITHUB_URI, moduleSize: 6, x: 1200, y: 700 },
          { text: WEB_LINK, moduleSize: 4, x: 2200, y: 100 },
        ],
      },
      [AWS_URI, GITHUB_URI, WEB_LINK],
    ],
    [
      'a code cut by the frame edge is not invented',
      {
        width: 800,
        height: 600,
        seed: 9,
        codes: [{ text: GITHUB_URI, moduleSize: 6, x: 620, y: 100 }],
      },
      [],
    ],
    [
      'a busy page with no code',
      { width: 1920, height: 1080, clutter: 60, noise: 2, seed: 10, codes: [] },
      [],
    ],
  ];
  for (const [name, scene, want] of scenes) {
    it(`reads ${name}`, async () => {
      expect((await texts(synthFrame(scene))).sort()).toEqual([...want].sort());
    });
  }

  it('finds codes at random sizes, positions and polarities, in every pixel format and stride', async () => {
    const random = prng(42);
    const formats: PixelFormat[] = ['rgba', 'bgra', 'luma'];
    for (let i = 0; i < 12; i++) {
      const width = 640 + Math.floor(random() * 1400);
      const height = 480 + Math.floor(random() * 700);
      const text = i % 3 === 0 ? WEB_LINK : `${GITHUB_URI}&n=${i}`;
      const moduleSize = 3 + random() * 7;
      const side = codeSide({ text, moduleSize });
      const code: SynthCode = {
        text,
        moduleSize,
        x: random() * (width - side),
        y: random() * (height - side),
        invert: i % 4 === 1,
      };
      const frame = synthFrame({
        width,
        height,
        codes: [code],
        clutter: Math.floor(random() * 20),
        noise: i % 2 === 0 ? 3 : 0,
        format: formats[i % 3] ?? 'rgba',
        rowPadding: i % 5 === 0 ? 13 : 0,
        seed: i,
      });
      const found = await decodeFrame(frame, zxing);
      expect(
        found.map(c => c.text),
        `scene ${i}`,
      ).toEqual([text]);
      const bounds = found[0]?.bounds;
      expect(bounds).toBeDefined();
      if (bounds === undefined) continue;
      // The reported box lies on the code.
      expect(bounds.x + bounds.width / 2).toBeGreaterThan(code.x);
      expect(bounds.x + bounds.width / 2).toBeLessThan(code.x + side);
      expect(bounds.y + bounds.height / 2).toBeGreaterThan(code.y);
      expect(bounds.y + bounds.height / 2).toBeLessThan(code.y + side);
    }
  });

  it('lists codes side by side left to right, then top to bottom', async () => {
    const frame = synthFrame({
      width: 1400,
      height: 900,
      codes: [
        { text: 'third', moduleSize: 5, x: 100, y: 600 },
        { text: 'second', moduleSize: 5, x: 700, y: 110 },
        { text: 'first', moduleSize: 5, x: 100, y: 100 },
      ],
    });
    expect(await texts(frame)).toEqual(['first', 'second', 'third']);
  });
});

describe('decodeFrame on empty, tiny and odd frames', () => {
  const blank = (width: number, height: number, format: PixelFormat, value: number, pad = 0) => {
    const bytes = format === 'luma' ? 1 : 4;
    const stride = width * bytes + pad;
    return { width, height, stride, format, data: new Uint8Array(stride * height).fill(value) };
  };

  it('finds nothing in white, black and 1×1 frames, and odd sizes with padded rows', async () => {
    expect(await texts(blank(1920, 1080, 'rgba', 255))).toEqual([]);
    expect(await texts(blank(1280, 720, 'luma', 0))).toEqual([]);
    expect(await texts(blank(1, 1, 'rgba', 0))).toEqual([]);
    expect(await texts(blank(3, 7, 'bgra', 128, 5))).toEqual([]);
    expect(await texts(blank(1023, 767, 'luma', 200, 3))).toEqual([]);
  });

  it('reads a code in a frame whose width is not a multiple of 4 and whose rows are padded', async () => {
    const frame = synthFrame({
      width: 1021,
      height: 613,
      rowPadding: 7,
      format: 'bgra',
      codes: [{ text: GITHUB_URI, moduleSize: 4, x: 401, y: 203 }],
    });
    expect(frame.stride % 4).toBe(3);
    expect(await texts(frame)).toEqual([GITHUB_URI]);
  });

  it('refuses an oversized frame with a clear error before reading it', async () => {
    const huge = {
      width: 20_000,
      height: 20_000,
      stride: 80_000,
      format: 'rgba' as const,
      data: new Uint8Array(0),
    };
    await expect(decodeFrame(huge, zxing)).rejects.toThrow(FrameRejectedError);
    await expect(decodeFrame(huge, zxing)).rejects.toThrow(/too large to scan/);
  });

  it('resolves or refuses with FrameRejectedError, whatever the frame (property)', async () => {
    const frames = fc.record({
      width: fc.integer({ min: -2, max: 70 }),
      height: fc.integer({ min: -2, max: 70 }),
      format: fc.constantFrom<PixelFormat>('rgba', 'bgra', 'luma'),
      pad: fc.integer({ min: -3, max: 9 }),
      extra: fc.integer({ min: -5, max: 5 }),
      fill: fc.integer({ min: 0, max: 255 }),
      seed: fc.integer(),
    });
    await fc.assert(
      fc.asyncProperty(frames, async ({ width, height, format, pad, extra, fill, seed }) => {
        const bytes = format === 'luma' ? 1 : 4;
        const stride = width * bytes + pad;
        const length = Math.max(0, stride * Math.max(0, height) + extra);
        const random = prng(seed);
        const data = new Uint8Array(length).map(() => (random() < 0.5 ? fill : random() * 256));
        try {
          const codes = await decodeFrame({ width, height, stride, format, data }, zxing);
          expect(Array.isArray(codes)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FrameRejectedError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
