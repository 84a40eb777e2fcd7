/**
 * Loads the display settings from main, follows its pushes, and applies the theme and motion
 * choices to the whole window (renderer): `data-theme` and `data-motion` on <html>, which the
 * style sheets key on. "System" follows the browser's media queries as they change.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { SettingsPatch, SettingsView } from '../../../preload/contract/listChannels';
import { useBridge } from '../../lib/bridge';
import { DEFAULT_SETTINGS, resolveMotion, resolveTheme } from './displaySettings';
import { SettingsContext } from './settingsContext';

function mediaStore(query: string) {
  const media = window.matchMedia(query);
  return {
    subscribe: (listener: () => void) => {
      media.addEventListener('change', listener);
      return () => {
        media.removeEventListener('change', listener);
      };
    },
    read: () => media.matches,
  };
}

const darkQuery = mediaStore('(prefers-color-scheme: dark)');
const motionQuery = mediaStore('(prefers-reduced-motion: reduce)');

/** Sets the attributes before React's first paint too (see main.tsx), so nothing flashes. */
export function applyDisplay(settings: Pick<SettingsView, 'theme' | 'reduceMotion'>): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(settings.theme, darkQuery.read());
  root.dataset.motion = resolveMotion(settings.reduceMotion, motionQuery.read());
}

export function SettingsProvider({ children }: { readonly children: ReactNode }) {
  const api = useBridge();
  const [settings, setSettings] = useState<SettingsView>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const systemDark = useSyncExternalStore(darkQuery.subscribe, darkQuery.read);
  const systemReduce = useSyncExternalStore(motionQuery.subscribe, motionQuery.read);

  useEffect(() => {
    let disposed = false;
    let pushed = false;
    // Subscribe first: a push that lands while get() is in flight is newer than its answer.
    const unsubscribe = api.settings.onChanged(next => {
      pushed = true;
      setSettings(next);
      setLoaded(true);
    });
    api.settings.get().then(
      initial => {
        if (!disposed && !pushed) {
          setSettings(initial);
          setLoaded(true);
        }
      },
      (error: unknown) => {
        console.error('settings.get failed', error);
      },
    );
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api]);

  useEffect(() => {
    applyDisplay(settings);
  }, [settings, systemDark, systemReduce]);

  const update = useCallback(
    async (patch: SettingsPatch): Promise<string | null> => {
      // Shown at once (a radio or select must not flick back while main saves), then replaced
      // by what main saved, or by the saved settings again if saving failed.
      setSettings(current => ({ ...current, ...withoutUndefined(patch) }));
      try {
        const outcome = await api.settings.update(patch);
        if (outcome.ok) {
          setSettings(outcome.settings);
          return null;
        }
        setSettings(await api.settings.get());
        return outcome.message;
      } catch {
        setSettings(await api.settings.get().catch(() => DEFAULT_SETTINGS));
        return 'Could not save the settings. Try again.';
      }
    },
    [api],
  );

  const value = useMemo(() => ({ settings, loaded, update }), [settings, loaded, update]);
  return <SettingsContext value={value}>{children}</SettingsContext>;
}

/** `exactOptionalPropertyTypes`: a patch's absent fields must not overwrite anything. */
function withoutUndefined(patch: SettingsPatch): Partial<SettingsView> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
