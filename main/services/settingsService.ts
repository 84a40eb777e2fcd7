/**
 * Display settings (services layer): the theme, motion, code and list preferences the settings
 * screen edits, kept in settings.json through the SettingsStore port. Applies what main itself
 * acts on (the clipboard clear delay) and tells listeners (the window) about every change.
 * The `clock` part of settings.json belongs to ClockService and is never written from here.
 */
import type {
  SettingsOutcome,
  SettingsPatch,
  SettingsView,
} from '../../preload/contract/listChannels';
import type { SettingsStore } from '../core/ports';
import { Settings, type DisplaySettings } from '../core/settings/settings';
import type { ClipboardService } from './clipboardService';

export class SettingsService {
  #display: DisplaySettings;
  readonly #listeners = new Set<(view: SettingsView) => void>();

  private constructor(
    private readonly store: SettingsStore,
    private readonly clipboard: ClipboardService,
    display: DisplaySettings,
    private readonly clipboardOverrideMs: number | null | undefined,
  ) {
    this.#display = display;
  }

  /**
   * Loads settings.json (invalid fields already replaced by defaults) and applies them.
   * `clipboardOverrideMs` (tests and benches only) pins the clipboard delay whatever is saved.
   */
  static async open(
    store: SettingsStore,
    clipboard: ClipboardService,
    clipboardOverrideMs?: number | null,
  ): Promise<SettingsService> {
    const loaded = await store.load();
    const service = new SettingsService(store, clipboard, loaded.display, clipboardOverrideMs);
    service.#apply();
    return service;
  }

  get(): SettingsView {
    return { ...this.#display, collapsedGroups: [...this.#display.collapsedGroups] };
  }

  onChange(listener: (view: SettingsView) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /**
   * Saves the fields in `patch` (read-modify-write under the store's lock, so the clock
   * settings and other processes' writes are kept). Nothing changes when the file cannot be
   * written; the outcome then says why.
   */
  async update(patch: SettingsPatch): Promise<SettingsOutcome> {
    let saved: Settings;
    try {
      saved = await this.store.update(current =>
        Settings.parse({ ...current, display: { ...current.display, ...definedFields(patch) } }),
      );
    } catch (error) {
      return {
        ok: false,
        message:
          error instanceof Error && error.name === 'SettingsFileError'
            ? error.message
            : 'Tessera could not save its settings. The previous settings were left untouched.',
      };
    }
    this.#display = saved.display;
    this.#apply();
    const view = this.get();
    for (const listener of this.#listeners) listener(view);
    return { ok: true, settings: view };
  }

  #apply(): void {
    if (this.clipboardOverrideMs !== undefined) return;
    const seconds = this.#display.clipboardClearSeconds;
    this.clipboard.setClearAfter(seconds === null ? null : seconds * 1000);
  }
}

/** `exactOptionalPropertyTypes`: keep only the fields the patch really sets. */
function definedFields(patch: SettingsPatch): Partial<DisplaySettings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
