/**
 * bench:qr — Tessera's QR pipeline against full-frame jsQR and full-frame zxing-wasm, measured in
 * the same run on the same frames, for a corpus in the format of test/fixtures/qr-screens
 * (`expected.json`: `[{ file, uris }]`). Per decoder: cases fully found (decoded set = `uris`,
 * empty included), false positives, median/max decode ms per frame (image reading excluded; each
 * frame decoded `--repeats` times, its median kept), medians per resolution. Then the camera
 * rate: 1280×720 luminance frames (noise, blur, codes of various sizes, half without a code)
 * decoded one after another through the worker, as the camera scanner does. Prints JSON.
 * Run with `npm run bench:qr -- <corpus-dir> [--repeats N] [--camera-frames N] [--jsqr-crops]`
 * (`--jsqr-crops`: also Tessera's locator with jsQR decoding the crops).
 */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { readBarcodes } from 'zxing-wasm/reader';
import { z } from 'zod';
import type { PixelFrame } from '../main/core/qr/frame';
import { decodeFrame } from '../main/core/qr/pipeline';
import { createJsqrLumaDecoder } from '../main/node/qr/jsqrLumaDecoder';
import { createWorkerQrDecoder } from '../main/node/qr/workerQrDecoder';
import { createZxingLumaDecoder } from '../main/node/qr/zxingLumaDecoder';
import { codeSide, prng, synthFrame, type SynthCode } from '../test/support/qrSynth';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeats: { type: 'string', default: '3' },
    'camera-frames': { type: 'string', default: '90' },
    /** Also measure Tessera's locator with jsQR decoding the crops (the jsQR-or-zxing decision). */
    'jsqr-crops': { type: 'boolean', default: false },
  },
});
const corpus = resolve(positionals[0] ?? 'test/fixtures/qr-screens');
const repeats = Math.max(1, Number(values.repeats));
const cameraFrames = Math.max(2, Number(values['camera-frames']));

const Expected = z.array(z.object({ file: z.string().min(1), uris: z.array(z.string()) }).loose());
const cases = Expected.parse(JSON.parse(await readFile(join(corpus, 'expected.json'), 'utf8')));

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

type Decode = (frame: PixelFrame) => Promise<readonly string[]>;

// zxing-wasm is loaded from the local .wasm by the adapter (also used by the reference below).
const zxing = await createZxingLumaDecoder();
const jsqrCrops = createJsqrLumaDecoder();
const decoders: Readonly<Record<string, Decode>> = {
  tessera: async frame => (await decodeFrame(frame, zxing)).map(code => code.text),
  ...(values['jsqr-crops']
    ? {
        tesseraWithJsqrCrops: async (frame: PixelFrame) =>
          (await decodeFrame(frame, jsqrCrops)).map(code => code.text),
      }
    : {}),
  jsqrFullFrame: frame => {
    const rgba = new Uint8ClampedArray(frame.data.buffer, frame.data.byteOffset, frame.data.length);
    const found = jsQR(rgba, frame.width, frame.height, { inversionAttempts: 'attemptBoth' });
    return Promise.resolve(found === null ? [] : [found.data]);
  },
  zxingFullFrame: async frame => {
    const rgba = new Uint8ClampedArray(
      frame.data.buffer as ArrayBuffer,
      frame.data.byteOffset,
      frame.data.length,
    );
    const results = await readBarcodes(
      { data: rgba, width: frame.width, height: frame.height, colorSpace: 'srgb' },
      { formats: ['QRCode'] },
    );
    return results.filter(result => result.isValid).map(result => result.text);
  },
};
const names = Object.keys(decoders);

interface Row {
  file: string;
  resolution: string;
  ms: Record<string, number>;
  fullyFound: Record<string, boolean>;
  falsePositives: Record<string, number>;
}
const rows: Row[] = [];

for (const [index, entry] of cases.entries()) {
  const { data, info } = await sharp(join(corpus, entry.file))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frame: PixelFrame = {
    width: info.width,
    height: info.height,
    stride: info.width * 4,
    format: 'rgba',
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
  const row: Row = {
    file: entry.file,
    resolution: `${info.width}x${info.height}`,
    ms: {},
    fullyFound: {},
    falsePositives: {},
  };
  if (index === 0) for (const name of names) await decoders[name]?.(frame); // warm-up (JIT)
  // Rotate the order so no decoder always runs right after another's garbage.
  const order = names.map((_, i) => names[(i + index) % names.length] ?? '');
  const times: Record<string, number[]> = {};
  for (let run = 0; run < repeats; run++) {
    for (const name of order) {
      const decode = decoders[name];
      if (decode === undefined) continue;
      const started = performance.now();
      const texts = await decode(frame);
      (times[name] ??= []).push(performance.now() - started);
      if (run === 0) {
        const found = new Set(texts);
        const expected = new Set(entry.uris);
        row.fullyFound[name] =
          found.size === expected.size && [...expected].every(uri => found.has(uri));
        row.falsePositives[name] = [...found].filter(text => !expected.has(text)).length;
      }
    }
  }
  for (const name of names) row.ms[name] = median(times[name] ?? []);
  rows.push(row);
}

const summary = Object.fromEntries(
  names.map(name => {
    const ms = rows.map(row => row.ms[name] ?? 0);
    const resolutions = [...new Set(rows.map(row => row.resolution))];
    return [
      name,
      {
        fullyFound: rows.filter(row => row.fullyFound[name] === true).length,
        cases: rows.length,
        falsePositives: rows.reduce((sum, row) => sum + (row.falsePositives[name] ?? 0), 0),
        medianMs: round(median(ms)),
        maxMs: round(Math.max(...ms)),
        maxFile: rows.find(row => row.ms[name] === Math.max(...ms))?.file ?? null,
        medianMsByResolution: Object.fromEntries(
          resolutions.map(resolution => [
            resolution,
            round(
              median(rows.filter(row => row.resolution === resolution).map(r => r.ms[name] ?? 0)),
            ),
          ]),
        ),
        missed: rows.filter(row => row.fullyFound[name] !== true).map(row => row.file),
      },
    ];
  }),
);

const camera = await cameraRate(cameraFrames);
const tessera = summary.tessera;
const zxingReference = summary.zxingFullFrame;
const ratio =
  tessera !== undefined && zxingReference !== undefined && zxingReference.medianMs > 0
    ? Math.round((tessera.medianMs / zxingReference.medianMs) * 1000) / 1000
    : null;

console.log(
  JSON.stringify(
    {
      corpus,
      cases: rows.length,
      repeats,
      machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
      decoders: summary,
      tesseraMedianOverZxingMedian: ratio,
      camera,
      targets: {
        allFound: tessera?.fullyFound === rows.length && tessera.falsePositives === 0,
        medianAtMostHalfOfZxing: ratio !== null && ratio <= 0.5,
        maxAtMost150Ms: (tessera?.maxMs ?? Infinity) <= 150,
        cameraAtLeast15Fps: camera.fps >= 15,
      },
    },
    null,
    2,
  ),
);

/**
 * Frames per second through the worker at 1280×720 (luminance, as the camera path sends), one
 * frame at a time. Frames are made up front (not timed): half hold a code somewhere in view at
 * a random size, with camera-like noise and blur, half hold none.
 */
async function cameraRate(count: number) {
  const width = 1280;
  const height = 720;
  const random = prng(2024);
  const frames: { frame: PixelFrame; text: string | undefined }[] = [];
  for (let i = 0; i < count; i++) {
    const text =
      i % 2 === 0
        ? `otpauth://totp/Amazon%20Web%20Services:cam-${i}@123456789012?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services`
        : undefined;
    const codes: SynthCode[] = [];
    if (text !== undefined) {
      const moduleSize = 3 + random() * 9;
      const side = codeSide({ text, moduleSize });
      codes.push({
        text,
        moduleSize,
        x: random() * Math.max(1, width - side),
        y: random() * Math.max(1, height - side),
      });
    }
    const frame = synthFrame({
      width,
      height,
      codes,
      format: 'luma',
      noise: 4,
      blur: 1,
      background: 110 + random() * 60,
      clutter: 6,
      seed: i + 1,
    });
    frames.push({ frame, text });
  }
  const decoder = createWorkerQrDecoder();
  try {
    await decoder.decode(synthFrame({ width, height, codes: [], format: 'luma' })); // start-up
    let found = 0;
    const started = performance.now();
    for (const { frame, text } of frames) {
      const codes = await decoder.decode(frame); // the buffer is transferred to the worker
      if (text !== undefined && codes.some(code => code.text === text)) found++;
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      width,
      height,
      frames: count,
      withCode: frames.filter(f => f.text !== undefined).length,
      found,
      fps: round(count / seconds),
    };
  } finally {
    await decoder.close();
  }
}
