/**
 * The IPC contract: every message between renderer and main, in one table (DESIGN.md §3).
 * Std code (no electron, node:* or DOM): main validates with it, the preload builds the bridge
 * from it, the renderer imports its types. Nothing in here may describe a seed, except the
 * one moment a user types one into the manual-entry form (`ManualEntryInput.secret`).
 */
import { z } from 'zod';

export const DeviceIdArg = z.uuid();

const Algorithm = z.enum(['SHA1', 'SHA256', 'SHA512']);

export const GroupView = z.object({
  /** Stable key: `aws:<account>`, `issuer:<issuer>`, `custom:<name>` or `recovered`. */
  key: z.string(),
  label: z.string(),
  kind: z.enum(['aws', 'issuer', 'custom', 'recovered']),
});
export type GroupView = z.infer<typeof GroupView>;

export const AwsView = z.object({
  accountId: z.string().nullable(),
  alias: z.string().nullable(),
  deviceName: z.string(),
  iamUser: z.string().nullable(),
  root: z.boolean(),
  serialArn: z.string().nullable(),
});
export type AwsView = z.infer<typeof AwsView>;

export const DeviceView = z.object({
  id: z.uuid(),
  type: z.enum(['totp', 'hotp']),
  issuer: z.string(),
  accountName: z.string(),
  /** The label's issuer prefix when it disagreed with the issuer parameter (shown as a warning). */
  labelIssuer: z.string().nullable(),
  algorithm: Algorithm,
  digits: z.number().int(),
  periodSeconds: z.number().int().nullable(),
  group: GroupView,
  aws: AwsView.nullable(),
  tags: z.array(z.string()),
  favorite: z.boolean(),
  order: z.number().int(),
  /**
   * `missing`: the metadata exists but the keychain has no seed for it (re-enter or delete);
   * `keychain-unavailable`: the keychain could not be read (locked or not running).
   */
  secretStatus: z.enum(['ok', 'missing', 'keychain-unavailable']),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const CodeView = z.discriminatedUnion('type', [
  z.object({
    deviceId: z.uuid(),
    type: z.literal('totp'),
    code: z.string(),
    nextCode: z.string(),
    periodSeconds: z.number().int(),
    validUntilMs: z.number(),
  }),
  z.object({
    deviceId: z.uuid(),
    type: z.literal('hotp'),
    code: z.string(),
    nextCode: z.string(),
    counter: z.number().int(),
  }),
]);
export type CodeView = z.infer<typeof CodeView>;

export const AppStatusView = z.object({
  keychain: z.enum(['available', 'unavailable']),
  /** What to do about an unavailable keychain, in the user's words. */
  keychainMessage: z.string().nullable(),
  /** Set when vault.json was damaged and the previous generation was used. */
  vaultNotice: z.string().nullable(),
  recoveredDevices: z.number().int(),
  missingSecrets: z.number().int(),
});
export type AppStatusView = z.infer<typeof AppStatusView>;

/** Reasons an add can fail; each comes with a message the user can act on. */
export const ADD_FAILURES = [
  'not-otpauth',
  'google-migration',
  'unsupported-type',
  'malformed-uri',
  'bad-encoding',
  'uri-too-long',
  'missing-secret',
  'bad-base32',
  'secret-too-short',
  'secret-too-long',
  'unsupported-algorithm',
  'bad-digits',
  'bad-period',
  'missing-counter',
  'bad-counter',
  'duplicate-parameter',
  'field-too-long',
  'keychain-unavailable',
] as const;
export type AddFailure = (typeof ADD_FAILURES)[number];

export const WARNINGS = [
  'weak-secret',
  'issuer-mismatch',
  'duplicate-secret',
  'duplicate-label',
] as const;
export type DeviceWarning = (typeof WARNINGS)[number];

export const AddOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    device: DeviceView,
    warnings: z.array(z.object({ kind: z.enum(WARNINGS), message: z.string() })),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(ADD_FAILURES), message: z.string() }),
]);
export type AddOutcome = z.infer<typeof AddOutcome>;

export const EditOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-found', 'invalid', 'keychain-unavailable']),
    message: z.string(),
  }),
]);
export type EditOutcome = z.infer<typeof EditOutcome>;

export const CopyOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    which: z.enum(['current', 'next']),
    clearAfterMs: z.number().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-found', 'secret-missing', 'clipboard-unavailable']),
    message: z.string(),
  }),
]);
export type CopyOutcome = z.infer<typeof CopyOutcome>;

const Text = (max: number) => z.string().max(max);

export const ManualEntryInput = z.object({
  type: z.enum(['totp', 'hotp']),
  issuer: Text(256),
  accountName: Text(512),
  /** Base32, as typed (spaces, dashes, lower case and padding are normalised in main). */
  secret: Text(1024),
  algorithm: Algorithm,
  digits: z.number().int(),
  periodSeconds: z.number().int().optional(),
  counter: z.number().int().optional(),
});
export type ManualEntryInput = z.infer<typeof ManualEntryInput>;

export const RenameInput = z.object({ issuer: Text(256), accountName: Text(512) });
export type RenameInput = z.infer<typeof RenameInput>;

const invoke = <A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) =>
  ({ kind: 'invoke', args, result }) as const;
const event = <P extends z.ZodType>(payload: P) => ({ kind: 'event', payload }) as const;

/** Longest otpauth:// URI accepted anywhere (HOSTILE-INPUTS #9). */
export const MAX_URI_LENGTH = 8192;

export const contract = {
  'app.status': invoke(z.tuple([]), AppStatusView),
  /** Reads the keychain again (after the user unlocked or started it). */
  'app.retryKeychain': invoke(z.tuple([]), AppStatusView),
  'devices.list': invoke(z.tuple([]), z.array(DeviceView)),
  'devices.addFromUri': invoke(z.tuple([z.string().max(MAX_URI_LENGTH)]), AddOutcome),
  'devices.addManual': invoke(z.tuple([ManualEntryInput]), AddOutcome),
  'devices.rename': invoke(z.tuple([DeviceIdArg, RenameInput]), EditOutcome),
  'devices.remove': invoke(z.tuple([DeviceIdArg]), EditOutcome),
  'devices.changed': event(z.array(DeviceView)),
  'codes.current': invoke(z.tuple([]), z.array(CodeView)),
  'codes.copy': invoke(z.tuple([DeviceIdArg, z.enum(['current', 'next'])]), CopyOutcome),
  'codes.advanceHotp': invoke(z.tuple([DeviceIdArg]), EditOutcome),
  'codes.changed': event(z.array(CodeView)),
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
