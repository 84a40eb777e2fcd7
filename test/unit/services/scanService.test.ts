import { afterEach, describe, expect, it } from 'vitest';
import { FRAME_LIMITS, type PixelFrame } from '../../../main/core/qr/frame';
import { SCAN_TOKEN_TTL_MS } from '../../../main/services/scanService';
import { SCAN_FRAME_LIMITS, type ScanOutcome } from '../../../preload/contract/scanChannels';
import { FakeScreenCapture } from '../../fakes/fakeScreenCapture';
import { migrationUri } from '../../support/migrationUri';
import { qrFrame } from '../../support/qrFrames';
import { RFC_SEED_B32, startTestTessera, type TestTessera } from '../../support/services';

const RFC_SEED = new TextEncoder().encode('12345678901234567890');
const AWS_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const AWS_URI = `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`;
const GITHUB_URI = `otpauth://totp/GitHub:octo?secret=${RFC_SEED_B32}&issuer=GitHub&algorithm=SHA256&digits=8&period=60`;
const HOTP_URI = `otpauth://hotp/Bank:me?secret=${RFC_SEED_B32}&counter=42`;

let t: TestTessera;
let screen: FakeScreenCapture;
afterEach(async () => {
  await t.app.stop();
});

async function start(): Promise<void> {
  screen = new FakeScreenCapture();
  t = await startTestTessera({ screenCapture: screen });
}

const input = (frame: PixelFrame, source: 'camera' | 'file' | 'paste' = 'file') => ({
  source,
  width: frame.width,
  height: frame.height,
  data: frame.data,
});

function found(outcome: ScanOutcome): Extract<ScanOutcome, { status: 'found' }> {
  if (outcome.status !== 'found') throw new Error(`expected codes, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('ScanService', () => {
  it('previews an AWS code without its secret and adds it only when confirmed', async () => {
    await start();
    const outcome = found(await t.app.scan.scanFrame(input(qrFrame([{ text: AWS_URI }]))));
    expect(outcome.codes).toEqual([
      {
        kind: 'otpauth',
        index: 0,
        preview: {
          type: 'totp',
          issuer: 'Amazon Web Services',
          accountName: 'alice@123456789012',
          labelIssuer: null,
          algorithm: 'SHA1',
          digits: 6,
          periodSeconds: 30,
          counter: null,
          aws: { accountId: '123456789012', alias: null, deviceName: 'alice' },
        },
        warnings: [],
      },
    ]);
    expect(JSON.stringify(outcome)).not.toContain(AWS_SECRET);
    expect(t.app.devices.list()).toHaveLength(0);

    const confirmed = await t.app.scan.confirm(outcome.token, [0]);
    expect(confirmed).toMatchObject({ ok: true, failed: [] });
    expect(t.app.devices.list().map(d => d.aws?.accountId)).toEqual(['123456789012']);
    // One confirmation per scan: the decoded text is gone afterwards.
    expect(await t.app.scan.confirm(outcome.token, [0])).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('lists every code of a multi-code frame and adds only the one picked', async () => {
    await start();
    const frame = qrFrame([
      { text: GITHUB_URI, placement: { x: 0, y: 0 } },
      { text: HOTP_URI, placement: { x: 300, y: 0 } },
      { text: 'https://example.com/help', placement: { x: 600, y: 0 } },
    ]);
    const outcome = found(await t.app.scan.scanFrame(input(frame)));
    expect(outcome.codes.map(code => code.kind).sort()).toEqual(['other', 'otpauth', 'otpauth']);
    const hotp = outcome.codes.find(c => c.kind === 'otpauth' && c.preview.type === 'hotp');
    expect(hotp).toMatchObject({ preview: { counter: 42, periodSeconds: null, issuer: 'Bank' } });
    const github = outcome.codes.find(c => c.kind === 'otpauth' && c.preview.issuer === 'GitHub');
    expect(github).toMatchObject({
      preview: { algorithm: 'SHA256', digits: 8, periodSeconds: 60 },
    });
    const other = outcome.codes.find(c => c.kind === 'other');
    expect(other).toMatchObject({
      message: "This QR code isn't a 2FA setup code: it is a web link.",
    });

    const result = await t.app.scan.confirm(outcome.token, [github!.index]);
    expect(result).toMatchObject({ ok: true, added: [{ device: { issuer: 'GitHub' } }] });
    expect(t.app.devices.list().map(d => d.issuer)).toEqual(['GitHub']);
  });

  it('says what a non-authenticator QR code is, and never adds it', async () => {
    await start();
    const outcome = found(
      await t.app.scan.scanFrame(input(qrFrame([{ text: 'WIFI:S:home;T:WPA;P:hunter2;;' }]))),
    );
    expect(outcome.codes).toEqual([
      {
        kind: 'other',
        index: 0,
        message: "This QR code isn't a 2FA setup code: it is Wi-Fi network settings.",
      },
    ]);
    const result = await t.app.scan.confirm(outcome.token, [0]);
    expect(result).toMatchObject({ ok: true, added: [], failed: [{ reason: 'not-addable' }] });
    expect(t.app.devices.list()).toHaveLength(0);
  });

  it('reports a damaged authenticator code with the parser reason', async () => {
    await start();
    const outcome = found(
      await t.app.scan.scanFrame(
        input(qrFrame([{ text: `otpauth://totp/X:y?secret=${RFC_SEED_B32}&digits=99` }])),
      ),
    );
    expect(outcome.codes[0]).toMatchObject({ kind: 'invalid', reason: 'bad-digits' });
  });

  it('suggests zooming in or moving closer when there is no code', async () => {
    await start();
    const empty: PixelFrame = {
      width: 64,
      height: 48,
      stride: 64,
      format: 'luma',
      data: new Uint8Array(64 * 48).fill(200),
    };
    const file = await t.app.scan.scanFrame(input(empty, 'file'));
    expect(file).toMatchObject({ status: 'none' });
    expect(file.status === 'none' && file.message).toMatch(/zoom in/);
    const camera = await t.app.scan.scanFrame(input(empty, 'camera'));
    expect(camera.status === 'none' && camera.message).toMatch(/closer/);
    screen.displays = [empty, empty];
    const onScreen = await t.app.scan.scanScreen();
    expect(onScreen.status === 'none' && onScreen.message).toMatch(/zoom in/);
  });

  it('finds a light-on-dark (inverted) code', async () => {
    await start();
    const outcome = await t.app.scan.scanFrame(
      input(qrFrame([{ text: AWS_URI, placement: { invert: true } }])),
    );
    expect(found(outcome).codes[0]?.kind).toBe('otpauth');
  });

  it('warns about a code whose secret or label is already stored', async () => {
    await start();
    await t.app.devices.addFromUri(AWS_URI);
    const outcome = found(await t.app.scan.scanFrame(input(qrFrame([{ text: AWS_URI }]))));
    const code = outcome.codes[0];
    expect(code?.kind === 'otpauth' && code.warnings.map(w => w.kind)).toEqual([
      'duplicate-secret',
      'duplicate-label',
    ]);
  });

  it('scans every display and merges the same code shown on two of them', async () => {
    await start();
    screen.displays = [
      qrFrame([{ text: AWS_URI }]),
      qrFrame([{ text: AWS_URI }]),
      qrFrame([{ text: GITHUB_URI }]),
    ];
    const outcome = found(await t.app.scan.scanScreen());
    expect(screen.grabs).toBe(1);
    expect(outcome.codes.map(c => c.kind === 'otpauth' && c.preview.issuer)).toEqual([
      'Amazon Web Services',
      'GitHub',
    ]);
  });

  it('passes on what to do when the screen cannot be captured', async () => {
    await start();
    screen.failure = 'Allow screen recording for Tessera in System Settings.';
    expect(await t.app.scan.scanScreen()).toEqual({
      status: 'failed',
      reason: 'screen-unavailable',
      message: 'Allow screen recording for Tessera in System Settings.',
    });
  });

  it('says so when this build cannot capture the screen', async () => {
    t = await startTestTessera();
    expect(await t.app.scan.scanScreen()).toMatchObject({
      status: 'failed',
      reason: 'unavailable',
    });
  });

  it('forgets decoded codes when they expire or are discarded', async () => {
    await start();
    const first = found(await t.app.scan.scanFrame(input(qrFrame([{ text: AWS_URI }]))));
    t.clock.advance(SCAN_TOKEN_TTL_MS);
    expect(await t.app.scan.confirm(first.token, [0])).toMatchObject({ reason: 'expired' });
    const second = found(await t.app.scan.scanFrame(input(qrFrame([{ text: AWS_URI }]))));
    t.app.scan.discard(second.token);
    expect(await t.app.scan.confirm(second.token, [0])).toMatchObject({ reason: 'expired' });
    expect(t.app.devices.list()).toHaveLength(0);
  });

  it('refuses a selection outside the codes found, and keeps the scan', async () => {
    await start();
    const outcome = found(await t.app.scan.scanFrame(input(qrFrame([{ text: AWS_URI }]))));
    expect(await t.app.scan.confirm(outcome.token, [3])).toMatchObject({
      ok: false,
      reason: 'invalid-selection',
    });
    expect(await t.app.scan.confirm(outcome.token, [0])).toMatchObject({ ok: true });
  });

  it('previews a Google Authenticator transfer batch and adds its accounts', async () => {
    await start();
    await t.app.devices.addFromUri(`otpauth://totp/GitLab:old?secret=${RFC_SEED_B32}`);
    const uri = migrationUri(
      [
        { secret: RFC_SEED, name: 'alice', issuer: 'GitLab' },
        { secret: RFC_SEED.slice(0, 8), name: 'short', issuer: 'Tiny' },
        { secret: RFC_SEED, name: 'counter', issuer: 'Bank', type: 1, counter: 5, digits: 2 },
      ],
      { size: 3, index: 1, id: 99 },
    );
    const outcome = found(await t.app.scan.scanFrame(input(qrFrame([{ text: uri }]))));
    const batch = outcome.codes[0];
    if (batch?.kind !== 'migration') throw new Error(`expected a batch, got ${batch?.kind}`);
    expect(batch.batch).toEqual({ index: 1, size: 3 });
    expect(batch.progress).toBe(
      'QR codes 1 and 3 of 3 of this Google Authenticator export are missing: scan them too.',
    );
    expect(batch.entries.map(e => [e.preview.issuer, e.preview.type, e.preview.digits])).toEqual([
      ['GitLab', 'totp', 6],
      ['Bank', 'hotp', 8],
    ]);
    // A 64-bit secret is below what a URI may carry: shown as an error before the user agrees.
    expect(batch.errors).toMatchObject([
      { label: 'Tiny: short', reason: /only 64 bits|too short/ },
    ]);
    expect(batch.entries[0]?.warnings.map(w => w.kind)).toEqual(['duplicate-secret']);
    expect(JSON.stringify(outcome)).not.toContain(RFC_SEED_B32);

    const result = await t.app.scan.confirm(outcome.token, [0]);
    if (!result.ok) throw new Error(result.message);
    expect(result.added.map(a => a.device.accountName)).toEqual(['alice', 'counter']);
    expect(result.failed).toMatchObject([{ label: 'Tiny: short', reason: 'secret-too-short' }]);
    expect(t.app.devices.list().find(d => d.accountName === 'counter')).toMatchObject({
      type: 'hotp',
      digits: 8,
    });
  });

  it('follows a multi-code export across scans: what is missing, and a code added twice', async () => {
    await start();
    const code = (index: number) =>
      migrationUri([{ secret: RFC_SEED, name: `n${index}`, issuer: 'X' }], {
        size: 2,
        index,
        id: 7,
      });
    const scan = async (index: number) => {
      const outcome = found(await t.app.scan.scanFrame(input(qrFrame([{ text: code(index) }]))));
      const view = outcome.codes[0];
      if (view?.kind !== 'migration') throw new Error('expected a batch');
      return { token: outcome.token, progress: view.progress };
    };
    const first = await scan(0);
    expect(first.progress).toMatch(/QR code 2 of 2 .* is missing/);
    await t.app.scan.confirm(first.token, [0]);
    expect((await scan(1)).progress).toBe('This is the last QR code of this export (2 in all).');
    expect((await scan(0)).progress).toMatch(/already added QR code 1 of 2/);
    // Another export (another batch id) starts afresh.
    const other = found(
      await t.app.scan.scanFrame(
        input(
          qrFrame([
            {
              text: migrationUri([{ secret: RFC_SEED, name: 'z', issuer: 'Y' }], {
                size: 2,
                index: 0,
                id: 8,
              }),
            },
          ]),
        ),
      ),
    );
    const otherView = other.codes[0];
    expect(otherView?.kind === 'migration' && otherView.progress).toMatch(/2 of 2 .* missing/);
  });

  it('says why a damaged transfer code cannot be read', async () => {
    await start();
    const outcome = found(
      await t.app.scan.scanFrame(
        input(qrFrame([{ text: 'otpauth-migration://offline?data=CgU%3D' }])),
      ),
    );
    expect(outcome.codes[0]).toMatchObject({ kind: 'invalid', reason: 'migration-unreadable' });
  });

  it('grants the camera only between the scanner opening and closing', async () => {
    await start();
    expect(t.app.scan.cameraAllowed()).toBe(false);
    t.app.scan.allowCamera(true);
    expect(t.app.scan.cameraAllowed()).toBe(true);
    t.app.scan.allowCamera(false);
    expect(t.app.scan.cameraAllowed()).toBe(false);
  });
});

describe('scan.frame in the contract', () => {
  it('has the same size limits as the QR pipeline', () => {
    expect(SCAN_FRAME_LIMITS).toEqual(FRAME_LIMITS);
  });

  it.each([
    ['data shorter than width × height', { width: 4, height: 4, data: new Uint8Array(15) }],
    ['data longer than width × height', { width: 4, height: 4, data: new Uint8Array(17) }],
    [
      'a side over the limit',
      { width: FRAME_LIMITS.maxSide + 1, height: 1, data: new Uint8Array(0) },
    ],
    ['more pixels than the limit', { width: 16_000, height: 16_000, data: new Uint8Array(0) }],
    ['a zero width', { width: 0, height: 4, data: new Uint8Array(0) }],
    ['pixels that are not bytes', { width: 2, height: 1, data: [1, 2] }],
  ])('refuses a frame with %s before any decoding', async (_name, frame) => {
    await start();
    await expect(t.transport.invoke('scan.frame', { source: 'file', ...frame })).rejects.toThrow(
      /Invalid arguments for scan.frame/,
    );
    expect(t.warnings.at(-1)?.event).toBe('ipc.rejected');
  });
});
