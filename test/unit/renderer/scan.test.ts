import { describe, expect, it } from 'vitest';
import { FRAME_LIMITS } from '../../../main/core/qr/frame';
import { cameraMessage, cameraProblem } from '../../../renderer/features/scan/cameraErrors';
import {
  fitFrame,
  MAX_FRAME_PIXELS,
  MAX_FRAME_SIDE,
  rgbaToLuma,
} from '../../../renderer/features/scan/luminance';
import {
  addLabel,
  batchLabel,
  codeKind,
  previewFacts,
  previewTitle,
} from '../../../renderer/features/scan/scanText';
import type { ScanDevicePreview } from '../../../preload/contract/scanChannels';

const preview: ScanDevicePreview = {
  type: 'totp',
  issuer: 'Amazon Web Services',
  accountName: 'alice@123456789012',
  labelIssuer: null,
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  counter: null,
  aws: { accountId: '123456789012', alias: null, deviceName: 'alice' },
};

describe('renderer frame helpers', () => {
  it('use the same limits as the QR pipeline', () => {
    expect({ maxSide: MAX_FRAME_SIDE, maxPixels: MAX_FRAME_PIXELS }).toEqual(FRAME_LIMITS);
  });

  it('turn RGBA into Rec. 601 luminance, one byte per pixel', () => {
    const rgba = new Uint8ClampedArray([
      255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 0,
    ]);
    expect([...rgbaToLuma(rgba, 2, 2)]).toEqual([255, 0, 76, 29]);
  });

  it('scale frames down to fit the limits, keeping the aspect ratio, and never up', () => {
    expect(fitFrame(1280, 720)).toEqual({ width: 1280, height: 720 });
    const huge = fitFrame(20_000, 10_000);
    expect(huge.width).toBeLessThanOrEqual(MAX_FRAME_SIDE);
    expect(huge.width * huge.height).toBeLessThanOrEqual(MAX_FRAME_PIXELS);
    expect(Math.abs(huge.width / huge.height - 2)).toBeLessThan(0.01);
    const wide = fitFrame(40_000, 100);
    expect(wide.width).toBeLessThanOrEqual(MAX_FRAME_SIDE);
    expect(wide.height).toBeGreaterThanOrEqual(1);
  });
});

describe('camera problems', () => {
  it.each([
    ['NotAllowedError', 'denied', /not allowed to use the camera/],
    ['NotFoundError', 'no-camera', /No camera was found/],
    ['OverconstrainedError', 'no-camera', /No camera was found/],
    ['NotReadableError', 'busy', /in use by another app/],
    ['TypeError', 'failed', /could not be started/],
  ] as const)('%s means %s, with a way out through files or paste', (name, problem, text) => {
    expect(cameraProblem(new DOMException('x', name))).toBe(problem);
    expect(cameraMessage(problem)).toMatch(text);
    expect(cameraMessage(problem)).toMatch(/image file or paste/);
  });
});

describe('scan preview text', () => {
  it('names an AWS device by its MFA device and account', () => {
    expect(previewTitle(preview)).toBe('AWS · alice');
    expect(previewFacts(preview)).toEqual([
      { label: 'AWS account', value: '123456789012' },
      { label: 'MFA device', value: 'alice' },
      { label: 'Codes', value: '6 digits · SHA1 · every 30 s' },
    ]);
  });

  it('shows the counter of an HOTP code and a disagreeing label issuer', () => {
    const hotp = {
      ...preview,
      type: 'hotp',
      periodSeconds: null,
      counter: 7,
      aws: null,
      issuer: 'Bank',
      accountName: 'me',
      labelIssuer: 'Evil',
    } as const;
    expect(codeKind(hotp)).toBe('6 digits · SHA1 · counter 7');
    expect(previewFacts(hotp)).toContainEqual({ label: 'Label says', value: 'Evil' });
  });

  it('counts QR codes of an export from 1, and devices in the button', () => {
    expect(batchLabel({ index: 0, size: 3 })).toBe('QR code 1 of 3');
    expect(batchLabel({ index: 0, size: 1 })).toBeNull();
    expect(addLabel(1)).toBe('Add device');
    expect(addLabel(4)).toBe('Add 4 devices');
  });
});
