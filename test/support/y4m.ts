/**
 * A one-frame YUV4MPEG2 (I420) video from a luminance frame, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`, which loops it). Chroma is neutral grey.
 */
import type { PixelFrame } from '../../main/core/qr/frame';

export function lumaToY4m(frame: PixelFrame, fps = 15): Buffer {
  const { width, height } = frame;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('I420 needs even width and height');
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const luma = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    luma.set(frame.data.subarray(y * frame.stride, y * frame.stride + width), y * width);
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([header, Buffer.from('FRAME\n'), luma, chroma]);
}
