/** Sentences of the empty and error states (renderer, pure). */
import type { DeviceView } from '../../../preload/contract/contract';

/** "6-digit SHA1 codes every 30 s", "8-digit SHA512 codes from a counter". */
export function codeSettingsText(
  device: Pick<DeviceView, 'type' | 'digits' | 'algorithm' | 'periodSeconds'>,
): string {
  const timing =
    device.type === 'totp' ? `every ${String(device.periodSeconds ?? 30)} s` : 'from a counter';
  return `${String(device.digits)}-digit ${device.algorithm} codes ${timing}`;
}

/** What a search looks at, for the "no results" state. */
export const SEARCHED_FIELDS = 'issuer, account name, AWS account and alias, tags and serial ARN';
