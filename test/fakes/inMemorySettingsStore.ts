/** In-memory SettingsStore for unit tests of services (test fake; the app uses FsSettingsStore). */
import type { SettingsStore } from '../../main/core/ports';
import { defaultSettings, Settings } from '../../main/core/settings/settings';

export class InMemorySettingsStore implements SettingsStore {
  #settings: Settings;
  writes = 0;

  constructor(initial: Settings = defaultSettings()) {
    this.#settings = initial;
  }

  load(): Promise<Settings> {
    return Promise.resolve(this.#settings);
  }

  update(change: (current: Settings) => Settings): Promise<Settings> {
    this.#settings = Settings.parse(change(this.#settings));
    this.writes += 1;
    return Promise.resolve(this.#settings);
  }
}
