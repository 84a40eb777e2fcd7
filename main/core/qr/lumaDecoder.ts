/**
 * The QR symbol decoder the pipeline drives (core, pure interface). Implementations live in
 * main/node/qr (zxing-wasm, jsqr): core never loads a .wasm file or touches the file system.
 */
import type { LumaImage, Rect } from './luma';

/** A code read from one luminance image; `bounds` in that image's pixels. */
export interface LumaCode {
  readonly text: string;
  readonly bounds?: Rect;
}

export interface LumaDecoder {
  /** Short name for benchmarks and logs ("zxing-wasm", "jsqr"). */
  readonly name: string;
  /**
   * Every QR code in `image`, dark-on-light, light-on-dark (inverted) and mirrored alike.
   * Resolves to [] when there is none; never rejects for image content.
   */
  decode(image: LumaImage): Promise<readonly LumaCode[]>;
}
