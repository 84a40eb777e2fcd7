/**
 * settings.json (core, pure): user preferences, versioned and validated on load. Unknown or
 * invalid values fall back to defaults one field at a time, so a hand-edited typo never costs
 * the user every other setting. Later features add their fields here.
 */
import { z } from 'zod';

export const DEFAULT_NTP_SERVER = 'time.aws.com';
export const SETTINGS_SCHEMA_VERSION = 1;

/** Offsets larger than this are not applied: a clock that wrong needs fixing, not masking. */
export const MAX_APPLIED_OFFSET_MS = 24 * 60 * 60 * 1000;

export const THEMES = ['system', 'light', 'dark'] as const;
/** `system` follows the OS "reduce motion" preference; `reduce` always calms animations. */
export const REDUCE_MOTION = ['system', 'reduce', 'full'] as const;
/** `auto`: `123 456`, `1234 5678`, `123 4567`; `none`: the digits in one block. */
export const CODE_GROUPING = ['auto', 'none'] as const;
export const SORTS = ['manual', 'name', 'recent'] as const;
/** Where the next TOTP code shows: on hover / keyboard focus of a row, always, or never. */
export const SHOW_NEXT_CODE = ['hover', 'always', 'never'] as const;

/** Bounds of the clipboard clear delay; `null` means never clear. */
export const CLIPBOARD_CLEAR_LIMITS = { minSeconds: 5, maxSeconds: 600 } as const;
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;
/** Collapsed group keys kept: far more groups than anyone has, but bounded. */
export const MAX_COLLAPSED_GROUPS = 2000;

export const ClipboardClearSeconds = z
  .number()
  .int()
  .min(CLIPBOARD_CLEAR_LIMITS.minSeconds)
  .max(CLIPBOARD_CLEAR_LIMITS.maxSeconds)
  .nullable();

export const CollapsedGroups = z.array(z.string().min(1).max(400)).max(MAX_COLLAPSED_GROUPS);

const DEFAULT_CLOCK = { server: DEFAULT_NTP_SERVER, appliedOffsetMs: 0 };
const DEFAULT_LIST = {
  theme: 'system',
  reduceMotion: 'system',
  clipboardClearSeconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  codeGrouping: 'auto',
  defaultSort: 'manual',
  showNextCode: 'hover',
  collapsedGroups: [],
} as const;

export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).catch(SETTINGS_SCHEMA_VERSION),
  clock: z
    .object({
      server: z.string().min(1).max(260).catch(DEFAULT_NTP_SERVER),
      /** Offset added to the wall clock for code generation; 0 = use the computer's clock. */
      appliedOffsetMs: z
        .number()
        .int()
        .min(-MAX_APPLIED_OFFSET_MS)
        .max(MAX_APPLIED_OFFSET_MS)
        .catch(0),
    })
    .catch({ ...DEFAULT_CLOCK }),
  /** How the window looks and behaves (the list, codes, clipboard). */
  display: z
    .object({
      theme: z.enum(THEMES).catch(DEFAULT_LIST.theme),
      reduceMotion: z.enum(REDUCE_MOTION).catch(DEFAULT_LIST.reduceMotion),
      /** Seconds after a copy before the clipboard is cleared (if it still holds the code). */
      clipboardClearSeconds: ClipboardClearSeconds.catch(DEFAULT_LIST.clipboardClearSeconds),
      codeGrouping: z.enum(CODE_GROUPING).catch(DEFAULT_LIST.codeGrouping),
      defaultSort: z.enum(SORTS).catch(DEFAULT_LIST.defaultSort),
      showNextCode: z.enum(SHOW_NEXT_CODE).catch(DEFAULT_LIST.showNextCode),
      /** Group keys (`aws:…`, `issuer:…`) the user collapsed. */
      collapsedGroups: CollapsedGroups.catch([]),
    })
    .catch(() => ({ ...DEFAULT_LIST, collapsedGroups: [] })),
});
export type Settings = z.infer<typeof Settings>;
export type DisplaySettings = Settings['display'];

export function defaultDisplaySettings(): DisplaySettings {
  return { ...DEFAULT_LIST, collapsedGroups: [] };
}

export function defaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    clock: { ...DEFAULT_CLOCK },
    display: defaultDisplaySettings(),
  };
}
