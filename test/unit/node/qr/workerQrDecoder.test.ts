/**
 * The QR worker (worker_threads): frames decoded off the calling thread with the real pipeline,
 * pixel buffers transferred (not copied), oversized frames refused before any worker exists, a
 * frame over the time limit stopped and reported and the next one decoded by a fresh worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FrameRejectedError } from '../../../../main/core/ports';
import { QrDecodeTimeoutError, QrDecoderFailedError } from '../../../../main/core/qr/errors';
import {
  createWorkerQrDecoder,
  defaultWorkerScript,
  type WorkerQrDecoder,
} from '../../../../main/node/qr/workerQrDecoder';
import { synthFrame } from '../../../support/qrSynth';

const URI = 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub';
const open: WorkerQrDecoder[] = [];
const decoderWith = (options: Parameters<typeof createWorkerQrDecoder>[0] = {}) => {
  const decoder = createWorkerQrDecoder(options);
  open.push(decoder);
  return decoder;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map(decoder => decoder.close()));
});

const codeFrame = (text = URI) =>
  synthFrame({
    width: 1280,
    height: 720,
    codes: [{ text, moduleSize: 5, x: 400, y: 200 }],
    noise: 2,
  });

describe('createWorkerQrDecoder', () => {
  it('decodes frames on a worker and transfers their pixels instead of copying them', async () => {
    const decoder = decoderWith();
    const frame = codeFrame();
    const codes = await decoder.decode(frame);
    expect(codes.map(code => code.text)).toEqual([URI]);
    expect(codes[0]?.bounds?.x).toBeGreaterThan(390);
    // The caller's buffer moved to the worker.
    expect(frame.data.buffer.byteLength).toBe(0);
  });

  it('copies only the view when the frame is part of a larger buffer, leaving the rest intact', async () => {
    const decoder = decoderWith();
    const frame = codeFrame();
    const shared = new Uint8Array(frame.data.length + 16);
    shared.set(frame.data, 16);
    const view = shared.subarray(16);
    const codes = await decoder.decode({ ...frame, data: view });
    expect(codes.map(code => code.text)).toEqual([URI]);
    expect(shared.buffer.byteLength).toBe(frame.data.length + 16);
  });

  it('decodes queued frames in order', async () => {
    const decoder = decoderWith();
    const texts = ['first', 'second', 'third'];
    const results = await Promise.all(texts.map(text => decoder.decode(codeFrame(text))));
    expect(results.map(codes => codes.map(code => code.text))).toEqual(texts.map(text => [text]));
  });

  it('refuses an oversized frame before it reaches a worker', async () => {
    // A worker script that cannot start: a frame that got that far would fail differently.
    const decoder = decoderWith({
      workerScript: { url: new URL('file:///nonexistent/qrWorker.js'), viaTsx: false },
    });
    const huge = {
      width: 16_385,
      height: 2,
      stride: 65_540,
      format: 'rgba' as const,
      data: new Uint8Array(8),
    };
    await expect(decoder.decode(huge)).rejects.toThrow(FrameRejectedError);
    await expect(decoder.decode(huge)).rejects.toThrow(/too large to scan/);
    const malformed = {
      width: 10,
      height: 10,
      stride: 40,
      format: 'rgba' as const,
      data: new Uint8Array(3),
    };
    await expect(decoder.decode(malformed)).rejects.toThrow(/does not match its size/);
  });

  it('stops a frame that takes longer than the time limit, then decodes the next on a new worker', async () => {
    const decoder = decoderWith({ timeoutMs: 1 });
    const busy = synthFrame({ width: 1920, height: 1080, clutter: 40, noise: 3, codes: [] });
    await expect(decoder.decode(busy)).rejects.toThrow(QrDecodeTimeoutError);
    // The first worker was terminated: this frame runs on a new one (and is stopped in turn).
    await expect(
      decoder.decode(synthFrame({ width: 1920, height: 1080, clutter: 40, codes: [] })),
    ).rejects.toThrow(/took longer than 1 ms and was stopped/);
    const patient = decoderWith({ timeoutMs: 20_000 });
    expect((await patient.decode(codeFrame())).map(code => code.text)).toEqual([URI]);
  });

  it('reports a worker that cannot start, and rejects frames still queued when closed', async () => {
    const broken = decoderWith({
      workerScript: { url: new URL('file:///nonexistent/qrWorker.js'), viaTsx: false },
    });
    await expect(broken.decode(codeFrame())).rejects.toThrow(QrDecoderFailedError);

    const decoder = decoderWith();
    const outcomes = [decoder.decode(codeFrame('a')), decoder.decode(codeFrame('b'))].map(result =>
      result.then(
        () => 'decoded',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    );
    await decoder.close();
    expect(await Promise.all(outcomes)).toEqual([
      'The QR decoder was closed.',
      'The QR decoder was closed.',
    ]);
    await expect(decoder.decode(codeFrame())).rejects.toThrow(/closed/);
  });

  it('finds its worker script next to itself (sources run through tsx)', () => {
    const script = defaultWorkerScript();
    expect(script.url.pathname).toMatch(/main\/node\/qr\/qrWorker\.ts$/);
    expect(script.viaTsx).toBe(true);
  });
});
