/** The display settings shared by the window (renderer): read with useSettings(). */
import { createContext } from 'react';
import type { SettingsPatch, SettingsView } from '../../../preload/contract/listChannels';
import { DEFAULT_SETTINGS } from './displaySettings';

export interface SettingsContextValue {
  readonly settings: SettingsView;
  /** False until main's answer arrived (the defaults are showing). */
  readonly loaded: boolean;
  /** Saves a change; resolves to an error message, or null once saved. */
  readonly update: (patch: SettingsPatch) => Promise<string | null>;
}

export const SettingsContext = createContext<SettingsContextValue>({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  update: () => Promise.resolve('Settings are not available.'),
});
