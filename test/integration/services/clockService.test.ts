/**
 * Clock health end to end in Node (integration): the real ClockService inside the real app
 * composition, over the real SNTP client talking to the loopback responder, real settings.json
 * and the system clock. Covers drift, applying and persisting the offset, an unreachable server
 * that never blocks anything else, and changing the server. No external network.
 */
import dgram from 'node:dgram';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClockStatusView } from '../../../preload/contract/contract';
import { totpCodeAt } from '../../../main/core/otp/codes';
import { OtpSecret } from '../../../main/core/secret';
import { FsSettingsStore } from '../../../main/node/fsSettingsStore';
import { SntpTimeServerClient } from '../../../main/node/sntpClient';
import { systemClock, systemTimers } from '../../../main/node/systemClock';
import { CHECK_TIMEOUT_MS } from '../../../main/services/clockService';
import { startTessera, type TesseraApp } from '../../../main/services/tesseraApp';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';
import { RecordingClipboard } from '../../harness/recordingClipboard';
import { MemoryTransport } from '../../support/memoryTransport';
import { RFC_SEED_B32 } from '../../support/services';
import { startSntpResponder, type SntpResponder } from '../../support/sntpResponder';

const seed = OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
const codeAt = (ms: number) =>
  totpCodeAt(seed, { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 }, ms);

let home: string;
const responders: SntpResponder[] = [];
const apps: TesseraApp[] = [];
/** Shared across restarts, as the keychain and vault.json would be. */
let secrets: InMemorySecretStore;
let vault: InMemoryVaultStore;

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-clock-'));
  secrets = new InMemorySecretStore();
  vault = new InMemoryVaultStore();
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  for (const responder of responders.splice(0)) await responder.stop();
  await fs.rm(home, { recursive: true, force: true });
});

async function responder(offsetMs: number): Promise<SntpResponder> {
  const started = await startSntpResponder({ offsetMs });
  responders.push(started);
  return started;
}

/** Starts Tessera over `home` with the real SNTP client and settings store. */
async function start(server?: string): Promise<{ app: TesseraApp; transport: MemoryTransport }> {
  const settings = new FsSettingsStore(home);
  if (server !== undefined) {
    await settings.update(current => ({ ...current, clock: { ...current.clock, server } }));
  }
  const transport = new MemoryTransport();
  const app = await startTessera({
    vault,
    secrets,
    clock: systemClock,
    timers: systemTimers,
    clipboard: new RecordingClipboard(),
    timeServer: new SntpTimeServerClient(),
    settings,
    clockAutoCheck: false,
    transport,
    log: { warn: () => undefined },
  });
  apps.push(app);
  return { app, transport };
}

async function startWithDevice(server?: string) {
  const started = await start(server);
  const added = await started.app.devices.addFromUri(`otpauth://totp/A:a?secret=${RFC_SEED_B32}`);
  if (!added.ok) throw new Error('setup failed');
  return started;
}

/**
 * The app's current code next to the code expected at Date.now() + offset, read within one
 * 30 s step (retried across a period boundary, so the comparison is exact).
 */
function codesWithOffset(app: TesseraApp, offsetMs: number): { actual: string; expected: string } {
  for (;;) {
    const before = Date.now() + offsetMs;
    const actual = app.codes.current()[0]?.code ?? '';
    const after = Date.now() + offsetMs;
    if (Math.floor(before / 30_000) === Math.floor(after / 30_000)) {
      return { actual, expected: codeAt(before) };
    }
  }
}

/** A loopback UDP port with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>(done => probe.bind(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise<void>(done => probe.close(done));
  return port;
}

/** An offset far enough from now that the current code differs from the one at now. */
const DRIFT_MS = 47_000;

describe('ClockService with the real SNTP client and settings file', () => {
  it('reports drift above 5 s, with a message, when the server is 7 s ahead', async () => {
    const server = await responder(7_000);
    const { app } = await startWithDevice(server.address);
    const status = await app.clockHealth.check();
    expect(status.state).toBe('drift');
    expect(status.server).toBe(server.address);
    expect(Math.abs((status.offsetMs ?? 0) - 7_000)).toBeLessThan(50);
    expect(status.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(status.message).toMatch(/7 s behind the time server/);
  });

  it('reports "ok" for a server within a few milliseconds of this computer', async () => {
    const server = await responder(0);
    const { app } = await startWithDevice(server.address);
    const status = await app.clockHealth.check();
    expect(status).toMatchObject({ state: 'ok', message: null });
    expect(Math.abs(status.offsetMs ?? Infinity)).toBeLessThan(50);
  });

  it('computes codes with the applied offset and reports "ok", then goes back when un-applied', async () => {
    const server = await responder(DRIFT_MS);
    const { app } = await startWithDevice(server.address);
    const measured = await app.clockHealth.check();
    const offset = Math.round(measured.offsetMs ?? 0);

    const applied = await app.clockHealth.applyOffset(true);
    expect(applied).toMatchObject({ state: 'ok', appliedOffsetMs: offset, message: null });
    const withOffset = codesWithOffset(app, offset);
    expect(withOffset.actual).toBe(withOffset.expected);
    expect(withOffset.actual).not.toBe(codesWithOffset(app, 0).expected);

    const undone = await app.clockHealth.applyOffset(false);
    expect(undone).toMatchObject({ state: 'drift', appliedOffsetMs: 0 });
    const without = codesWithOffset(app, 0);
    expect(without.actual).toBe(without.expected);
  });

  it('keeps the applied offset across a restart (settings.json on the same directory)', async () => {
    const server = await responder(DRIFT_MS);
    const first = await startWithDevice(server.address);
    await first.app.clockHealth.check();
    const { appliedOffsetMs } = await first.app.clockHealth.applyOffset(true);
    await first.app.stop();

    const stored = JSON.parse(await fs.readFile(path.join(home, 'settings.json'), 'utf8')) as {
      clock: { appliedOffsetMs: number; server: string };
    };
    expect(stored.clock).toEqual({ server: server.address, appliedOffsetMs });

    const { app } = await start();
    expect(app.clockHealth.status()).toMatchObject({
      server: server.address,
      appliedOffsetMs,
      state: 'never-checked',
    });
    const restarted = codesWithOffset(app, appliedOffsetMs);
    expect(restarted.actual).toBe(restarted.expected);
    expect(await app.clockHealth.check()).toMatchObject({ state: 'ok' });
  });

  it('reports an unreachable server with a message, promptly when the port refuses', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const { app } = await startWithDevice(address);
    const started = performance.now();
    const status = await app.clockHealth.check();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(status).toMatchObject({ state: 'unreachable', offsetMs: null });
    expect(status.message).toContain(`Could not reach ${address}`);
    expect(status.message).toContain('refused');
    expect((await app.clockHealth.applyOffset(true)).message).toMatch(/Check the clock first/);
  });

  it('answers every other call at once while a check waits for a silent server, then reports it unreachable', async () => {
    const server = await responder(0);
    server.setBehaviour('silent');
    const { app, transport } = await startWithDevice(server.address);
    const checkStarted = performance.now();
    const check = app.clockHealth.check();
    expect(app.clockHealth.status().state).toBe('checking');

    const timings: Record<string, number> = {};
    const time = async (label: string, call: () => unknown) => {
      const started = performance.now();
      await call();
      timings[label] = performance.now() - started;
    };
    await time('devices.list', () => app.devices.list());
    await time('codes.current', () => app.codes.current());
    await time('ipc devices.list', () => transport.invoke('devices.list'));
    await time('ipc codes.current', () => transport.invoke('codes.current'));
    await time('ipc clock.status', () => transport.invoke('clock.status'));
    for (const elapsed of Object.values(timings)) expect(elapsed).toBeLessThan(50);
    expect(((await transport.invoke('clock.status')) as ClockStatusView).state).toBe('checking');

    const status = await check;
    const elapsed = performance.now() - checkStarted;
    expect(elapsed).toBeGreaterThanOrEqual(CHECK_TIMEOUT_MS - 10);
    expect(elapsed).toBeLessThan(CHECK_TIMEOUT_MS + 500);
    expect(status.state).toBe('unreachable');
    expect(status.message).toContain('no answer within 3 s');
  });

  it('rechecks against the new server when the server is changed', async () => {
    const a = await responder(0);
    const b = await responder(9_000);
    const { app } = await startWithDevice(a.address);
    expect((await app.clockHealth.check()).state).toBe('ok');

    const status = await app.clockHealth.setServer(b.address);
    expect(status).toMatchObject({ server: b.address, state: 'drift' });
    expect(Math.abs((status.offsetMs ?? 0) - 9_000)).toBeLessThan(50);
    expect([a.requests, b.requests]).toEqual([1, 1]);
    expect((await new FsSettingsStore(home).load()).clock.server).toBe(b.address);
  });

  it('switches to a new server at once even while a check of a silent one is pending', async () => {
    const silent = await responder(0);
    silent.setBehaviour('silent');
    const good = await responder(-8_000);
    const { app } = await startWithDevice(silent.address);
    const pending = app.clockHealth.check();
    const started = performance.now();
    const status = await app.clockHealth.setServer(good.address);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(status).toMatchObject({ server: good.address, state: 'drift' });
    expect(status.message).toMatch(/8 s ahead of the time server/);
    await pending;
    expect(app.clockHealth.status()).toMatchObject({ server: good.address, state: 'drift' });
  });
});
