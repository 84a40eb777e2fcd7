/**
 * Ports (core, pure interfaces): what services need from the outside world. Adapters live in
 * main/node (keytar, files, clocks) and test/fakes (in-memory versions for unit tests).
 */
import type { VaultDocument } from './vault/vaultDocument';
import type { OtpSecret } from './secret';
import type { Settings } from './settings/settings';
import type { DecodedCode, PixelFrame } from './qr/frame';

/** Where seeds live: one item per device, keyed by the device id. Never plaintext on disk. */
export interface SecretStore {
  put(deviceId: string, secret: OtpSecret): Promise<void>;
  get(deviceId: string): Promise<OtpSecret | undefined>;
  /**
   * The seeds of the given devices (absent ids are simply missing from the map). Start-up uses
   * this for the devices it knows: parallel reads beat one bulk search on Secret Service.
   */
  getMany(deviceIds: readonly string[]): Promise<Map<string, OtpSecret>>;
  /** Every item under this app's service (finds items that have no metadata). */
  getAll(): Promise<Map<string, OtpSecret>>;
  /** Resolves to false when nothing was stored under `deviceId`. */
  delete(deviceId: string): Promise<boolean>;
}

/** Raised by a SecretStore when the keychain cannot be reached or is locked. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

/** Metadata document store (vault.json). `update` is read-modify-write under a lock. */
export interface VaultStore {
  load(): Promise<VaultLoadResult>;
  /**
   * Applies `change` to the newest document and writes the result atomically. The change is
   * pure; if it throws, nothing is written.
   */
  update(change: (current: VaultDocument) => VaultDocument): Promise<VaultDocument>;
}

export interface VaultLoadResult {
  readonly document: VaultDocument;
  /** Set when vault.json was missing or damaged and the previous generation was used. */
  readonly recoveredFrom?: 'previous-generation';
}

/** Wall-clock time, plus a monotonic clock to detect wall-clock jumps. */
export interface Clock {
  nowMs(): number;
  monotonicMs(): number;
}

/** Timers, injectable so the code service is tested with a fake clock. */
export interface Timers {
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(fn: () => void, intervalMs: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}
export type TimerHandle = { readonly __timer: unique symbol } | number | object;

/** One SNTP exchange with a time server (RFC 4330): the offset and delay of this computer's clock. */
export interface TimeServerClient {
  /** @throws TimeServerError when the server cannot be reached or answers nonsense. */
  query(server: string, timeoutMs: number): Promise<TimeSample>;
}

export interface TimeSample {
  /** Server time minus local time, in ms (add it to the local clock to get the server's). */
  readonly offsetMs: number;
  readonly roundTripMs: number;
}

export class TimeServerError extends Error {
  override readonly name = 'TimeServerError';
}

/** settings.json: small, validated on load, written atomically. */
export interface SettingsStore {
  load(): Promise<Settings>;
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

/** The system clipboard (Electron's async API in the app, a recording fake in the harness). */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

/** Decodes every QR code in a frame, off the main thread (main/node QR worker). */
export interface QrDecoder {
  /** @throws FrameRejectedError for frames that are malformed or over FRAME_LIMITS. */
  decode(frame: PixelFrame): Promise<readonly DecodedCode[]>;
}

/** Raised for a frame the pipeline refuses to read (bad size, stride or buffer length). */
export class FrameRejectedError extends Error {
  override readonly name = 'FrameRejectedError';
}

/**
 * Grabs every display at native resolution (Electron: desktopCapturer with the Tessera window
 * hidden; the harness: an X11 grab of its Xvfb display).
 */
export interface ScreenCapture {
  /** @throws ScreenCaptureError (permission denied, no display) with a message for the user. */
  captureDisplays(): Promise<readonly PixelFrame[]>;
}

export class ScreenCaptureError extends Error {
  override readonly name = 'ScreenCaptureError';
}
