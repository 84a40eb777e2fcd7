/**
 * The secret canary (DESIGN.md §1.1): with devices holding known seeds, call every IPC channel
 * (valid and invalid arguments), run the clock through boundaries, and assert that no result,
 * event, error message, log line or clipboard write carries a seed in any common encoding.
 *
 * The one sanctioned exception is `devices.revealSecret` (and the clipboard write of
 * `devices.copySecret`), the user's explicit, confirmed request to see or copy a secret: its
 * results are kept apart and checked to hold exactly the seed asked for, only with the
 * confirmation in the arguments, and never another device's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeChannel } from '../../../preload/contract/contract';
import { encodeBase32 } from '../../../main/core/otp/base32';
import { totpCodeAt } from '../../../main/core/otp/codes';
import { OtpSecret } from '../../../main/core/secret';
import { FakeScreenCapture } from '../../fakes/fakeScreenCapture';
import { migrationUri } from '../../support/migrationUri';
import { qrFrame } from '../../support/qrFrames';
import { startTestTessera, type TestTessera } from '../../support/services';

const SEED_TEXT = 'canary-seed-0123456789-CANARY'; // 29 bytes, recognisable in any encoding
const seedBytes = Buffer.from(SEED_TEXT, 'utf8');
const base32 = (bytes: Buffer) => encodeBase32(bytes);
const SEED_B32 = base32(seedBytes);
const HOTP_SEED = Buffer.from('second-canary-seed-for-hotp!!', 'utf8');
const MANUAL_SEED = Buffer.from('third-canary-typed-by-hand!!!', 'utf8');

function forms(bytes: Buffer): string[] {
  const b32 = base32(bytes);
  return [
    bytes.toString('utf8'),
    b32,
    b32.toLowerCase(),
    b32.slice(0, 16), // any 80-bit run of the base32 form
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
}

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

describe('the secret canary', () => {
  it('finds no seed in anything that crosses the IPC boundary', async () => {
    const screen = new FakeScreenCapture();
    t = await startTestTessera({ screenCapture: screen });
    const seen: unknown[] = [];
    /** Results of the sanctioned exception, kept out of `seen` and checked on their own. */
    const revealed: unknown[] = [];
    const copiedSecrets: string[] = [];
    const call = async (channel: string, ...args: unknown[]) => {
      try {
        seen.push(await t.transport.invoke(channel, ...args));
      } catch (error) {
        seen.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    };

    await call(
      'devices.addFromUri',
      `otpauth://totp/Canary:alice?secret=${SEED_B32}&issuer=Canary`,
    );
    await call(
      'devices.addFromUri',
      `otpauth://hotp/Canary:hotp?secret=${base32(HOTP_SEED)}&counter=7`,
    );
    await call('devices.addManual', {
      type: 'totp',
      issuer: 'Typed',
      accountName: 'bob',
      secret: base32(MANUAL_SEED),
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: 30,
    });
    // Rejected inputs that contain a seed must not echo it back either.
    await call('devices.addFromUri', `otpauth://totp/Canary:x?secret=${SEED_B32}&digits=99`);
    await call(
      'devices.addFromUri',
      `otpauth://totp/Canary:x?secret=${SEED_B32}&secret=${SEED_B32}A`,
    );
    await call('devices.addFromUri', `https://example.com/?secret=${SEED_B32}`);
    await call('devices.addManual', {
      type: 'totp',
      issuer: 'Typed',
      accountName: 'bob',
      secret: `${base32(MANUAL_SEED)}1`,
      algorithm: 'SHA1',
      digits: 6,
      periodSeconds: 30,
    });
    await call('devices.addFromUri', { secret: SEED_B32 });

    const ids = t.app.devices.list().map(device => device.id);
    const [id = '', hotpId = ''] = ids;
    // The canary is only meaningful if the seeds really are stored and in use.
    expect(ids).toHaveLength(3);
    const expectedCode = totpCodeAt(
      OtpSecret.fromBytes(seedBytes),
      { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
      t.clock.nowMs(),
    );
    expect(t.app.codes.current().find(code => code.deviceId === id)?.code).toBe(expectedCode);
    // QR codes that carry the canary seed: an authenticator code, a damaged one, a web link and
    // a transfer code. Their previews, messages and confirmations must not show the seed.
    const seededTexts = [
      `otpauth://totp/Canary:scanned?secret=${SEED_B32}&issuer=Canary`,
      `otpauth://totp/Canary:bad?secret=${SEED_B32}&digits=99`,
      `https://example.com/enroll?secret=${SEED_B32}`,
      migrationUri([{ secret: seedBytes, name: 'batch', issuer: 'Canary' }]),
    ];
    const frameOf = (texts: readonly string[]) => {
      const frame = qrFrame(
        texts.map((text, i) => ({ text, placement: { x: i * 420 + 10, y: 10, scale: 4 } })),
      );
      return { width: frame.width, height: frame.height, data: frame.data };
    };
    screen.displays = [
      qrFrame([{ text: seededTexts[0]!, placement: { scale: 4 } }]),
      qrFrame(
        seededTexts
          .slice(1)
          .map(text => ({ text, placement: { scale: 4 } }))
          .slice(0, 1),
      ),
    ];
    const scanTokens: string[] = [];
    const scanCall = async (channel: string, ...args: unknown[]) => {
      const result: unknown = await t.transport
        .invoke(channel, ...args)
        .catch((error: unknown) =>
          error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        );
      seen.push(result);
      if (typeof result === 'object' && result !== null && 'token' in result) {
        scanTokens.push(String(result.token));
      }
    };
    const scanChannels = (): Record<
      Extract<InvokeChannel, `scan.${string}`>,
      () => Promise<void>
    > => ({
      'scan.screen': () => scanCall('scan.screen'),
      'scan.frame': async () => {
        for (const source of ['camera', 'file', 'paste']) {
          await scanCall('scan.frame', { source, ...frameOf(seededTexts) });
        }
        // A frame whose size does not match its data is refused before any decoding.
        await scanCall('scan.frame', { source: 'file', width: 3, height: 3, data: seedBytes });
      },
      'scan.confirm': async () => {
        await scanCall('scan.confirm', scanTokens[0], [0]);
        await scanCall('scan.confirm', scanTokens[1], [0, 1, 2, 3]);
        await scanCall('scan.confirm', scanTokens[0], [0]); // used: expired
      },
      'scan.discard': () => scanCall('scan.discard', scanTokens.at(-1)),
      'scan.allowCamera': async () => {
        await scanCall('scan.allowCamera', true);
        await scanCall('scan.allowCamera', false);
      },
    });
    // Every invoke channel, with valid arguments. Typed so that a new channel fails to compile here.
    const everyChannel: Record<InvokeChannel, () => Promise<void>> = {
      'app.status': () => call('app.status'),
      'app.retryKeychain': () => call('app.retryKeychain'),
      'devices.list': () => call('devices.list'),
      'devices.addFromUri': () =>
        call('devices.addFromUri', `otpauth://totp/Other:carol?secret=JBSWY3DPEHPK3PXP`),
      'devices.addManual': () =>
        call('devices.addManual', {
          type: 'hotp',
          issuer: 'H',
          accountName: 'h',
          secret: 'JBSWY3DPEHPK3PXP',
          algorithm: 'SHA512',
          digits: 8,
          counter: 1,
        }),
      'devices.remove': () => call('devices.remove', ids.at(-1)),
      'codes.current': () => call('codes.current'),
      'codes.copy': async () => {
        await call('codes.copy', id, 'current');
        await call('codes.copy', id, 'next');
      },
      'codes.advanceHotp': () => call('codes.advanceHotp', hotpId),
      'devices.edit': async () => {
        await call('devices.edit', id, {
          issuer: 'Canary',
          accountName: 'alice2',
          group: 'Canaries',
          tags: ['bird'],
          aws: {
            accountId: '123456789012',
            alias: null,
            deviceName: 'alice',
            principal: { kind: 'iam-user', userName: 'alice' },
            serialArn: 'arn:aws:iam::123456789012:mfa/alice',
          },
        });
        await call('devices.edit', id, {
          issuer: 'Canary',
          accountName: 'alice2',
          group: '',
          tags: [],
          aws: null,
        });
      },
      'devices.previewUri': async () => {
        await call(
          'devices.previewUri',
          `otpauth://totp/Canary:again?secret=${SEED_B32}&issuer=Canary`,
        );
        await call('devices.previewUri', `otpauth://totp/Canary:x?secret=${SEED_B32}&digits=99`);
      },
      'devices.previewManual': () =>
        call('devices.previewManual', {
          type: 'totp',
          issuer: 'Typed',
          accountName: 'bob',
          secret: base32(MANUAL_SEED),
          algorithm: 'SHA1',
          digits: 6,
          periodSeconds: 30,
        }),
      'devices.reenterSecret': async () => {
        // Refused (the device has its seed; a malformed one): neither echoes the seed typed.
        await call('devices.reenterSecret', id, SEED_B32);
        await call('devices.reenterSecret', hotpId, `${SEED_B32}1`);
      },
      'devices.revealSecret': async () => {
        // Without the confirmation in the arguments: refused before any service runs.
        await call('devices.revealSecret', id);
        await call('devices.revealSecret', id, { confirmed: false });
        // The sanctioned exception: confirmed, one device.
        try {
          revealed.push(await t.transport.invoke('devices.revealSecret', id, { confirmed: true }));
        } catch (error) {
          revealed.push(String(error));
        }
      },
      'devices.copySecret': async () => {
        await call('devices.copySecret', id, {});
        const before = t.clipboard.writes.length;
        await call('devices.copySecret', id, { confirmed: true });
        copiedSecrets.push(...t.clipboard.writes.splice(before));
      },
      'aws.enrollment': async () => {
        await call('aws.enrollment', id, { userName: 'alice' });
        t.clock.advance(15_000); // into the "wait for the rollover" part of the period
        await call('aws.enrollment', id, { userName: null });
      },
      'aws.copyEnrollment': async () => {
        const step = Math.floor(t.clock.nowMs() / 30_000);
        for (const item of ['code1', 'code2', 'enable-command', 'resync-command'] as const) {
          await call('aws.copyEnrollment', id, { item, code2Step: step, userName: 'alice' });
        }
      },
      'clock.status': () => call('clock.status'),
      'clock.check': () => call('clock.check'),
      'clock.applyOffset': async () => {
        await call('clock.applyOffset', true);
        await call('clock.applyOffset', false);
      },
      'clock.setServer': () => call('clock.setServer', '127.0.0.1:1'),
      ...scanChannels(),
      'devices.setFavorite': () => call('devices.setFavorite', id, true),
      'devices.move': async () => {
        await call('devices.move', id, { toIndex: 0 });
        await call('devices.move', id, { after: hotpId });
      },
      'settings.get': () => call('settings.get'),
      'settings.update': () =>
        call('settings.update', { theme: 'dark', clipboardClearSeconds: 10 }),
      'transfer.qrCodes': () => call('transfer.qrCodes', { confirmed: true }),
      'backup.status': () => call('backup.status'),
      'backup.create': async () => {
        t.dialogs.savePath = '/backup.tessera';
        await call('backup.create', 'backup passphrase');
      },
      'interop.openFile': async () => {
        t.dialogs.openPath = '/backup.tessera';
        await call('interop.openFile', 'restore');
      },
      'backup.restorePreview': () =>
        previewAndApply('backup.restorePreview', 'backup.restoreApply'),
      'backup.restoreApply': () => previewAndApply('backup.restorePreview', 'backup.restoreApply'),
      'interop.importPreview': async () => {
        t.files.files.set(
          '/list.txt',
          new TextEncoder().encode(
            `otpauth://totp/New:x?secret=${SEED_B32}\notpauth://totp/Bad:y?secret=${SEED_B32}&digits=9\n`,
          ),
        );
        t.dialogs.openPath = '/list.txt';
        const opened = (await t.transport.invoke('interop.openFile', 'import')) as {
          file: { fileId: string };
        };
        await call('interop.importPreview', opened.file.fileId, 'otpauth-list', null);
      },
      'interop.importApply': () => call('interop.importApply', 'no-such-token', 'skip'),
      'interop.discard': () => call('interop.discard', 'no-such-token'),
      'interop.export': async () => {
        for (const format of ['tessera', 'aegis', 'otpauth-list'] as const) {
          t.dialogs.savePath = `/export-${format}`;
          await call('interop.export', format, format === 'otpauth-list' ? null : 'pw');
        }
      },
    };
    const previewAndApply = async (preview: string, apply: string) => {
      t.dialogs.openPath = '/backup.tessera';
      const opened = (await t.transport.invoke('interop.openFile', 'restore')) as {
        file: { fileId: string };
      };
      const result = (await t.transport.invoke(
        preview,
        opened.file.fileId,
        'backup passphrase',
      )) as {
        preview: { token: string };
      };
      seen.push(result);
      await call(apply, result.preview.token, 'keep-both');
    };
    for (const channel of invokeChannels) await everyChannel[channel]();
    // The scans really decoded the canary's QR codes and added one of them.
    expect(scanTokens.length).toBeGreaterThanOrEqual(2);
    expect(t.app.devices.list().some(device => device.accountName === 'scanned')).toBe(true);
    t.clock.advance(95_000);
    t.clock.jumpWall(-600_000);
    t.clock.advance(10_000);
    await call('devices.list');

    const everything = JSON.stringify({
      scanned: seen.map(value => (value instanceof Uint8Array ? 'frame' : value)),
      seen,
      events: t.transport.events,
      warnings: t.warnings,
      clipboard: t.clipboard.writes,
    });
    expect(t.transport.events.some(event => event.channel === 'codes.changed')).toBe(true);
    expect(t.transport.events.some(event => event.channel === 'devices.changed')).toBe(true);
    for (const seed of [seedBytes, HOTP_SEED, MANUAL_SEED]) {
      for (const form of forms(seed)) expect(everything).not.toContain(form);
    }
    // The exception holds the confirmed device's seed, and nothing about the others.
    expect(revealed).toHaveLength(1);
    expect(revealed[0]).toMatchObject({
      ok: true,
      uri: expect.stringContaining(SEED_B32) as unknown,
    });
    expect(copiedSecrets).toEqual([SEED_B32]);
    const exception = JSON.stringify({ revealed, copiedSecrets });
    for (const seed of [HOTP_SEED, MANUAL_SEED]) {
      for (const form of forms(seed)) expect(exception).not.toContain(form);
    }
    // The encrypted files main wrote hold no seed either (the otpauth list is plaintext by design).
    expect(t.files.files.has('/backup.tessera')).toBe(true);
    const encrypted = ['/backup.tessera', '/export-tessera', '/export-aegis'].map(p =>
      t.files.text(p),
    );
    expect(encrypted.every(text => text.length > 100)).toBe(true);
    for (const form of forms(seedBytes)) expect(encrypted.join('\n')).not.toContain(form);
    expect(t.files.text('/export-otpauth-list')).toContain(SEED_B32);
  });
});
