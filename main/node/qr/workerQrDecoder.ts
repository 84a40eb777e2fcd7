/**
 * QrDecoder on a worker thread (node adapter): the app's and the CLI's decoder. Frames are
 * checked here first (an oversized or malformed frame never reaches the worker), then their
 * pixel buffer is transferred, not copied. Frames are decoded one at a time, in order; one that
 * takes longer than the time limit is stopped by terminating the worker (HOSTILE #25), its
 * caller gets a QrDecodeTimeoutError, and the next frame starts on a fresh worker.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { FrameRejectedError, type QrDecoder } from '../../core/ports';
import { checkFrame } from '../../core/qr/checkFrame';
import { QrDecodeTimeoutError, QrDecoderFailedError } from '../../core/qr/errors';
import type { DecodedCode, PixelFrame } from '../../core/qr/frame';
import type { DecodeReply, DecodeRequest, WorkerReady } from './workerProtocol';

export interface WorkerQrDecoderOptions {
  /** Longest a frame may take, in ms (default 5,000). */
  readonly timeoutMs?: number;
  /** The worker script; by default the built qrWorker.js next to this bundle (or the .ts source). */
  readonly workerScript?: WorkerScript;
}

export interface WorkerScript {
  readonly url: URL;
  /** Sources only: register tsx in the worker before importing the TypeScript entry. */
  readonly viaTsx: boolean;
}

export type WorkerQrDecoder = QrDecoder & {
  /** Stops the worker; frames still queued are rejected. */
  close(): Promise<void>;
};

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Where the worker script is: `qrWorker.js` beside the bundle that contains this module
 * (out/main, out/cli) or one folder up (from a chunk), unpacked from the asar in a packaged
 * app; when running from sources (vitest, tsx), the TypeScript entry through tsx.
 */
export function defaultWorkerScript(): WorkerScript {
  for (const relative of ['./qrWorker.js', '../qrWorker.js']) {
    const url = new URL(relative, import.meta.url);
    const unpacked = new URL(url.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'));
    if (existsSync(unpacked)) return { url: unpacked, viaTsx: false };
    if (existsSync(url)) return { url, viaTsx: false };
  }
  const source = new URL('./qrWorker.ts', import.meta.url);
  if (existsSync(source)) return { url: source, viaTsx: true };
  throw new QrDecoderFailedError(
    'The QR decoder is missing from this installation (qrWorker.js not found). Reinstall Tessera.',
  );
}

interface Job {
  readonly id: number;
  readonly request: DecodeRequest;
  readonly transfer: ArrayBuffer;
  readonly resolve: (codes: readonly DecodedCode[]) => void;
  readonly reject: (error: Error) => void;
}

export function createWorkerQrDecoder(options: WorkerQrDecoderOptions = {}): WorkerQrDecoder {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let current: { job: Job; timer: NodeJS.Timeout | undefined } | undefined;
  let ready = false;
  let nextId = 1;
  let closed = false;

  const startWorker = (): Worker => {
    const script = options.workerScript ?? defaultWorkerScript();
    const started = script.viaTsx
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.url.href)}); });`,
          { eval: true },
        )
      : new Worker(script.url);
    ready = false;
    started.on('message', (reply: DecodeReply | WorkerReady) => {
      if ('ready' in reply) {
        // The time limit is for decoding, not for loading the decoder (a slow disk, a cold start).
        ready = true;
        startTimer();
        return;
      }
      if (current?.job.id !== reply.id) return;
      const { job, timer } = current;
      clearTimeout(timer);
      current = undefined;
      if (reply.ok) job.resolve(reply.codes);
      else if (reply.kind === 'rejected') job.reject(new FrameRejectedError(reply.message));
      else job.reject(new QrDecoderFailedError(`The QR decoder failed: ${reply.message}`));
      pump();
    });
    const lost = (reason: string) => {
      if (worker !== started) return;
      worker = undefined;
      if (current !== undefined) {
        const { job, timer } = current;
        clearTimeout(timer);
        current = undefined;
        job.reject(new QrDecoderFailedError(`The QR decoder stopped unexpectedly (${reason}).`));
      }
      pump();
    };
    started.on('error', error => {
      lost(error.message);
    });
    started.on('exit', code => {
      lost(`exit code ${code}`);
    });
    // An idle worker must not keep the CLI (or a test) alive.
    started.unref();
    return started;
  };

  const pump = (): void => {
    if (current !== undefined || closed) return;
    const job = queue.shift();
    if (job === undefined) {
      worker?.unref();
      return;
    }
    let running: Worker;
    try {
      running = worker ??= startWorker();
    } catch (error) {
      job.reject(error instanceof Error ? error : new QrDecoderFailedError(String(error)));
      pump();
      return;
    }
    running.ref();
    current = { job, timer: undefined };
    running.postMessage(job.request, [job.transfer]);
    if (ready) startTimer();
  };

  const startTimer = (): void => {
    if (current === undefined || current.timer !== undefined) return;
    const { job } = current;
    const running = worker;
    current.timer = setTimeout(() => {
      if (current?.job !== job) return;
      current = undefined;
      // HOSTILE #25: a frame that hangs the decoder costs one thread, not the app.
      worker = undefined;
      void running?.terminate();
      job.reject(
        new QrDecodeTimeoutError(
          `Reading this image took longer than ${describeMs(timeoutMs)} and was stopped. Try a smaller area or a clearer image.`,
        ),
      );
      pump();
    }, timeoutMs);
  };

  return {
    decode(frame: PixelFrame): Promise<readonly DecodedCode[]> {
      if (closed) return Promise.reject(new QrDecoderFailedError('The QR decoder is closed.'));
      try {
        checkFrame(frame);
      } catch (error) {
        return Promise.reject(
          error instanceof Error ? error : new FrameRejectedError(String(error)),
        );
      }
      const { buffer, byteOffset, byteLength } = ownedBuffer(frame.data);
      const id = nextId++;
      const request: DecodeRequest = {
        id,
        width: frame.width,
        height: frame.height,
        stride: frame.stride,
        format: frame.format,
        buffer,
        byteOffset,
        byteLength,
      };
      return new Promise((resolve, reject) => {
        queue.push({ id, request, transfer: buffer, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      const stopped = new QrDecoderFailedError('The QR decoder was closed.');
      for (const job of queue.splice(0)) job.reject(stopped);
      if (current !== undefined) {
        clearTimeout(current.timer);
        current.job.reject(stopped);
        current = undefined;
      }
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}

function describeMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The buffer to transfer: the frame's own ArrayBuffer when the view covers all of it (it is
 * detached from the caller, who must not reuse the frame), otherwise a copy of just the view
 * (a pooled Node Buffer or a shared one must not be detached).
 */
function ownedBuffer(data: Uint8Array): {
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
} {
  const { buffer, byteOffset, byteLength } = data;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) {
    return { buffer, byteOffset, byteLength };
  }
  return { buffer: data.slice().buffer, byteOffset: 0, byteLength };
}
