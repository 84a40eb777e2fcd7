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
    .catch({ server: DEFAULT_NTP_SERVER, appliedOffsetMs: 0 }),
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    clock: { server: DEFAULT_NTP_SERVER, appliedOffsetMs: 0 },
  };
}
