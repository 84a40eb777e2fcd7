import { describe, expect, it } from 'vitest';
import type { ClockStatusView } from '../../../preload/contract/contract';
import {
  clockOkMessage,
  correctionTitle,
  driftMessage,
  driftTitle,
  formatOffset,
  formatSeconds,
  remainingDriftMs,
} from '../../../renderer/lib/clockText';

const status = (change: Partial<ClockStatusView>): ClockStatusView => ({
  server: 'time.aws.com',
  state: 'ok',
  offsetMs: null,
  roundTripMs: null,
  checkedAtMs: null,
  appliedOffsetMs: 0,
  message: null,
  ...change,
});

describe('formatOffset', () => {
  it('signs offsets, with one decimal under 10 s and whole seconds above', () => {
    expect(formatOffset(9000)).toBe('+9 s');
    expect(formatOffset(9440)).toBe('+9.4 s');
    expect(formatOffset(-400)).toBe('−0.4 s');
    expect(formatOffset(-12_600)).toBe('−13 s');
    expect(formatOffset(20)).toBe('0 s');
  });

  it('formats durations without a sign', () => {
    expect(formatSeconds(-9000)).toBe('9 s');
    expect(formatSeconds(250)).toBe('0.3 s');
  });
});

describe('drift', () => {
  it('is what remains once the applied correction is counted', () => {
    expect(remainingDriftMs(status({ offsetMs: 9000, appliedOffsetMs: 9000 }))).toBe(0);
    expect(remainingDriftMs(status({ offsetMs: 9000 }))).toBe(9000);
    expect(remainingDriftMs(status({}))).toBeNull();
  });

  it('titles the warning with how far off the clock is', () => {
    expect(driftTitle(status({ state: 'drift', offsetMs: 9000 }))).toBe('The clock is off by 9 s');
    expect(driftTitle(status({ state: 'drift', offsetMs: 30_000, appliedOffsetMs: 9000 }))).toBe(
      'The clock is off by 21 s',
    );
  });

  it("uses main's message, or says what to do when main sent none", () => {
    expect(driftMessage(status({ message: 'From main.' }))).toBe('From main.');
    expect(driftMessage(status({}))).toMatch(/apply the measured offset/);
  });
});

describe('clockOkMessage', () => {
  it('says how close the clock is, never "within 0 s"', () => {
    expect(clockOkMessage(status({ offsetMs: 240 }))).toBe(
      'The clock is right — within 0.2 s of time.aws.com',
    );
    expect(clockOkMessage(status({ offsetMs: -3 }))).toBe(
      'The clock is right — within 0.1 s of time.aws.com',
    );
  });
});

describe('correctionTitle', () => {
  it('names the applied correction', () => {
    expect(correctionTitle(9000)).toBe('Codes use a clock correction of +9 s');
  });
});
