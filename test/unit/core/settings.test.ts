import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings } from '../../../main/core/settings/settings';

describe('Settings', () => {
  it('fills in the display defaults for a file written before they existed', () => {
    const parsed = Settings.parse({
      schemaVersion: 1,
      clock: { server: 'ntp.example', appliedOffsetMs: 1200 },
    });
    expect(parsed.clock).toEqual({ server: 'ntp.example', appliedOffsetMs: 1200 });
    expect(parsed.display).toEqual(defaultSettings().display);
  });

  it('replaces each invalid or unknown display field on its own, keeping the valid ones', () => {
    const parsed = Settings.parse({
      clock: { server: 'ntp.example', appliedOffsetMs: 0 },
      display: {
        theme: 'dark',
        reduceMotion: 'sometimes',
        clipboardClearSeconds: 2,
        codeGrouping: 'none',
        defaultSort: 42,
        showNextCode: 'always',
        collapsedGroups: ['aws:123456789012', 7],
        fontSize: 'huge',
      },
    });
    expect(parsed.display).toEqual({
      theme: 'dark',
      reduceMotion: 'system',
      clipboardClearSeconds: 30,
      codeGrouping: 'none',
      defaultSort: 'manual',
      showNextCode: 'always',
      collapsedGroups: [],
    });
    expect(parsed.clock.server).toBe('ntp.example');
  });

  it('keeps "never clear" (null) and whole seconds within 5–600', () => {
    const at = (value: unknown) =>
      Settings.parse({ display: { clipboardClearSeconds: value } }).display.clipboardClearSeconds;
    expect(at(null)).toBeNull();
    expect(at(5)).toBe(5);
    expect(at(600)).toBe(600);
    expect(at(601)).toBe(30);
    expect(at(12.5)).toBe(30);
    expect(at('10')).toBe(30);
  });

  it('never throws, whatever JSON value the display part holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const parsed = Settings.parse({ display: value, clock: value });
        expect(Settings.parse(parsed)).toEqual(parsed);
      }),
    );
  });
});
