/**
 * Display settings as the renderer knows them (renderer, pure): the defaults shown until main
 * answers, and how "system" choices resolve against the browser's media queries.
 */
import type { SettingsView } from '../../../preload/contract/listChannels';

/** The same defaults as main/core/settings (used only until `settings.get` answers). */
export const DEFAULT_SETTINGS: SettingsView = {
  theme: 'system',
  reduceMotion: 'system',
  clipboardClearSeconds: 30,
  codeGrouping: 'auto',
  defaultSort: 'manual',
  showNextCode: 'hover',
  collapsedGroups: [],
};

/** The theme to draw: the user's choice, or the system's when they chose "system". */
export function resolveTheme(choice: SettingsView['theme'], systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Whether animations are calmed: the user's choice, or the system's preference. */
export function resolveMotion(
  choice: SettingsView['reduceMotion'],
  systemReduce: boolean,
): 'reduce' | 'full' {
  return choice === 'system' ? (systemReduce ? 'reduce' : 'full') : choice;
}
