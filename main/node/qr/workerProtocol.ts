/**
 * Messages between createWorkerQrDecoder and the QR worker (node adapter). Pixel data travels as
 * a transferred ArrayBuffer, never copied; decoded text comes back to main and goes no further.
 */
import type { DecodedCode, PixelFormat } from '../../core/qr/frame';

export interface DecodeRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly format: PixelFormat;
  readonly buffer: ArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
}

/** Sent once by the worker when its decoder is loaded (time limits start from there). */
export interface WorkerReady {
  readonly ready: true;
}

export type DecodeReply =
  | { readonly id: number; readonly ok: true; readonly codes: readonly DecodedCode[] }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: 'rejected' | 'failed';
      readonly message: string;
    };
