/**
 * `tessera import --format google-migration <image>`: a screenshot or photo of Google
 * Authenticator's "Transfer accounts" QR code(s) is read through the same QR pipeline as
 * `tessera scan`, and its otpauth-migration:// links become the text the importer reads.
 */
import { FrameRejectedError } from '../core/ports';
import { QrDecodeTimeoutError } from '../core/qr/errors';

const MIGRATION_PREFIX = /^otpauth-migration:\/\//iu;

/** PNG, JPEG or WebP, by their signatures (the formats the image reader accepts). */
export function looksLikeImage(bytes: Uint8Array): boolean {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) ||
    starts(0xff, 0xd8, 0xff) ||
    (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP')
  );
}

export type TransferImageOutcome =
  | { readonly ok: true; readonly text: Uint8Array }
  | { readonly ok: false; readonly message: string };

/** The transfer links found in the image, one per line, or why there are none. */
export async function transferLinksFromImage(bytes: Uint8Array): Promise<TransferImageOutcome> {
  const [{ decodeImageBytes, ImageFileError }, { createWorkerQrDecoder }] = await Promise.all([
    import('../node/qr/imageFile'),
    import('../node/qr/workerQrDecoder'),
  ]);
  const decoder = createWorkerQrDecoder();
  try {
    const codes = await decoder.decode(await decodeImageBytes(bytes, 'The image'));
    const links = codes.map(code => code.text).filter(text => MIGRATION_PREFIX.test(text));
    if (links.length === 0) {
      return {
        ok: false,
        message:
          codes.length === 0
            ? 'No QR code was found in the image. Take the screenshot or photo closer to the code.'
            : 'The image holds QR codes, but none is a Google Authenticator transfer code.',
      };
    }
    return { ok: true, text: new TextEncoder().encode(links.join('\n')) };
  } catch (error) {
    if (
      error instanceof ImageFileError ||
      error instanceof FrameRejectedError ||
      error instanceof QrDecodeTimeoutError
    ) {
      return { ok: false, message: error.message };
    }
    throw error;
  } finally {
    await decoder.close();
  }
}
