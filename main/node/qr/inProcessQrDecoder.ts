/**
 * The QR pipeline in the calling thread (node adapter): what the worker runs inside, and a
 * QrDecoder for tests and benchmarks that want no thread in between. The app and the CLI use
 * createWorkerQrDecoder, which keeps decoding off the main thread and enforces a time limit.
 */
import type { QrDecoder } from '../../core/ports';
import type { DecodedCode, PixelFrame } from '../../core/qr/frame';
import type { LumaDecoder } from '../../core/qr/lumaDecoder';
import { decodeFrame, type PipelineOptions } from '../../core/qr/pipeline';
import { createZxingLumaDecoder } from './zxingLumaDecoder';

export function pipelineQrDecoder(decoder: LumaDecoder, options: PipelineOptions = {}): QrDecoder {
  return {
    decode: (frame: PixelFrame): Promise<readonly DecodedCode[]> =>
      decodeFrame(frame, decoder, options),
  };
}

/** The production pipeline (zxing-wasm, loaded from the local .wasm) in this thread. */
export async function createInProcessQrDecoder(): Promise<QrDecoder> {
  return pipelineQrDecoder(await createZxingLumaDecoder());
}
