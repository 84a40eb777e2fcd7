/**
 * Codes use case (services layer): computes every device's code in main and pushes them on a
 * single timer set for the next period boundary of any device (no per-second polling). After a
 * sleep/resume or a wall-clock jump it recomputes at once: `refresh()` is called by the resume
 * hook, and a cheap watchdog compares wall time with monotonic time to catch jumps it would
 * otherwise only notice at the next boundary.
 */
import type { CodeView } from '../../preload/contract/contract';
import { hotpCodes, totpAt } from '../core/otp/codes';
import type { Clock, TimerHandle, Timers } from '../core/ports';
import type { OtpSecret } from '../core/secret';
import { nextBoundaryMs } from '../core/ticker/nextBoundary';
import type { DeviceService } from './deviceService';

export interface CodeServiceOptions {
  /** Added to the wall clock before computing codes (from an NTP drift check). */
  readonly clockOffsetMs?: number;
  /** How often the watchdog compares wall and monotonic time. Not a code recompute. */
  readonly jumpCheckIntervalMs?: number;
  /** A wall-clock change larger than this (relative to monotonic time) counts as a jump. */
  readonly jumpToleranceMs?: number;
}

/** A timer that fires this much before its boundary still computes the boundary's codes. */
const EARLY_FIRE_TOLERANCE_MS = 50;

interface CacheEntry {
  readonly secret: OtpSecret;
  readonly paramsKey: string;
  readonly view: CodeView;
  readonly step: number;
}

export class CodeService {
  readonly #cache = new Map<string, CacheEntry>();
  #timer: TimerHandle | undefined;
  #watchdog: TimerHandle | undefined;
  #wallMinusMonotonic = 0;
  #offsetMs: number;
  #unsubscribe: (() => void) | undefined;
  #latest: CodeView[] = [];

  constructor(
    private readonly devices: DeviceService,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly emit: (codes: CodeView[]) => void,
    private readonly options: CodeServiceOptions = {},
  ) {
    this.#offsetMs = options.clockOffsetMs ?? 0;
  }

  start(): void {
    this.#unsubscribe = this.devices.onChange(() => {
      this.refresh();
    });
    this.#wallMinusMonotonic = this.clock.nowMs() - this.clock.monotonicMs();
    this.#watchdog = this.timers.setInterval(() => {
      this.#checkForJump();
    }, this.options.jumpCheckIntervalMs ?? 5_000);
    this.refresh();
  }

  stop(): void {
    this.#unsubscribe?.();
    if (this.#timer !== undefined) this.timers.clearTimeout(this.#timer);
    if (this.#watchdog !== undefined) this.timers.clearInterval(this.#watchdog);
    this.#timer = undefined;
    this.#watchdog = undefined;
  }

  /** Codes as of now (computed on demand, e.g. for a renderer that just loaded). */
  current(): CodeView[] {
    return this.#compute(this.#nowMs());
  }

  /** The code to copy for a device, as of now. */
  codeFor(id: string, which: 'current' | 'next'): string | undefined {
    const view = this.current().find(code => code.deviceId === id);
    if (view === undefined) return undefined;
    return which === 'current' ? view.code : view.nextCode;
  }

  setClockOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
    this.refresh();
  }

  /** Recomputes and pushes now, and re-arms the boundary timer. */
  refresh(): void {
    if (this.#timer !== undefined) this.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    const nowMs = this.#nowMs();
    this.#publish(nowMs);
    this.#schedule(nowMs);
  }

  /** The time codes are computed for: the wall clock plus any applied NTP offset. */
  nowMs(): number {
    return this.clock.nowMs() + this.#offsetMs;
  }

  #nowMs(): number {
    return this.nowMs();
  }

  #schedule(fromMs: number): void {
    const periods = this.devices
      .devices()
      .flatMap(device =>
        device.type === 'totp' && this.devices.secretFor(device.id) ? [device.periodSeconds] : [],
      );
    const boundary = nextBoundaryMs(fromMs, periods);
    if (boundary === undefined) return;
    this.#timer = this.timers.setTimeout(() => {
      this.#onBoundary(boundary);
    }, boundary - fromMs);
  }

  #onBoundary(boundaryMs: number): void {
    const nowMs = this.#nowMs();
    // Timers may fire a hair early relative to the wall clock; the boundary's codes are due.
    const at =
      nowMs < boundaryMs && boundaryMs - nowMs <= EARLY_FIRE_TOLERANCE_MS ? boundaryMs : nowMs;
    this.#timer = undefined;
    this.#publish(at);
    this.#schedule(at);
  }

  #checkForJump(): void {
    const wallMinusMonotonic = this.clock.nowMs() - this.clock.monotonicMs();
    if (
      Math.abs(wallMinusMonotonic - this.#wallMinusMonotonic) >
      (this.options.jumpToleranceMs ?? 1_000)
    ) {
      this.#wallMinusMonotonic = wallMinusMonotonic;
      this.refresh();
    }
  }

  #publish(atMs: number): void {
    const codes = this.#compute(atMs);
    const changed =
      codes.length !== this.#latest.length ||
      codes.some((code, index) => !sameCode(code, this.#latest[index]));
    this.#latest = codes;
    if (changed) this.emit(codes);
  }

  #compute(atMs: number): CodeView[] {
    const views: CodeView[] = [];
    const live = new Set<string>();
    for (const device of this.devices.devices()) {
      const secret = this.devices.secretFor(device.id);
      if (secret === undefined) continue;
      live.add(device.id);
      const paramsKey =
        device.type === 'totp'
          ? `totp:${device.algorithm}:${device.digits}:${device.periodSeconds}`
          : `hotp:${device.algorithm}:${device.digits}:${device.counter}`;
      const cached = this.#cache.get(device.id);
      const reusable =
        cached !== undefined && cached.secret === secret && cached.paramsKey === paramsKey;
      if (device.type === 'hotp') {
        if (reusable) {
          views.push(cached.view);
          continue;
        }
        const codes = hotpCodes(secret, device);
        const view: CodeView = { deviceId: device.id, type: 'hotp', ...codes };
        this.#cache.set(device.id, { secret, paramsKey, view, step: device.counter });
        views.push(view);
        continue;
      }
      const periodMs = device.periodSeconds * 1000;
      const step = Math.floor(atMs / periodMs);
      if (reusable && cached.step === step) {
        views.push(cached.view);
        continue;
      }
      let view: CodeView;
      if (reusable && cached.step === step - 1 && cached.view.type === 'totp') {
        // At a boundary the old "next" code becomes the current one: one HMAC instead of two.
        const fresh = totpAt(secret, device, (step + 1) * periodMs);
        view = {
          ...cached.view,
          code: cached.view.nextCode,
          nextCode: fresh.code,
          validUntilMs: (step + 1) * periodMs,
        };
      } else {
        view = {
          deviceId: device.id,
          type: 'totp',
          periodSeconds: device.periodSeconds,
          ...totpAt(secret, device, atMs),
        };
      }
      this.#cache.set(device.id, { secret, paramsKey, view, step });
      views.push(view);
    }
    for (const id of this.#cache.keys()) if (!live.has(id)) this.#cache.delete(id);
    return views;
  }
}

function sameCode(a: CodeView, b: CodeView | undefined): boolean {
  if (
    b === undefined ||
    a.deviceId !== b.deviceId ||
    a.code !== b.code ||
    a.nextCode !== b.nextCode
  )
    return false;
  return a.type === 'totp' && b.type === 'totp'
    ? a.validUntilMs === b.validUntilMs
    : a.type === b.type;
}
