/**
 * The low-resolution locator: every code lies inside a candidate region, while flat pages, text
 * and plain noise (a camera's) yield few or none, so the full-resolution work stays small.
 */
import { describe, expect, it } from 'vitest';
import { sampleLuma } from '../../../../main/core/qr/luma';
import { edgeThreshold, locateCandidates } from '../../../../main/core/qr/locate';
import { lowResFactor } from '../../../../main/core/qr/pipeline';
import { codeSide, prng, synthFrame, type SynthScene } from '../../../support/qrSynth';

function regionsOf(scene: SynthScene) {
  const frame = synthFrame(scene);
  const factor = lowResFactor(frame.width, frame.height);
  return locateCandidates(sampleLuma(frame, factor), factor, frame.width, frame.height);
}

describe('locateCandidates', () => {
  it('puts every code, small or large, inside one candidate region', () => {
    const random = prng(9);
    for (let i = 0; i < 10; i++) {
      const width = 1280 + Math.floor(random() * 2560);
      const height = 720 + Math.floor(random() * 1440);
      const text = `otpauth://totp/Example:user-${i}?secret=JBSWY3DPEHPK3PXP&issuer=Example`;
      const moduleSize = 2.5 + random() * 5;
      const side = codeSide({ text, moduleSize });
      const x = random() * (width - side);
      const y = random() * (height - side);
      const regions = regionsOf({
        width,
        height,
        format: 'luma',
        clutter: 12,
        noise: i % 2 ? 4 : 0,
        seed: i,
        codes: [{ text, moduleSize, x, y, invert: i % 3 === 0 }],
      });
      const covering = regions.filter(
        r => r.x <= x && r.y <= y && r.x + r.width >= x + side && r.y + r.height >= y + side,
      );
      expect(covering.length, `scene ${i}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('finds nothing on a flat page, and nothing in camera noise alone', () => {
    expect(regionsOf({ width: 1920, height: 1080, format: 'luma', codes: [] })).toEqual([]);
    expect(
      regionsOf({
        width: 1280,
        height: 720,
        format: 'luma',
        background: 128,
        noise: 12,
        codes: [],
      }),
    ).toEqual([]);
  });

  it('raises the edge threshold with the noise of the image', () => {
    const clean = synthFrame({
      width: 640,
      height: 480,
      format: 'luma',
      background: 128,
      codes: [],
    });
    const noisy = synthFrame({
      width: 640,
      height: 480,
      format: 'luma',
      background: 128,
      noise: 10,
      codes: [],
    });
    expect(edgeThreshold(sampleLuma(clean, 2))).toBe(16);
    expect(edgeThreshold(sampleLuma(noisy, 2))).toBeGreaterThan(25);
  });
});
