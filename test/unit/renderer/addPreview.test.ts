import { describe, expect, it } from 'vitest';
import type { DevicePreview } from '../../../preload/contract/editChannels';
import {
  awsAccountLine,
  codeSettingsLine,
  hasDuplicate,
} from '../../../renderer/features/add/previewText';
import { ADD_SOURCES, defaultSource } from '../../../renderer/features/add/sources';
import { codeSettingsText } from '../../../renderer/features/states/statesText';

const preview = (overrides: Partial<DevicePreview> = {}): DevicePreview => ({
  type: 'totp',
  issuer: 'GitHub',
  accountName: 'alice',
  labelIssuer: null,
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  counter: null,
  groupLabel: 'GitHub',
  aws: null,
  ...overrides,
});

describe('the add preview text', () => {
  it('describes TOTP and HOTP code settings', () => {
    expect(codeSettingsLine(preview())).toBe(
      'Time-based (TOTP) · 6 digits · SHA1 · new code every 30 s',
    );
    expect(
      codeSettingsLine(
        preview({ type: 'hotp', periodSeconds: null, counter: 7, digits: 8, algorithm: 'SHA512' }),
      ),
    ).toBe('Counter-based (HOTP) · 8 digits · SHA512 · counter 7');
  });

  it('names the AWS account by ID and alias, or says the ID can come later', () => {
    expect(awsAccountLine(preview())).toBeNull();
    const aws = { accountId: '123456789012', alias: null, deviceName: 'a' };
    expect(awsAccountLine(preview({ aws }))).toBe('123456789012');
    expect(awsAccountLine(preview({ aws: { ...aws, alias: 'acme' } }))).toBe('123456789012 (acme)');
    expect(awsAccountLine(preview({ aws: { ...aws, accountId: null, alias: 'acme' } }))).toMatch(
      /^acme — the 12-digit account ID can be added later$/,
    );
  });

  it('treats a duplicate secret or label as a duplicate, not a weak secret', () => {
    expect(hasDuplicate([{ kind: 'weak-secret' }])).toBe(false);
    expect(hasDuplicate([{ kind: 'duplicate-label' }])).toBe(true);
    expect(hasDuplicate([{ kind: 'duplicate-secret' }])).toBe(true);
  });
});

describe('the add sources', () => {
  it('lists the five sources in order and opens on Paste URI, else the first available one', () => {
    expect(ADD_SOURCES.map(source => source.label)).toEqual([
      'Scan screen',
      'Camera',
      'Image file',
      'Paste URI',
      'Manual entry',
    ]);
    expect(defaultSource()).toBe('uri');
    expect(defaultSource(ADD_SOURCES.map(source => ({ ...source, available: true })))).toBe('uri');
    expect(
      defaultSource(ADD_SOURCES.map(source => ({ ...source, available: source.id !== 'uri' }))),
    ).toBe('screen');
  });
});

describe('codeSettingsText', () => {
  it('says what codes a device makes', () => {
    expect(
      codeSettingsText({ type: 'totp', digits: 6, algorithm: 'SHA1', periodSeconds: 30 }),
    ).toBe('6-digit SHA1 codes every 30 s');
    expect(
      codeSettingsText({ type: 'hotp', digits: 8, algorithm: 'SHA256', periodSeconds: null }),
    ).toBe('8-digit SHA256 codes from a counter');
  });
});
