/**
 * Clock health (services layer): TOTP fails when the computer's clock drifts, so Tessera
 * measures its offset against an NTP server (SNTP; default time.aws.com) soon after start-up and
 * every few hours, warns when it exceeds 5 s, and lets the user apply the measured offset to code
 * generation. A check runs in the background with a timeout: nothing ever waits for it.
 */
import type { ClockStatusView } from '../../preload/contract/contract';
import type { Clock, SettingsStore, TimerHandle, Timers, TimeServerClient } from '../core/ports';
import { TimeServerError } from '../core/ports';
import { MAX_APPLIED_OFFSET_MS, type Settings } from '../core/settings/settings';
import type { ClockHealth } from './clockHealth';
import type { CodeService } from './codeService';

/** Above this, codes are likely refused (AWS allows about one 30 s step either way). */
export const DRIFT_WARNING_MS = 5_000;
export const CHECK_TIMEOUT_MS = 3_000;
export const FIRST_CHECK_DELAY_MS = 5_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface ClockServiceDeps {
  readonly timeServer: TimeServerClient;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly codes: CodeService;
  /** False in tests that check on demand only. */
  readonly autoCheck?: boolean;
}

export class ClockService implements ClockHealth {
  #settings: Settings;
  #status: ClockStatusView;
  /** The check running now, and the server it asks. */
  #inFlight: { readonly server: string; readonly promise: Promise<ClockStatusView> } | undefined;
  #timer: TimerHandle | undefined;
  /** True between start() and stop(): a check finishing after stop() schedules nothing. */
  #running = false;
  readonly #listeners = new Set<(status: ClockStatusView) => void>();

  private constructor(
    private readonly deps: ClockServiceDeps,
    settings: Settings,
  ) {
    this.#settings = settings;
    this.#status = {
      server: settings.clock.server,
      state: 'never-checked',
      offsetMs: null,
      roundTripMs: null,
      checkedAtMs: null,
      appliedOffsetMs: settings.clock.appliedOffsetMs,
      message: null,
    };
  }

  /** Loads the settings and applies a previously applied offset to the code service at once. */
  static async open(deps: ClockServiceDeps): Promise<ClockService> {
    const settings = await deps.settings.load();
    if (settings.clock.appliedOffsetMs !== 0)
      deps.codes.setClockOffset(settings.clock.appliedOffsetMs);
    return new ClockService(deps, settings);
  }

  status(): ClockStatusView {
    return this.#status;
  }

  onChange(listener: (status: ClockStatusView) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  start(): void {
    if (this.deps.autoCheck === false || this.#running) return;
    this.#running = true;
    const loop = (delayMs: number) => {
      this.#timer = this.deps.timers.setTimeout(() => {
        this.#timer = undefined;
        // check() never rejects (#measure turns every failure into a status).
        void this.check().finally(() => {
          if (this.#running) loop(CHECK_INTERVAL_MS);
        });
      }, delayMs);
    };
    loop(FIRST_CHECK_DELAY_MS);
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== undefined) this.deps.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  check(): Promise<ClockStatusView> {
    // One check per server at a time: a second request joins the one in flight. After
    // setServer, the check of the old server is left to finish unheard and a new one starts.
    const server = this.#settings.clock.server;
    if (this.#inFlight?.server === server) return this.#inFlight.promise;
    const promise = this.#measure(server).finally(() => {
      if (this.#inFlight?.promise === promise) this.#inFlight = undefined;
    });
    this.#inFlight = { server, promise };
    return promise;
  }

  async applyOffset(apply: boolean): Promise<ClockStatusView> {
    const measured = this.#status.offsetMs;
    if (apply && (measured === null || this.#status.state === 'unreachable')) {
      return this.#set({ message: 'Check the clock first: there is no measured offset to apply.' });
    }
    const offset = apply && measured !== null ? Math.round(measured) : 0;
    if (Math.abs(offset) > MAX_APPLIED_OFFSET_MS) {
      return this.#set({
        message: 'The clock is off by more than a day: set the computer’s clock instead.',
      });
    }
    this.#settings = await this.deps.settings.update(current => ({
      ...current,
      clock: { ...current.clock, appliedOffsetMs: offset },
    }));
    this.deps.codes.setClockOffset(offset);
    return this.#set({
      appliedOffsetMs: offset,
      message: null,
      state: this.#stateFor(measured, offset),
    });
  }

  async setServer(server: string): Promise<ClockStatusView> {
    this.#settings = await this.deps.settings.update(current => ({
      ...current,
      clock: { ...current.clock, server },
    }));
    this.#set({
      server,
      state: 'never-checked',
      offsetMs: null,
      roundTripMs: null,
      checkedAtMs: null,
      message: null,
    });
    return this.check();
  }

  async #measure(server: string): Promise<ClockStatusView> {
    this.#set({ server, state: 'checking' });
    try {
      const sample = await this.deps.timeServer.query(server, CHECK_TIMEOUT_MS);
      // The user chose another server meanwhile: that server's check owns the status.
      if (this.#settings.clock.server !== server) return this.#status;
      const applied = this.#settings.clock.appliedOffsetMs;
      const state = this.#stateFor(sample.offsetMs, applied);
      return this.#set({
        server,
        state,
        offsetMs: sample.offsetMs,
        roundTripMs: sample.roundTripMs,
        checkedAtMs: this.deps.clock.nowMs(),
        message: state === 'drift' ? driftMessage(sample.offsetMs - applied) : null,
      });
    } catch (error) {
      if (this.#settings.clock.server !== server) return this.#status;
      // Anything but a TimeServerError is a bug in the client; it must still not leave the
      // status at 'checking' forever, nor reject a check the periodic timer does not await.
      const reason = error instanceof TimeServerError ? error.message : 'unexpected error';
      return this.#set({
        server,
        state: 'unreachable',
        offsetMs: null,
        roundTripMs: null,
        checkedAtMs: this.deps.clock.nowMs(),
        message: `Could not reach ${server} to check the clock (${reason}). Codes still work if the computer's clock is right.`,
      });
    }
  }

  /** Drift is what remains after the applied offset: applying the measurement clears the warning. */
  #stateFor(measured: number | null, applied: number): ClockStatusView['state'] {
    if (measured === null)
      return this.#status.state === 'unreachable' ? 'unreachable' : 'never-checked';
    return Math.abs(measured - applied) > DRIFT_WARNING_MS ? 'drift' : 'ok';
  }

  #set(change: Partial<ClockStatusView>): ClockStatusView {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#listeners) listener(this.#status);
    return this.#status;
  }
}

function driftMessage(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  return `This computer's clock is ${seconds} s ${direction} the time server: codes may be refused. Set the clock automatically in your system settings, or apply the offset to Tessera's codes.`;
}
