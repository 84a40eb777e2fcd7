import { describe, expect, it } from 'vitest';
import {
  enableMfaDeviceCommand,
  resyncMfaDeviceCommand,
  shellQuote,
} from '../../../../main/core/aws/cliCommands';
import { ENROLLMENT_MIN_VALIDITY_MS, planEnrollment } from '../../../../main/core/aws/enrollment';

const period = 30;
const at = (step: number, secondsInto: number) => step * period * 1000 + secondsInto * 1000;

describe('planEnrollment', () => {
  it('shows the pair at once while the current period has at least 20 s left', () => {
    expect(planEnrollment(at(100, 10), period)).toEqual({
      ready: true,
      code1Step: 99,
      code2Step: 100,
      validUntilMs: at(101, 0),
    });
  });

  it('waits for the rollover when fewer than 20 s are left', () => {
    expect(planEnrollment(at(100, 10.001), period)).toEqual({
      ready: false,
      readyAtMs: at(101, 0),
    });
    expect(planEnrollment(at(100, 29.999), period)).toEqual({
      ready: false,
      readyAtMs: at(101, 0),
    });
  });

  it('right after the rollover gives code 1 of the period that just ended and code 2 of the fresh one', () => {
    expect(planEnrollment(at(101, 0), period)).toEqual({
      ready: true,
      code1Step: 100,
      code2Step: 101,
      validUntilMs: at(102, 0),
    });
  });

  it('never shows a pair with less validity left than the minimum', () => {
    for (let ms = 0; ms < 60_000; ms += 250) {
      const plan = planEnrollment(1_700_000_000_000 + ms, period);
      if (plan.ready)
        expect(plan.validUntilMs - (1_700_000_000_000 + ms)).toBeGreaterThanOrEqual(
          ENROLLMENT_MIN_VALIDITY_MS,
        );
    }
  });
});

describe('AWS CLI commands', () => {
  const input = {
    userName: 'alice',
    serialArn: 'arn:aws:iam::123456789012:mfa/alice',
    code1: '123456',
    code2: '654321',
  };

  it('builds enable-mfa-device with both codes', () => {
    expect(enableMfaDeviceCommand(input)).toBe(
      'aws iam enable-mfa-device --user-name alice --serial-number arn:aws:iam::123456789012:mfa/alice --authentication-code1 123456 --authentication-code2 654321',
    );
  });

  it('builds resync-mfa-device with both codes', () => {
    expect(resyncMfaDeviceCommand(input)).toMatch(/^aws iam resync-mfa-device --user-name alice /);
  });

  it('quotes values a shell would split or expand', () => {
    expect(shellQuote('alice@example.com')).toBe('alice@example.com');
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});

describe('planEnrollment with short periods', () => {
  it('shows the pair at once when the period is no longer than the minimum validity', () => {
    expect(planEnrollment((at(100, 0.5) / 30) * 10, 10)).toMatchObject({ ready: true });
    expect(planEnrollment(1_000_019_999, 20)).toMatchObject({ ready: true });
  });
});
