/**
 * Contract rows — QR scanning from the screen, a camera, files and the clipboard (issue 3).
 * Spread into the table in contract.ts. The renderer sends pixels (luminance) and gets previews
 * back; the decoded text of a code (which holds the secret) stays in main under a token, and
 * only `scan.confirm` turns it into devices (DESIGN.md §1.1, §6).
 */
import { z } from 'zod';
import { invoke } from './define';
import { ADD_FAILURES, DeviceView, WARNINGS } from './schemas';

/**
 * Largest frame accepted over IPC, the same figures as FRAME_LIMITS in main/core/qr/frame.ts
 * (the contract imports nothing from main; a unit test keeps the two equal). HOSTILE #25.
 */
export const SCAN_FRAME_LIMITS = {
  maxSide: 16_384,
  maxPixels: 2 * 7680 * 4320,
} as const;

/** A frame the renderer made: 8-bit luminance, one byte per pixel, rows not padded. */
export const ScanFrameInput = z
  .object({
    source: z.enum(['camera', 'file', 'paste']),
    width: z.number().int().min(1).max(SCAN_FRAME_LIMITS.maxSide),
    height: z.number().int().min(1).max(SCAN_FRAME_LIMITS.maxSide),
    data: z.custom<Uint8Array>(value => value instanceof Uint8Array, 'pixels must be a Uint8Array'),
  })
  .refine(frame => frame.width * frame.height <= SCAN_FRAME_LIMITS.maxPixels, {
    message: 'frame has more pixels than FRAME_LIMITS.maxPixels',
  })
  .refine(frame => frame.data.length === frame.width * frame.height, {
    message: 'data.length must be width × height (one luminance byte per pixel)',
  });
export type ScanFrameInput = z.infer<typeof ScanFrameInput>;

const Warning = z.object({ kind: z.enum(WARNINGS), message: z.string() });

/** What an authenticator code would add: everything but the secret. */
export const ScanDevicePreview = z.object({
  type: z.enum(['totp', 'hotp']),
  issuer: z.string(),
  accountName: z.string(),
  /** The label's issuer prefix when it disagreed with the issuer parameter. */
  labelIssuer: z.string().nullable(),
  algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
  digits: z.number().int(),
  periodSeconds: z.number().int().nullable(),
  counter: z.number().int().nullable(),
  /** From an AWS label (`Amazon Web Services:<device>@<account>`). */
  aws: z
    .object({
      accountId: z.string().nullable(),
      alias: z.string().nullable(),
      deviceName: z.string(),
    })
    .nullable(),
});
export type ScanDevicePreview = z.infer<typeof ScanDevicePreview>;

/** One code found in a scan; `index` is what `scan.confirm` names. */
export const ScanCodeView = z.discriminatedUnion('kind', [
  /** An `otpauth://` code that can be added. */
  z.object({
    kind: z.literal('otpauth'),
    index: z.number().int(),
    preview: ScanDevicePreview,
    warnings: z.array(Warning),
  }),
  /** A Google Authenticator transfer code (`otpauth-migration://`): a batch of devices. */
  z.object({
    kind: z.literal('migration'),
    index: z.number().int(),
    /** Which QR of the export this is ("batch 1 of 3"), when the code says. */
    batch: z.object({ index: z.number().int(), size: z.number().int() }).nullable(),
    /**
     * Where this export stands (HOSTILE #23): which of its QR codes were already added in this
     * session and which are missing, or that this very code was added before.
     */
    progress: z.string().nullable(),
    entries: z.array(
      z.object({
        preview: ScanDevicePreview,
        warnings: z.array(Warning),
        /** Remarks of the importer (e.g. a short secret). */
        notes: z.array(z.string()),
      }),
    ),
    /** Entries of the batch that cannot be added, and why (never the secret). */
    errors: z.array(
      z.object({ index: z.number().int(), label: z.string().nullable(), reason: z.string() }),
    ),
  }),
  /** An authenticator code that cannot be added (damaged, unsupported type…). */
  z.object({
    kind: z.literal('invalid'),
    index: z.number().int(),
    reason: z.union([z.enum(ADD_FAILURES), z.literal('migration-unreadable')]),
    message: z.string(),
  }),
  /** Any other QR code: a web link, a Wi-Fi login… The message says what it is. */
  z.object({ kind: z.literal('other'), index: z.number().int(), message: z.string() }),
]);
export type ScanCodeView = z.infer<typeof ScanCodeView>;

export const SCAN_FAILURES = [
  /** The screen could not be captured (e.g. macOS screen-recording permission). */
  'screen-unavailable',
  /** The frame was refused (size, buffer length). */
  'frame-rejected',
  /** This build has no decoder or no screen capture for this source. */
  'unavailable',
  /** The decoder failed on this frame. */
  'decode-failed',
] as const;

export const ScanOutcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    /** Names the decoded codes kept in main until confirmed, discarded or expired. */
    token: z.uuid(),
    expiresAtMs: z.number(),
    codes: z.array(ScanCodeView).min(1),
  }),
  /** No QR code at all; the message suggests what to try (zoom in, move closer). */
  z.object({ status: z.literal('none'), message: z.string() }),
  z.object({ status: z.literal('failed'), reason: z.enum(SCAN_FAILURES), message: z.string() }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

export const ScanConfirmOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    added: z.array(
      z.object({
        device: DeviceView,
        warnings: z.array(Warning),
      }),
    ),
    /** Chosen codes or batch entries that could not be added, with the reason. */
    failed: z.array(
      z.object({
        label: z.string(),
        reason: z.enum([...ADD_FAILURES, 'not-addable']),
        message: z.string(),
      }),
    ),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['expired', 'invalid-selection']),
    message: z.string(),
  }),
]);
export type ScanConfirmOutcome = z.infer<typeof ScanConfirmOutcome>;

const Token = z.uuid();

export const scanChannels = {
  /** Grabs every display (the Tessera window hidden meanwhile) and decodes every QR code on it. */
  'scan.screen': invoke(z.tuple([]), ScanOutcome),
  /** Decodes one frame from the camera, an image file or a pasted image. */
  'scan.frame': invoke(z.tuple([ScanFrameInput]), ScanOutcome),
  /** Adds the chosen codes of a scan (`index` values); a migration code adds its whole batch. */
  'scan.confirm': invoke(
    z.tuple([Token, z.array(z.number().int().nonnegative()).min(1).max(64)]),
    ScanConfirmOutcome,
  ),
  /** Forgets a scan's decoded codes now (they also expire on their own). */
  'scan.discard': invoke(z.tuple([Token]), z.object({ ok: z.literal(true) })),
  /**
   * The user opened (true) or closed (false) the camera scanner: the window's permission
   * handler grants camera access only in between (DESIGN.md §9).
   */
  'scan.allowCamera': invoke(z.tuple([z.boolean()]), z.object({ ok: z.literal(true) })),
} as const;
