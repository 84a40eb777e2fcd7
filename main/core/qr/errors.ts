/**
 * Failures of a QR decoder other than a refused frame (core, pure), so the scan service can
 * tell the user what happened without importing the worker adapter.
 */

/** A frame took longer than the time limit; its decode was stopped (the worker restarted). */
export class QrDecodeTimeoutError extends Error {
  override readonly name = 'QrDecodeTimeoutError';
}

/** The decoder itself failed (worker crashed, .wasm missing): not the frame's fault. */
export class QrDecoderFailedError extends Error {
  override readonly name = 'QrDecoderFailedError';
}
