/**
 * QR scanning use case (services layer, DESIGN.md §6): decodes the screen (every display) or one
 * frame (camera, image file, pasted image) through the QrDecoder port, classifies every code
 * found, and answers with previews only. The decoded texts (which hold secrets) stay here under
 * a random, short-lived token until the user confirms or discards; frames are never kept or
 * written anywhere.
 */
import { randomUUID } from 'node:crypto';
import type { AddOutcome, DeviceWarning } from '../../preload/contract/contract';
import type {
  ScanCodeView,
  ScanConfirmOutcome,
  ScanDevicePreview,
  ScanFrameInput,
  ScanOutcome,
} from '../../preload/contract/scanChannels';
import { parseAwsLabel } from '../core/device/awsLabel';
import { describeMissing, readMigrationUri } from '../core/interop/googleMigration';
import type { ImportedEntry } from '../core/interop/types';
import { formatOtpauthUri, parseOtpauthUri } from '../core/otp/otpauthUri';
import { classifyQrText } from '../core/qr/classify';
import { QrDecodeTimeoutError } from '../core/qr/errors';
import type { OtpParams } from '../core/otp/types';
import {
  FrameRejectedError,
  ScreenCaptureError,
  type Clock,
  type QrDecoder,
  type ScreenCapture,
} from '../core/ports';
import type { DecodedCode, PixelFrame } from '../core/qr/frame';
import type { OtpSecret } from '../core/secret';
import type { DeviceService } from './deviceService';

/** How long decoded codes wait for a confirmation. */
export const SCAN_TOKEN_TTL_MS = 5 * 60_000;
/** Scans kept at once; the oldest is forgotten first. */
const MAX_SESSIONS = 8;
/** Codes reported from one scan (a screen full of QR codes is not an enrollment page). */
const MAX_CODES = 32;

export interface ScanServiceDeps {
  readonly devices: DeviceService;
  readonly clock: Clock;
  /** Absent in builds without a decoder: every scan then says so. */
  readonly decoder?: QrDecoder | undefined;
  readonly screen?: ScreenCapture | undefined;
  readonly newToken?: () => string;
}

type Held =
  | { readonly kind: 'otpauth'; readonly text: string; readonly label: string }
  | { readonly kind: 'migration'; readonly text: string; readonly label: string }
  | { readonly kind: 'not-addable'; readonly label: string; readonly message: string };

interface Session {
  readonly expiresAtMs: number;
  readonly codes: readonly Held[];
}

const NOTHING_ON_SCREEN =
  'No QR code found on the screen. Make sure the code is fully visible and not covered by another window; if it is small, zoom in on the page (Ctrl/Cmd and +) and scan again.';
const NOTHING_IN_IMAGE =
  'No QR code found in this image. If the code is small or blurry, zoom in before taking the screenshot, or use a larger, sharper image.';
const NOTHING_ON_CAMERA =
  'No QR code in view yet. Hold the code steady and move it closer so that it fills most of the frame.';

export class ScanService {
  readonly #sessions = new Map<string, Session>();
  /** QR codes of Google Authenticator exports added so far, by batch id (no secrets). */
  readonly #addedBatches = new Map<number, { size: number; added: Set<number> }>();
  #cameraAllowed = false;

  constructor(private readonly deps: ScanServiceDeps) {}

  /** Grabs every display and decodes every QR code on them. */
  async scanScreen(): Promise<ScanOutcome> {
    const { screen } = this.deps;
    if (screen === undefined) {
      return unavailable(
        'Scanning the screen is not available here. Save the QR code as an image and choose "Image file", or copy it and paste it.',
      );
    }
    let frames: readonly PixelFrame[];
    try {
      frames = await screen.captureDisplays();
    } catch (error) {
      if (error instanceof ScreenCaptureError) {
        return { status: 'failed', reason: 'screen-unavailable', message: error.message };
      }
      throw error;
    }
    return this.#decode(frames, NOTHING_ON_SCREEN);
  }

  /** Decodes one luminance frame the renderer made (already size-checked by the contract). */
  scanFrame(input: ScanFrameInput): Promise<ScanOutcome> {
    const frame: PixelFrame = {
      width: input.width,
      height: input.height,
      stride: input.width,
      format: 'luma',
      data: input.data,
    };
    return this.#decode([frame], input.source === 'camera' ? NOTHING_ON_CAMERA : NOTHING_IN_IMAGE);
  }

  /**
   * Adds the chosen codes of a scan: an otpauth code adds one device, a transfer code every
   * readable entry of its batch. The scan is forgotten afterwards, whatever the outcome.
   */
  async confirm(token: string, indexes: readonly number[]): Promise<ScanConfirmOutcome> {
    const session = this.#session(token);
    if (session === undefined) {
      return {
        ok: false,
        reason: 'expired',
        message: 'This scan is no longer available (it expired or was already used). Scan again.',
      };
    }
    const chosen = [...new Set(indexes)];
    if (chosen.some(index => index >= session.codes.length)) {
      return {
        ok: false,
        reason: 'invalid-selection',
        message: 'Choose one of the codes that were found.',
      };
    }
    this.#sessions.delete(token);
    const added: Extract<ScanConfirmOutcome, { ok: true }>['added'] = [];
    const failed: Extract<ScanConfirmOutcome, { ok: true }>['failed'] = [];
    const record = (label: string, outcome: AddOutcome): void => {
      if (outcome.ok) added.push({ device: outcome.device, warnings: outcome.warnings });
      else failed.push({ label, reason: outcome.reason, message: outcome.message });
    };
    for (const index of chosen) {
      const held = session.codes[index];
      if (held === undefined) continue;
      switch (held.kind) {
        case 'otpauth':
          record(held.label, await this.deps.devices.addFromUri(held.text));
          break;
        case 'migration':
          await this.#addBatch(held, record, failed);
          break;
        case 'not-addable':
          failed.push({ label: held.label, reason: 'not-addable', message: held.message });
          break;
      }
    }
    return { ok: true, added, failed };
  }

  discard(token: string): void {
    this.#sessions.delete(token);
  }

  /** The renderer opened or closed its camera scanner (see `cameraAllowed`). */
  allowCamera(active: boolean): void {
    this.#cameraAllowed = active;
  }

  /** Whether a camera permission request now comes from a scan the user started. */
  cameraAllowed(): boolean {
    return this.#cameraAllowed;
  }

  async #decode(frames: readonly PixelFrame[], nothingMessage: string): Promise<ScanOutcome> {
    const { decoder } = this.deps;
    if (decoder === undefined) {
      return unavailable(
        'QR scanning is not available in this build. Paste the otpauth:// link instead.',
      );
    }
    const found: DecodedCode[] = [];
    try {
      for (const frame of frames) found.push(...(await decoder.decode(frame)));
    } catch (error) {
      if (error instanceof FrameRejectedError) {
        return { status: 'failed', reason: 'frame-rejected', message: error.message };
      }
      if (error instanceof QrDecodeTimeoutError) {
        return {
          status: 'failed',
          reason: 'decode-failed',
          message:
            'Reading this image took too long. Crop it around the QR code, or zoom in so the code is larger, and try again.',
        };
      }
      return {
        status: 'failed',
        reason: 'decode-failed',
        message: 'The image could not be read. Try again, or use another image.',
      };
    }
    // The same code on two displays (mirrored screens) is one code.
    const texts = [...new Set(found.map(code => code.text))].slice(0, MAX_CODES);
    if (texts.length === 0) return { status: 'none', message: nothingMessage };

    const held: Held[] = [];
    const codes: ScanCodeView[] = texts.map((text, index) => {
      const { view, keep } = this.#classify(text, index);
      held.push(keep);
      return view;
    });
    const nowMs = this.deps.clock.nowMs();
    this.#prune(nowMs);
    const token = (this.deps.newToken ?? randomUUID)();
    const expiresAtMs = nowMs + SCAN_TOKEN_TTL_MS;
    this.#sessions.set(token, { expiresAtMs, codes: held });
    return { status: 'found', token, expiresAtMs, codes };
  }

  #classify(text: string, index: number): { view: ScanCodeView; keep: Held } {
    const content = classifyQrText(text);
    switch (content.kind) {
      case 'otpauth': {
        const preview: ScanDevicePreview = content.preview;
        const warnings = [...content.warnings, ...this.#duplicateWarningsOf(text)];
        return {
          view: { kind: 'otpauth', index, preview, warnings },
          keep: { kind: 'otpauth', text, label: titleOf(preview) },
        };
      }
      case 'google-migration':
        return this.#classifyMigration(text, index);
      case 'invalid-otpauth':
        return {
          view: { kind: 'invalid', index, reason: content.reason, message: content.message },
          keep: { kind: 'not-addable', label: 'Authenticator code', message: content.message },
        };
      case 'other':
        return {
          view: { kind: 'other', index, message: content.message },
          keep: { kind: 'not-addable', label: 'QR code', message: content.message },
        };
    }
  }

  /** Duplicate warnings for an otpauth text (parsed again: the preview holds no secret). */
  #duplicateWarningsOf(text: string): { kind: DeviceWarning; message: string }[] {
    const parsed = parseOtpauthUri(text);
    if (!parsed.ok) return [];
    const warnings = this.#duplicateWarnings(parsed.value);
    parsed.value.secret.wipe();
    return warnings;
  }

  #classifyMigration(text: string, index: number): { view: ScanCodeView; keep: Held } {
    const label = 'Google Authenticator transfer code';
    const read = readMigrationUri(text);
    if (!read.ok) {
      const { message } = read;
      return {
        view: { kind: 'invalid', index, reason: 'migration-unreadable', message },
        keep: { kind: 'not-addable', label, message },
      };
    }
    // Entries are added as otpauth:// URIs: one the URI rules refuse (e.g. a secret under 80
    // bits, which importers only warn about) is shown as an error now, not after the user agreed.
    const entries: Extract<ScanCodeView, { kind: 'migration' }>['entries'] = [];
    const errors: Extract<ScanCodeView, { kind: 'migration' }>['errors'] = read.result.errors.map(
      error => ({ index: error.index, label: error.label ?? null, reason: error.reason }),
    );
    read.result.entries.forEach((entry, position) => {
      const preview = previewOf(entry.issuer, entry.accountName, entry.params, undefined);
      const parsed = parseOtpauthUri(formatOtpauthUri(entry));
      if (parsed.ok) {
        parsed.value.secret.wipe();
        entries.push({
          preview,
          warnings: this.#duplicateWarnings(entry),
          notes: [...entry.warnings],
        });
      } else {
        errors.push({ index: position, label: titleOf(preview), reason: parsed.message });
      }
      entry.secret.wipe();
    });
    return {
      view: {
        kind: 'migration',
        index,
        batch: read.batch.size > 0 ? { index: read.batch.index, size: read.batch.size } : null,
        progress: this.#batchProgress(read.batch),
        entries,
        errors,
      },
      keep: { kind: 'migration', text, label },
    };
  }

  async #addBatch(
    held: Extract<Held, { kind: 'migration' }>,
    record: (label: string, outcome: AddOutcome) => void,
    failed: Extract<ScanConfirmOutcome, { ok: true }>['failed'],
  ): Promise<void> {
    const read = readMigrationUri(held.text);
    if (!read.ok) {
      failed.push({ label: held.label, reason: 'not-addable', message: read.message });
      return;
    }
    const { id, size, index } = read.batch;
    const known = this.#addedBatches.get(id);
    if (known?.size === size) known.added.add(index);
    else this.#addedBatches.set(id, { size, added: new Set([index]) });
    for (const entry of read.result.entries) {
      const label = titleOf(previewOf(entry.issuer, entry.accountName, entry.params, undefined));
      const uri = formatOtpauthUri(entry);
      entry.secret.wipe();
      record(label, await this.deps.devices.addFromUri(uri));
    }
    for (const error of read.result.errors) {
      failed.push({
        label: error.label ?? `Entry ${error.index + 1}`,
        reason: 'not-addable',
        message: error.reason,
      });
    }
  }

  /** "QR code 2 of 3 is missing", "You already added this QR code", or null (single code). */
  #batchProgress(batch: { id: number; size: number; index: number }): string | null {
    if (batch.size <= 1) return null;
    const known = this.#addedBatches.get(batch.id);
    const added = known?.size === batch.size ? known.added : new Set<number>();
    if (added.has(batch.index)) {
      return `You already added QR code ${batch.index + 1} of ${batch.size} of this export; adding it again makes duplicates.`;
    }
    const received = [...added, batch.index].sort((a, b) => a - b);
    const missing = [...Array(batch.size).keys()].filter(i => !received.includes(i));
    return (
      describeMissing({ id: batch.id, size: batch.size, received, missing }) ??
      `This is the last QR code of this export (${batch.size} in all).`
    );
  }

  /** The same secret, or the same issuer and account, already stored (HOSTILE #37). */
  #duplicateWarnings(
    candidate: Pick<ImportedEntry, 'issuer' | 'accountName'> & {
      readonly secret: OtpSecret;
    },
  ): { kind: DeviceWarning; message: string }[] {
    const warnings: { kind: DeviceWarning; message: string }[] = [];
    const devices = this.deps.devices.devices();
    const sameSecret = devices.find(device =>
      this.deps.devices.secretFor(device.id)?.equals(candidate.secret),
    );
    if (sameSecret !== undefined) {
      warnings.push({
        kind: 'duplicate-secret',
        message: `The same secret is already stored for ${sameSecret.issuer || sameSecret.accountName || 'another device'}: both would show the same codes.`,
      });
    }
    const fold = (text: string) => text.toLocaleLowerCase('en');
    if (
      devices.some(
        device =>
          fold(device.issuer) === fold(candidate.issuer) &&
          fold(device.accountName) === fold(candidate.accountName),
      )
    ) {
      warnings.push({
        kind: 'duplicate-label',
        message: 'A device with the same issuer and account name already exists.',
      });
    }
    return warnings;
  }

  #session(token: string): Session | undefined {
    this.#prune(this.deps.clock.nowMs());
    return this.#sessions.get(token);
  }

  #prune(nowMs: number): void {
    for (const [token, session] of this.#sessions) {
      if (session.expiresAtMs <= nowMs) this.#sessions.delete(token);
    }
    // Map order is insertion order: the oldest go first.
    for (const token of [...this.#sessions.keys()].slice(0, -(MAX_SESSIONS - 1))) {
      this.#sessions.delete(token);
    }
  }
}

function unavailable(message: string): ScanOutcome {
  return { status: 'failed', reason: 'unavailable', message };
}

function previewOf(
  issuer: string,
  accountName: string,
  params: OtpParams,
  labelIssuer: string | undefined,
): ScanDevicePreview {
  const aws = parseAwsLabel(issuer, accountName);
  return {
    type: params.type,
    issuer,
    accountName,
    labelIssuer: labelIssuer ?? null,
    algorithm: params.algorithm,
    digits: params.digits,
    periodSeconds: params.type === 'totp' ? params.periodSeconds : null,
    counter: params.type === 'hotp' ? params.counter : null,
    aws:
      aws === undefined
        ? null
        : {
            accountId: aws.accountId ?? null,
            alias: aws.alias ?? null,
            deviceName: aws.deviceName,
          },
  };
}

function titleOf(preview: ScanDevicePreview): string {
  if (preview.issuer !== '' && preview.accountName !== '') {
    return `${preview.issuer}: ${preview.accountName}`;
  }
  return preview.issuer || preview.accountName || 'Unnamed device';
}
