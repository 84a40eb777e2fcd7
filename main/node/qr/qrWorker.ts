/**
 * The QR worker's entry (node adapter, a worker_threads script built next to the main and CLI
 * bundles): decodes one frame at a time with the core pipeline over zxing-wasm. The frame's
 * buffer arrives transferred; the reply carries the decoded text only. A frame that takes too
 * long is not handled here: the parent terminates this thread and starts another.
 */
import { parentPort } from 'node:worker_threads';
import { FrameRejectedError } from '../../core/ports';
import { decodeFrame } from '../../core/qr/pipeline';
import type { DecodeReply, DecodeRequest, WorkerReady } from './workerProtocol';
import { createZxingLumaDecoder } from './zxingLumaDecoder';

const port = parentPort;
if (port === null) throw new Error('qrWorker must run as a worker thread.');

const decoder = createZxingLumaDecoder();
// Ready either way: a load failure is reported with the first frame.
void decoder.then(
  () => {
    port.postMessage({ ready: true } satisfies WorkerReady);
  },
  () => {
    port.postMessage({ ready: true } satisfies WorkerReady);
  },
);

port.on('message', (request: DecodeRequest) => {
  void handle(request).then(reply => {
    port.postMessage(reply);
  });
});

async function handle(request: DecodeRequest): Promise<DecodeReply> {
  const { id, width, height, stride, format, buffer, byteOffset, byteLength } = request;
  try {
    const data = new Uint8Array(buffer, byteOffset, byteLength);
    const codes = await decodeFrame({ width, height, stride, format, data }, await decoder);
    return { id, ok: true, codes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      id,
      ok: false,
      kind: error instanceof FrameRejectedError ? 'rejected' : 'failed',
      message,
    };
  }
}
