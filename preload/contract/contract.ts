/**
 * The IPC contract: every message between renderer and main, in one table (DESIGN.md §3).
 * Std code (no electron, node:* or DOM): main validates with it, the preload builds the bridge
 * from it, the renderer imports its types. Nothing in here may describe a seed, except the
 * one moment a user types one into the manual-entry form (`ManualEntryInput.secret`).
 */
import { z } from 'zod';
import { backupChannels } from './backupChannels';
import { event, invoke } from './define';
import {
  AddOutcome,
  AppStatusView,
  ClockStatusView,
  CodeView,
  CopyOutcome,
  DeviceIdArg,
  DeviceView,
  EditOutcome,
  EnrollmentCopyItem,
  EnrollmentView,
  ManualEntryInput,
  MAX_URI_LENGTH,
  NtpServerInput,
  Text,
} from './schemas';
import { editChannels } from './editChannels';
import { listChannels } from './listChannels';
import { scanChannels } from './scanChannels';
import { transferChannels } from './transferChannels';

export * from './schemas';

export const contract = {
  'app.status': invoke(z.tuple([]), AppStatusView),
  /** Reads the keychain again (after the user unlocked or started it). */
  'app.retryKeychain': invoke(z.tuple([]), AppStatusView),
  'devices.list': invoke(z.tuple([]), z.array(DeviceView)),
  'devices.addFromUri': invoke(z.tuple([z.string().max(MAX_URI_LENGTH)]), AddOutcome),
  'devices.addManual': invoke(z.tuple([ManualEntryInput]), AddOutcome),
  'devices.remove': invoke(z.tuple([DeviceIdArg]), EditOutcome),
  'devices.changed': event(z.array(DeviceView)),
  'codes.current': invoke(z.tuple([]), z.array(CodeView)),
  'codes.copy': invoke(
    z.tuple([
      DeviceIdArg,
      z.enum(['current', 'next']),
      /** `allowReuse`: copy a code even if it was copied before (after the user confirmed). */
      z.object({ allowReuse: z.boolean() }).optional(),
    ]),
    CopyOutcome,
  ),
  'codes.advanceHotp': invoke(z.tuple([DeviceIdArg]), EditOutcome),
  'codes.changed': event(z.array(CodeView)),
  /** The enrollment pair now, or when to ask again; `userName` fills in the CLI commands. */
  'aws.enrollment': invoke(
    z.tuple([DeviceIdArg, z.object({ userName: Text(64).nullable() })]),
    EnrollmentView,
  ),
  'aws.copyEnrollment': invoke(
    z.tuple([
      DeviceIdArg,
      z.object({
        item: EnrollmentCopyItem,
        code2Step: z.number().int().nonnegative(),
        userName: Text(64).nullable(),
      }),
    ]),
    CopyOutcome,
  ),
  'clock.status': invoke(z.tuple([]), ClockStatusView),
  /** Measures the offset now (never blocks other channels; resolves when the check ends). */
  'clock.check': invoke(z.tuple([]), ClockStatusView),
  /** Applies the last measured offset to code generation (true), or stops applying it (false). */
  'clock.applyOffset': invoke(z.tuple([z.boolean()]), ClockStatusView),
  'clock.setServer': invoke(z.tuple([NtpServerInput]), ClockStatusView),
  'clock.changed': event(ClockStatusView),
  ...listChannels,
  ...editChannels,
  ...scanChannels,
  ...backupChannels,
  ...transferChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InvokeChannel = {
  [K in Channel]: Contract[K] extends { kind: 'invoke' } ? K : never;
}[Channel];
export type EventChannel = Exclude<Channel, InvokeChannel>;
export type Args<K extends InvokeChannel> = z.infer<Contract[K]['args']>;
export type Result<K extends InvokeChannel> = z.infer<Contract[K]['result']>;
export type Payload<K extends EventChannel> = z.infer<Contract[K]['payload']>;

export const channels = Object.keys(contract) as Channel[];
export const invokeChannels = channels.filter(
  (channel): channel is InvokeChannel => contract[channel].kind === 'invoke',
);
export const eventChannels = channels.filter(
  (channel): channel is EventChannel => contract[channel].kind === 'event',
);

/** 'codes.changed' -> ['codes', 'onChanged']; 'devices.rename' -> ['devices', 'rename']. */
export function bridgePath(channel: Channel): [namespace: string, member: string] {
  const [namespace = '', name = ''] = channel.split('.');
  const member =
    contract[channel].kind === 'event' ? `on${name.charAt(0).toUpperCase()}${name.slice(1)}` : name;
  return [namespace, member];
}
