/**
 * ClockService state machine (unit): scheduling on a fake clock, one query for concurrent
 * checks, drift/ok/unreachable states, applying the offset to codes, and the races between a
 * running check and stop() or a server change. The real client is covered by the integration tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../../main/core/otp/codes';
import { TimeServerError, type TimeSample, type TimeServerClient } from '../../../main/core/ports';
import { OtpSecret } from '../../../main/core/secret';
import { defaultSettings } from '../../../main/core/settings/settings';
import {
  CHECK_INTERVAL_MS,
  CHECK_TIMEOUT_MS,
  ClockService,
  FIRST_CHECK_DELAY_MS,
} from '../../../main/services/clockService';
import { InMemorySettingsStore } from '../../fakes/inMemorySettingsStore';
import { RFC_SEED_B32, startTestTessera, T0, type TestTessera } from '../../support/services';

const seed = OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
const codeAt = (ms: number) =>
  totpCodeAt(seed, { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 }, ms);

/** Lets pending promise callbacks run (the fake clock fires timers synchronously). */
const settle = () => new Promise<void>(resolve => setImmediate(resolve));

/** A time server whose answers the test releases by hand. */
class ManualTimeServer implements TimeServerClient {
  readonly pending: {
    server: string;
    timeoutMs: number;
    resolve: (sample: TimeSample) => void;
    reject: (error: unknown) => void;
  }[] = [];

  query(server: string, timeoutMs: number): Promise<TimeSample> {
    return new Promise((resolve, reject) => {
      this.pending.push({ server, timeoutMs, resolve, reject });
    });
  }
}

let t: TestTessera | undefined;
const services: ClockService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  await t?.app.stop();
  t = undefined;
});

async function tessera(options: Parameters<typeof startTestTessera>[0] = {}): Promise<TestTessera> {
  t = await startTestTessera(options);
  const added = await t.app.devices.addFromUri(`otpauth://totp/A:a?secret=${RFC_SEED_B32}`);
  if (!added.ok) throw new Error('setup failed');
  return t;
}

/** A ClockService over a ManualTimeServer, sharing the code service of a test Tessera. */
async function manualService(
  app: TestTessera,
  settings = new InMemorySettingsStore(),
): Promise<{ clock: ClockService; server: ManualTimeServer; settings: InMemorySettingsStore }> {
  const server = new ManualTimeServer();
  const clock = await ClockService.open({
    timeServer: server,
    settings,
    clock: app.clock,
    timers: app.clock,
    codes: app.app.codes,
  });
  services.push(clock);
  return { clock, server, settings };
}

describe('ClockService', () => {
  describe('scheduling', () => {
    it('checks first 5 s after start, then every 4 hours', async () => {
      const app = await tessera({ clockAutoCheck: true });
      app.clock.advance(FIRST_CHECK_DELAY_MS - 1);
      expect(app.timeServer.queries).toEqual([]);
      app.clock.advance(1);
      expect(app.timeServer.queries).toEqual(['time.aws.com']);
      await settle();
      app.clock.advance(CHECK_INTERVAL_MS - 1);
      expect(app.timeServer.queries).toHaveLength(1);
      app.clock.advance(1);
      expect(app.timeServer.queries).toHaveLength(2);
      await settle();
      app.clock.advance(CHECK_INTERVAL_MS);
      expect(app.timeServer.queries).toHaveLength(3);
    });

    it('never checks on its own when autoCheck is off', async () => {
      const app = await tessera({ clockAutoCheck: false });
      app.clock.advance(CHECK_INTERVAL_MS * 2);
      expect(app.timeServer.queries).toEqual([]);
    });

    it('keeps checking every 4 hours after a failed check', async () => {
      const app = await tessera({ clockAutoCheck: true });
      app.timeServer.reachable = false;
      app.clock.advance(FIRST_CHECK_DELAY_MS);
      await settle();
      expect(app.app.clockHealth.status().state).toBe('unreachable');
      app.clock.advance(CHECK_INTERVAL_MS);
      expect(app.timeServer.queries).toHaveLength(2);
    });

    it('schedules nothing more when stopped while a check is running', async () => {
      const app = await tessera();
      const { clock, server } = await manualService(app);
      clock.start();
      app.clock.advance(FIRST_CHECK_DELAY_MS);
      expect(server.pending).toHaveLength(1);
      clock.stop();
      server.pending[0]?.resolve({ offsetMs: 0, roundTripMs: 1 });
      await settle();
      app.clock.advance(CHECK_INTERVAL_MS * 2);
      expect(server.pending).toHaveLength(1);
    });

    it('starts one schedule however often start() is called', async () => {
      const app = await tessera();
      const { clock } = await manualService(app);
      const timers = app.clock.pendingTimers;
      clock.start();
      clock.start();
      expect(app.clock.pendingTimers).toBe(timers + 1);
    });
  });

  describe('check', () => {
    it('shares one query between concurrent checks, and asks with the 3 s timeout', async () => {
      const app = await tessera();
      const { clock, server } = await manualService(app);
      const first = clock.check();
      const second = clock.check();
      expect(clock.status().state).toBe('checking');
      expect(server.pending).toHaveLength(1);
      expect(server.pending[0]?.timeoutMs).toBe(CHECK_TIMEOUT_MS);
      server.pending[0]?.resolve({ offsetMs: 120, roundTripMs: 8 });
      expect(await first).toBe(await second);
      expect(clock.status()).toMatchObject({
        state: 'ok',
        offsetMs: 120,
        roundTripMs: 8,
        checkedAtMs: T0,
      });
      void clock.check();
      expect(server.pending).toHaveLength(2);
    });

    it('reports drift above 5 s with a message saying which way the clock is off', async () => {
      const app = await tessera();
      app.timeServer.offsetMs = 7_000;
      const status = await app.app.clockHealth.check();
      expect(status.state).toBe('drift');
      expect(status.message).toMatch(/7 s behind the time server/);
      app.timeServer.offsetMs = -6_000;
      expect((await app.app.clockHealth.check()).message).toMatch(/6 s ahead of the time server/);
    });

    it('calls 5 s or less "ok"', async () => {
      const app = await tessera();
      app.timeServer.offsetMs = -5_000;
      expect(await app.app.clockHealth.check()).toMatchObject({ state: 'ok', message: null });
    });

    it('reports an unreachable server with the client’s reason', async () => {
      const app = await tessera();
      app.timeServer.reachable = false;
      const status = await app.app.clockHealth.check();
      expect(status).toMatchObject({ state: 'unreachable', offsetMs: null });
      expect(status.message).toMatch(/Could not reach time\.aws\.com .*\(no answer\)/);
    });

    it('turns an unexpected client error into "unreachable" instead of staying "checking"', async () => {
      const app = await tessera();
      const { clock, server } = await manualService(app);
      const check = clock.check();
      server.pending[0]?.reject(new TypeError('bug'));
      const status = await check;
      expect(status.state).toBe('unreachable');
      expect(status.message).toMatch(/unexpected error/);
    });

    it('notifies listeners of "checking" and of the result', async () => {
      const app = await tessera();
      const states: string[] = [];
      app.app.clockHealth.onChange(status => states.push(status.state));
      await app.app.clockHealth.check();
      expect(states).toEqual(['checking', 'ok']);
    });
  });

  describe('applyOffset', () => {
    it('applies the measured offset to codes and clears the drift warning, then un-applies it', async () => {
      const app = await tessera();
      app.timeServer.offsetMs = 40_000;
      await app.app.clockHealth.check();
      expect(app.app.codes.current()[0]?.code).toBe(codeAt(T0));

      const applied = await app.app.clockHealth.applyOffset(true);
      expect(applied).toMatchObject({ state: 'ok', appliedOffsetMs: 40_000, message: null });
      expect(app.app.codes.current()[0]?.code).toBe(codeAt(T0 + 40_000));
      expect((await app.settings.load()).clock.appliedOffsetMs).toBe(40_000);

      const undone = await app.app.clockHealth.applyOffset(false);
      expect(undone).toMatchObject({ state: 'drift', appliedOffsetMs: 0 });
      expect(app.app.codes.current()[0]?.code).toBe(codeAt(T0));
    });

    it('keeps reporting the remaining drift when a later check finds the applied offset stale', async () => {
      const app = await tessera();
      app.timeServer.offsetMs = 10_000;
      await app.app.clockHealth.check();
      await app.app.clockHealth.applyOffset(true);
      app.timeServer.offsetMs = 20_000;
      const status = await app.app.clockHealth.check();
      expect(status.state).toBe('drift');
      expect(status.message).toMatch(/10 s behind/);
    });

    it('refuses to apply when nothing was measured, changing nothing', async () => {
      const app = await tessera();
      const status = await app.app.clockHealth.applyOffset(true);
      expect(status.message).toMatch(/Check the clock first/);
      expect(status.appliedOffsetMs).toBe(0);
      expect(app.settings.writes).toBe(0);
    });

    it('refuses an offset of more than a day', async () => {
      const app = await tessera();
      app.timeServer.offsetMs = 2 * 24 * 60 * 60 * 1000;
      await app.app.clockHealth.check();
      const status = await app.app.clockHealth.applyOffset(true);
      expect(status.message).toMatch(/more than a day/);
      expect(status.appliedOffsetMs).toBe(0);
    });

    it('applies a stored offset to codes as soon as it opens', async () => {
      const settings = new InMemorySettingsStore({
        ...defaultSettings(),
        clock: { server: 'time.aws.com', appliedOffsetMs: -31_000 },
      });
      const app = await tessera({ settings });
      expect(app.app.clockHealth.status().appliedOffsetMs).toBe(-31_000);
      expect(app.app.codes.current()[0]?.code).toBe(codeAt(T0 - 31_000));
    });
  });

  describe('setServer', () => {
    it('stores the server and checks it at once', async () => {
      const app = await tessera();
      const status = await app.app.clockHealth.setServer('pool.ntp.org');
      expect(status).toMatchObject({ server: 'pool.ntp.org', state: 'ok' });
      expect(app.timeServer.queries).toEqual(['pool.ntp.org']);
      expect((await app.settings.load()).clock.server).toBe('pool.ntp.org');
    });

    it('checks the new server even while a check of the old one is running, and ignores the old result', async () => {
      const app = await tessera();
      const { clock, server } = await manualService(app);
      const old = clock.check();
      const changed = clock.setServer('new.example.test');
      await settle();
      expect(server.pending.map(query => query.server)).toEqual([
        'time.aws.com',
        'new.example.test',
      ]);
      server.pending[1]?.resolve({ offsetMs: 9_000, roundTripMs: 3 });
      expect(await changed).toMatchObject({ server: 'new.example.test', state: 'drift' });
      server.pending[0]?.reject(new TimeServerError('no answer'));
      await old;
      expect(clock.status()).toMatchObject({
        server: 'new.example.test',
        state: 'drift',
        offsetMs: 9_000,
      });
    });
  });

  it('never delays other calls while a check waits for the server', async () => {
    const app = await tessera();
    const { clock, server } = await manualService(app);
    const check = clock.check();
    const started = performance.now();
    expect(app.app.devices.list()).toHaveLength(1);
    expect(app.app.codes.current()).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(50);
    server.pending[0]?.resolve({ offsetMs: 0, roundTripMs: 1 });
    await check;
  });
});
