/**
 * Contract rows — editing a device, revealing its secret, the add preview and missing-secret
 * recovery (issue 4). Spread into the table in contract.ts; std code (no electron, node:*, DOM).
 *
 * SECURITY: `devices.revealSecret` is the one row whose result carries a seed (DESIGN.md §1.1:
 * "an explicit, confirmed user action"). Its arguments must say `{ confirmed: true }`, so a call
 * that does not state the user's confirmation is refused by the router before any service runs.
 * `devices.copySecret` takes the same confirmation and returns no seed (it goes to the clipboard,
 * cleared like a code). `devices.reenterSecret` carries a seed the user typed in, like addManual.
 */
import { z } from 'zod';
import { invoke } from './define';
import {
  ADD_FAILURES,
  AwsEditInput,
  DeviceIdArg,
  ManualEntryInput,
  MAX_URI_LENGTH,
  Text,
  WARNINGS,
} from './schemas';

/** The form fields an edit refusal can point at (its message is shown under that field). */
export const EDIT_FIELDS = [
  'issuer',
  'accountName',
  'group',
  'tags',
  'accountId',
  'alias',
  'userName',
  'deviceName',
  'serialArn',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** Everything the Edit dialog saves, in one write: the whole editable metadata of a device. */
export const DeviceEditInput = z.object({
  issuer: Text(256),
  accountName: Text(512),
  /** A group of the user's choosing; '' lists the device under its AWS account or issuer. */
  group: Text(128),
  /** Looser than what is stored, so that core can say what is wrong with a tag. */
  tags: z.array(Text(256)).max(64),
  /** null: not an AWS device (any AWS details are removed). */
  aws: AwsEditInput.nullable(),
});
export type DeviceEditInput = z.infer<typeof DeviceEditInput>;

export const DeviceEditOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-found', 'invalid']),
    /** The field the message is about, or null when it is about the whole form. */
    field: z.enum(EDIT_FIELDS).nullable(),
    message: z.string(),
  }),
]);
export type DeviceEditOutcome = z.infer<typeof DeviceEditOutcome>;

/** The user's explicit confirmation, required in the arguments of the rows that expose a seed. */
export const SecretConfirmation = z.object({ confirmed: z.literal(true) });

const SecretFailure = z.object({
  ok: z.literal(false),
  reason: z.enum(['not-found', 'secret-missing', 'clipboard-unavailable']),
  message: z.string(),
});

export const RevealOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Base32, in groups of four for reading aloud or typing into another app. */
    secret: z.string(),
    /** The otpauth:// URI, for another authenticator. */
    uri: z.string(),
    /** The URI as a QR code, an SVG document rendered in main. */
    qrSvg: z.string(),
    /** Hide it again after this long, even if the window keeps the focus. */
    hideAfterMs: z.number().int().positive(),
  }),
  SecretFailure,
]);
export type RevealOutcome = z.infer<typeof RevealOutcome>;

export const SecretCopyOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), clearAfterMs: z.number().nullable() }),
  SecretFailure,
]);
export type SecretCopyOutcome = z.infer<typeof SecretCopyOutcome>;

const WarningView = z.object({ kind: z.enum(WARNINGS), message: z.string() });

/** What an add would store, computed by main without storing anything (and without the seed). */
export const DevicePreview = z.object({
  type: z.enum(['totp', 'hotp']),
  issuer: z.string(),
  accountName: z.string(),
  labelIssuer: z.string().nullable(),
  algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
  digits: z.number().int(),
  periodSeconds: z.number().int().nullable(),
  counter: z.number().int().nullable(),
  /** The group it will be listed under. */
  groupLabel: z.string(),
  aws: z
    .object({
      accountId: z.string().nullable(),
      alias: z.string().nullable(),
      deviceName: z.string(),
    })
    .nullable(),
});
export type DevicePreview = z.infer<typeof DevicePreview>;

export const PreviewOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), preview: DevicePreview, warnings: z.array(WarningView) }),
  z.object({ ok: z.literal(false), reason: z.enum(ADD_FAILURES), message: z.string() }),
]);
export type PreviewOutcome = z.infer<typeof PreviewOutcome>;

export const ReenterOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), warnings: z.array(WarningView) }),
  z.object({
    ok: z.literal(false),
    /** `mismatch`: a URI for other code settings; `has-secret`: the seed is not missing. */
    reason: z.enum([...ADD_FAILURES, 'not-found', 'mismatch', 'has-secret']),
    message: z.string(),
  }),
]);
export type ReenterOutcome = z.infer<typeof ReenterOutcome>;

export const editChannels = {
  /** Saves the Edit dialog: names, group, tags and AWS details, validated together. */
  'devices.edit': invoke(z.tuple([DeviceIdArg, DeviceEditInput]), DeviceEditOutcome),
  /** SECURITY: returns the seed. Only after the user confirmed, which the arguments state. */
  'devices.revealSecret': invoke(z.tuple([DeviceIdArg, SecretConfirmation]), RevealOutcome),
  /** Copies the seed (base32) to the clipboard, cleared like a code; the result has no seed. */
  'devices.copySecret': invoke(z.tuple([DeviceIdArg, SecretConfirmation]), SecretCopyOutcome),
  /** What adding this URI would store, with duplicate warnings; stores nothing. */
  'devices.previewUri': invoke(z.tuple([z.string().max(MAX_URI_LENGTH)]), PreviewOutcome),
  'devices.previewManual': invoke(z.tuple([ManualEntryInput]), PreviewOutcome),
  /** Stores a new seed (base32 or an otpauth:// URI) for a device whose seed is missing. */
  'devices.reenterSecret': invoke(
    z.tuple([DeviceIdArg, z.string().max(MAX_URI_LENGTH)]),
    ReenterOutcome,
  ),
} as const;
