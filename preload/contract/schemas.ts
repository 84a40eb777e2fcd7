/**
 * Schemas shared by the contract rows (std code: no electron, node:* or DOM). Split from
 * contract.ts so the per-feature channel files can import them without an import cycle.
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
    which: z.enum(['current', 'next', 'code1', 'code2', 'enable-command', 'resync-command']),
    clearAfterMs: z.number().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum([
      'not-found',
      'secret-missing',
      'clipboard-unavailable',
      /** This code was copied before: AWS accepts each code once (the reuse guard). */
      'already-used',
      /** The enrollment pair shown has expired: ask for a fresh one. */
      'expired',
      'invalid',
    ]),
    message: z.string(),
    /** With `already-used`: when the next code appears (epoch ms). */
    nextCodeAtMs: z.number().nullable(),
  }),
]);
export type CopyOutcome = z.infer<typeof CopyOutcome>;

export const Text = (max: number) => z.string().max(max);

/** What the user confirms about an AWS virtual MFA device (DESIGN.md §4, §8). */
export const AwsEditInput = z.object({
  /** 12-digit account ID; required for a serial ARN (an alias alone cannot make one). */
  accountId: Text(32).nullable(),
  alias: Text(64).nullable(),
  /** The MFA device name (the last part of the serial ARN). */
  deviceName: Text(128),
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('iam-user'), userName: Text(64) }),
    z.object({ kind: z.literal('root') }),
    z.object({ kind: z.literal('unknown') }),
  ]),
  serialArn: Text(1024).nullable(),
});
export type AwsEditInput = z.infer<typeof AwsEditInput>;

/**
 * The enrollment (or resync) pair: AWS asks for two consecutive codes, code 1 of the period
 * that just ended and code 2 of the fresh one, submitted while code 2 is still valid. Main
 * decides when the pair may be shown (≥ 20 s of validity left) and computes it.
 */
export const EnrollmentView = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    deviceId: z.uuid(),
    code1: z.string(),
    code2: z.string(),
    /** Time step of code 2; copy requests name it so a stale pair is refused, not re-timed. */
    code2Step: z.number().int(),
    /** When code 2 stops being valid (epoch ms): "submit now — N s left". */
    validUntilMs: z.number(),
    periodSeconds: z.number().int(),
    /** Ready-to-paste AWS CLI commands, or null with `commandNote` saying what is missing. */
    enableCommand: z.string().nullable(),
    resyncCommand: z.string().nullable(),
    commandNote: z.string().nullable(),
  }),
  z.object({
    status: z.literal('waiting'),
    deviceId: z.uuid(),
    /** The next rollover (epoch ms): ask again then. */
    readyAtMs: z.number(),
    periodSeconds: z.number().int(),
  }),
  z.object({
    status: z.literal('unavailable'),
    deviceId: z.uuid(),
    reason: z.enum(['not-found', 'secret-missing', 'not-totp']),
    message: z.string(),
  }),
]);
export type EnrollmentView = z.infer<typeof EnrollmentView>;

export const EnrollmentCopyItem = z.enum(['code1', 'code2', 'enable-command', 'resync-command']);
export type EnrollmentCopyItem = z.infer<typeof EnrollmentCopyItem>;

/** Clock health (DESIGN.md §5): the computer's clock against an NTP server. */
export const ClockStatusView = z.object({
  server: z.string(),
  state: z.enum(['never-checked', 'checking', 'ok', 'drift', 'unreachable']),
  /** Measured offset (server time − local time), when a check succeeded. */
  offsetMs: z.number().nullable(),
  /** Round-trip delay of the measurement. */
  roundTripMs: z.number().nullable(),
  checkedAtMs: z.number().nullable(),
  /** The offset applied to code generation (0 unless the user applied a measurement). */
  appliedOffsetMs: z.number(),
  message: z.string().nullable(),
});
export type ClockStatusView = z.infer<typeof ClockStatusView>;

/** An NTP server: a host name or an IP address, optionally with a port. */
export const NtpServerInput = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(
    /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/,
    'a host name or address, e.g. time.aws.com',
  );

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

/** Longest otpauth:// URI accepted anywhere (HOSTILE-INPUTS #9). */
export const MAX_URI_LENGTH = 8192;
