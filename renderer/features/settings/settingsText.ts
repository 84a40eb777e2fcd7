/** The settings screen's choices and their labels (renderer, pure). */
import type { SettingsView } from '../../../preload/contract/listChannels';

type Choices<K extends keyof SettingsView> = readonly {
  readonly value: SettingsView[K];
  readonly label: string;
}[];

export const THEME_OPTIONS: Choices<'theme'> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export const MOTION_OPTIONS: Choices<'reduceMotion'> = [
  { value: 'system', label: 'As the system says' },
  { value: 'reduce', label: 'Reduce motion' },
  { value: 'full', label: 'Do not reduce' },
];

export const GROUPING_OPTIONS: Choices<'codeGrouping'> = [
  { value: 'auto', label: 'Grouped: 123 456, 1234 5678' },
  { value: 'none', label: 'One block: 123456' },
];

export const NEXT_CODE_OPTIONS: Choices<'showNextCode'> = [
  { value: 'hover', label: 'On hover or keyboard focus' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never' },
];

export const SORT_OPTIONS: Choices<'defaultSort'> = [
  { value: 'manual', label: 'Manual (drag or Alt+Up/Down)' },
  { value: 'name', label: 'Name' },
  { value: 'recent', label: 'Recently used' },
];

/** Clear delays offered (seconds); `null` = never. A saved value not listed is added. */
export const CLEAR_DELAYS: readonly (number | null)[] = [10, 20, 30, 45, 60, 120, 300, null];

export function clearDelayLabel(seconds: number | null): string {
  if (seconds === null) return 'Never';
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** The same rule main checks (NtpServerInput): a host name or address, optional port. */
const NTP_SERVER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/** Why a typed time server is refused, or null when it may be sent. */
export function ntpServerError(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a time server, e.g. time.aws.com.';
  if (value.length > 253 || !NTP_SERVER.test(value)) {
    return 'Enter a host name or address, e.g. time.aws.com or 192.0.2.1:123.';
  }
  return null;
}
