/**
 * Contract rows — the device list: favourites, manual order, and the display settings
 * (issue 4). Spread into the table in contract.ts (never import contract.ts here: a cycle).
 */
import { z } from 'zod';
import { event, invoke } from './define';
import { DeviceIdArg, EditOutcome } from './schemas';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export const REDUCE_MOTION_CHOICES = ['system', 'reduce', 'full'] as const;
export const CODE_GROUPING_CHOICES = ['auto', 'none'] as const;
export const SORT_CHOICES = ['manual', 'name', 'recent'] as const;
export const SHOW_NEXT_CODE_CHOICES = ['hover', 'always', 'never'] as const;

/** What the settings screen shows and edits (the NTP server stays on the `clock.*` rows). */
export const SettingsView = z.object({
  theme: z.enum(THEME_CHOICES),
  reduceMotion: z.enum(REDUCE_MOTION_CHOICES),
  /** Seconds before a copied code is cleared from the clipboard; null: never. */
  clipboardClearSeconds: z.number().int().min(5).max(600).nullable(),
  codeGrouping: z.enum(CODE_GROUPING_CHOICES),
  defaultSort: z.enum(SORT_CHOICES),
  showNextCode: z.enum(SHOW_NEXT_CODE_CHOICES),
  /** Keys of the groups the user collapsed. */
  collapsedGroups: z.array(z.string().min(1).max(400)).max(2000),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** A change to some settings; fields left out keep their value. */
export const SettingsPatch = SettingsView.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SettingsOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), settings: SettingsView }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type SettingsOutcome = z.infer<typeof SettingsOutcome>;

/** Where a moved device goes: before or after another device, or to an index of the list. */
export const MoveTargetInput = z.union([
  z.object({ before: DeviceIdArg }).strict(),
  z.object({ after: DeviceIdArg }).strict(),
  z.object({ toIndex: z.number().int().min(0).max(100_000) }).strict(),
]);
export type MoveTargetInput = z.infer<typeof MoveTargetInput>;

export const listChannels = {
  'devices.setFavorite': invoke(z.tuple([DeviceIdArg, z.boolean()]), EditOutcome),
  'devices.move': invoke(z.tuple([DeviceIdArg, MoveTargetInput]), EditOutcome),
  'settings.get': invoke(z.tuple([]), SettingsView),
  'settings.update': invoke(z.tuple([SettingsPatch]), SettingsOutcome),
  'settings.changed': event(SettingsView),
} as const;
