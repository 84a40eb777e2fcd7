/** The window's display settings and a way to change them (renderer). */
import { useContext } from 'react';
import { SettingsContext, type SettingsContextValue } from './settingsContext';

export function useSettings(): SettingsContextValue {
  return useContext(SettingsContext);
}
