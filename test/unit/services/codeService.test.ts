import { afterEach, describe, expect, it } from 'vitest';
import type { CodeView } from '../../../preload/contract/contract';
import { totpCodeAt } from '../../../main/core/otp/codes';
import { OtpSecret } from '../../../main/core/secret';
import { RFC_SEED_B32, startTestTessera, T0, type TestTessera } from '../../support/services';

const seedBytes = new TextEncoder().encode('12345678901234567890');
const expected = (atMs: number, periodSeconds: number, digits = 6) =>
  totpCodeAt(
    OtpSecret.fromBytes(seedBytes),
    { type: 'totp', algorithm: 'SHA1', digits, periodSeconds },
    atMs,
  );

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

function pushes(): CodeView[][] {
  return t.transport.events
    .filter(e => e.channel === 'codes.changed')
    .map(e => e.payload as CodeView[]);
}

async function addTwoDevices(): Promise<{ fast: string; slow: string }> {
  const a = await t.app.devices.addFromUri(
    `otpauth://totp/A:thirty?secret=${RFC_SEED_B32}&period=30`,
  );
  const b = await t.app.devices.addFromUri(
    `otpauth://totp/B:sixty?secret=${RFC_SEED_B32}&period=60&digits=8`,
  );
  if (!a.ok || !b.ok) throw new Error('setup failed');
  return { fast: a.device.id, slow: b.device.id };
}

describe('CodeService', () => {
  it('computes codes, next codes and expiry for 30 s and 60 s devices side by side', async () => {
    t = await startTestTessera();
    const { fast, slow } = await addTwoDevices();
    const codes = t.app.codes.current();
    expect(codes).toEqual([
      {
        deviceId: fast,
        type: 'totp',
        code: expected(T0, 30),
        nextCode: expected(T0 + 30_000, 30),
        periodSeconds: 30,
        validUntilMs: T0 + 20_000,
      },
      {
        deviceId: slow,
        type: 'totp',
        code: expected(T0, 60, 8),
        nextCode: expected(T0 + 60_000, 60, 8),
        periodSeconds: 60,
        validUntilMs: T0 + 50_000,
      },
    ]);
  });

  it('sets one timer, to the next boundary of any device, and never polls every second', async () => {
    t = await startTestTessera();
    await addTwoDevices();
    t.clock.timeoutsRequested.length = 0;
    t.clock.advance(20_000); // to the 30 s boundary
    t.clock.advance(30_000); // to the 60 s boundary (both change)
    expect(t.clock.timeoutsRequested).toEqual([30_000, 30_000]);
    // One boundary timer and the (non-computing) clock-jump watchdog.
    expect(t.clock.pendingTimers).toBe(2);
  });

  it('pushes new codes exactly at each boundary, the 60 s device changing every other time', async () => {
    t = await startTestTessera();
    const { fast, slow } = await addTwoDevices();
    const before = pushes().length;
    t.clock.advance(19_999);
    expect(pushes().length).toBe(before);
    t.clock.advance(1); // T0 + 20 s = :30
    let last = pushes().at(-1)!;
    expect(pushes().length).toBe(before + 1);
    expect(last.find(c => c.deviceId === fast)).toMatchObject({
      code: expected(T0 + 20_000, 30),
      validUntilMs: T0 + 50_000,
    });
    expect(last.find(c => c.deviceId === slow)).toMatchObject({
      code: expected(T0, 60, 8),
      validUntilMs: T0 + 50_000,
    });
    t.clock.advance(30_000); // :60, both roll
    last = pushes().at(-1)!;
    expect(last.find(c => c.deviceId === fast)?.code).toBe(expected(T0 + 50_000, 30));
    expect(last.find(c => c.deviceId === slow)).toMatchObject({
      code: expected(T0 + 50_000, 60, 8),
      validUntilMs: T0 + 110_000,
    });
  });

  it('recomputes at once after a wall-clock jump, without waiting for the old boundary', async () => {
    t = await startTestTessera();
    const { fast } = await addTwoDevices();
    const before = pushes().length;
    t.clock.jumpWall(3_600_000); // an NTP step or a resume from sleep: one hour later
    t.clock.advance(5_000); // the watchdog's next look
    expect(pushes().length).toBe(before + 1);
    expect(
      pushes()
        .at(-1)!
        .find(c => c.deviceId === fast)?.code,
    ).toBe(expected(T0 + 3_605_000, 30));
  });

  it('recomputes at once when refreshed (resume from sleep)', async () => {
    t = await startTestTessera();
    const { fast } = await addTwoDevices();
    t.clock.jumpWall(45_000);
    t.app.codes.refresh();
    expect(
      pushes()
        .at(-1)!
        .find(c => c.deviceId === fast)?.code,
    ).toBe(expected(T0 + 45_000, 30));
  });

  it('applies a clock offset to every code', async () => {
    t = await startTestTessera();
    const { fast } = await addTwoDevices();
    t.app.codes.setClockOffset(-30_000);
    expect(t.app.codes.current().find(c => c.deviceId === fast)?.code).toBe(
      expected(T0 - 30_000, 30),
    );
  });

  it('computes codes past 2038 and with large HOTP counters', async () => {
    t = await startTestTessera();
    const { fast } = await addTwoDevices();
    t.clock.jumpWall(Date.UTC(2040, 0, 1) - T0);
    t.app.codes.refresh();
    expect(t.app.codes.current().find(c => c.deviceId === fast)?.code).toBe(
      expected(Date.UTC(2040, 0, 1), 30),
    );
    const hotp = await t.app.devices.addFromUri(
      `otpauth://hotp/H:x?secret=${RFC_SEED_B32}&counter=4294967296`,
    );
    expect(hotp.ok).toBe(true);
  });

  it('gives HOTP devices the code of their counter and moves on only when asked', async () => {
    t = await startTestTessera();
    const added = await t.app.devices.addFromUri(
      `otpauth://hotp/H:x?secret=${RFC_SEED_B32}&counter=0`,
    );
    if (!added.ok) throw new Error('setup failed');
    // RFC 4226 Appendix D: counters 0 and 1.
    expect(t.app.codes.current()).toEqual([
      { deviceId: added.device.id, type: 'hotp', code: '755224', nextCode: '287082', counter: 0 },
    ]);
    t.clock.advance(120_000);
    expect(t.app.codes.current()[0]).toMatchObject({ code: '755224' });
    await t.app.devices.advanceHotp(added.device.id);
    expect(pushes().at(-1)).toEqual([
      { deviceId: added.device.id, type: 'hotp', code: '287082', nextCode: '359152', counter: 1 },
    ]);
    // Persisted before the new code was shown (HOSTILE-INPUTS #44).
    expect((await t.vault.load()).document.devices[0]).toMatchObject({ counter: 1 });
  });

  it('stops its timers when stopped', async () => {
    t = await startTestTessera();
    await addTwoDevices();
    await t.app.stop();
    expect(t.clock.pendingTimers).toBe(0);
  });
});
