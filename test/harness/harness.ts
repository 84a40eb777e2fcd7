/**
 * The end-to-end test harness (DESIGN.md §3): the real main-process services in Node — real
 * keychain (a private test service name), real vault.json in a temporary TESSERA_HOME, real
 * clocks — serving the built renderer to Chromium, with `window.tessera` implemented over
 * Playwright bindings from the same contract and the same `buildApi` as the preload. Only the
 * Electron transport itself is not exercised.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import keytar from 'keytar';
import type { EventChannel, InvokeChannel } from '../../preload/contract/contract';
import { isTrustedRendererUrl } from '../../main/core/security/trustedSender';
import { CONTENT_SECURITY_POLICY } from '../../main/core/security/windowPolicy';
import { FsSettingsStore } from '../../main/node/fsSettingsStore';
import { FsVaultStore } from '../../main/node/fsVaultStore';
import { SntpTimeServerClient } from '../../main/node/sntpClient';
import { startSntpResponder, type SntpResponder } from '../support/sntpResponder';
import { KeytarSecretStore } from '../../main/node/keytarSecretStore';
import { systemClock, systemTimers } from '../../main/node/systemClock';
import type { IpcTransport } from '../../main/ipc/router';
import type { QrDecoder, ScreenCapture } from '../../main/core/ports';
import { createWorkerQrDecoder, type WorkerQrDecoder } from '../../main/node/qr/workerQrDecoder';
import { startTessera, type TesseraApp } from '../../main/services/tesseraApp';
import { FsUserFiles } from '../../main/node/fsUserFiles';
import { ScriptedFileDialogs } from '../fakes/scriptedFileDialogs';
import './pageGlobals';
import { GatedSecretStore } from './gatedSecretStore';
import { RecordingClipboard } from './recordingClipboard';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

let bridgeScript: Promise<string> | undefined;
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, 'pageBridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then(result => result.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

export interface HarnessOptions {
  /** Reuse a TESSERA_HOME (e.g. to restart the harness over the same data). */
  readonly home?: string;
  /** Reuse a keychain service name (with `home`, a restart sees the same devices). */
  readonly keychainService?: string;
  readonly clipboardClearMs?: number | null;
  /**
   * How far the loopback NTP server's time is from this computer's (ms). The harness never
   * talks to a real time server: its settings point at this responder on 127.0.0.1.
   */
  readonly ntpOffsetMs?: number;
  /** Check the clock at start-up like the app does (default: only on request). */
  readonly clockAutoCheck?: boolean;
  /** What "Scan screen" grabs, e.g. an X11ScreenCapture of a test's Xvfb (default: none). */
  readonly screenCapture?: ScreenCapture;
  /** QR decoding (default: the app's worker-thread decoder). */
  readonly qrDecoder?: QrDecoder;
  /** Start with the keychain failing as if locked or stopped (see `keychain`). */
  readonly keychainUnavailable?: boolean;
}

class HarnessTransport implements IpcTransport {
  readonly handlers = new Map<InvokeChannel, (rawArgs: readonly unknown[]) => Promise<unknown>>();
  readonly pages = new Set<Page>();
  readonly events: { channel: EventChannel; payload: unknown }[] = [];
  /** The harness's own origin, set once its server listens. */
  origin: string | undefined;

  handle(channel: InvokeChannel, handler: (rawArgs: readonly unknown[]) => Promise<unknown>): void {
    this.handlers.set(channel, handler);
  }

  emit(channel: EventChannel, payload: unknown): void {
    this.events.push({ channel, payload });
    for (const page of this.pages) {
      // Like the Electron transport: events go to our renderer only.
      if (page.isClosed() || !isTrustedRendererUrl(page.url(), this.origin)) continue;
      page
        // One JSON string crosses CDP far faster than Playwright's object-graph serialization,
        // and stands in for Electron's structured clone of the same plain data.
        .evaluate(
          ([c, json]) => {
            window.__tesseraEmit(c, JSON.parse(json) as unknown);
          },
          [channel, JSON.stringify(payload)] as const,
        )
        .catch(() => undefined); // a page mid-navigation simply misses the event, like a reloading window
    }
  }
}

export class Harness {
  readonly clipboard = new RecordingClipboard();
  readonly transport = new HarnessTransport();
  /** The open/save dialogs: a test sets the path the next dialog returns (undefined = cancel). */
  readonly dialogs = new ScriptedFileDialogs();
  #server: Server | undefined;
  #app: TesseraApp | undefined;
  #ntp: SntpResponder | undefined;
  #ownsHome = false;
  #decoder: WorkerQrDecoder | undefined;
  #keychain: GatedSecretStore | undefined;

  private constructor(
    readonly home: string,
    readonly keychainService: string,
    private readonly options: HarnessOptions,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
    }
    const home = options.home ?? (await mkdtemp(join(tmpdir(), 'tessera-e2e-')));
    const service = options.keychainService ?? `tessera-e2e-${randomBytes(6).toString('hex')}`;
    const harness = new Harness(home, service, options);
    harness.#ownsHome = options.home === undefined;
    harness.#ntp = await startSntpResponder({ offsetMs: options.ntpOffsetMs ?? 0 });
    const ntpAddress = harness.#ntp.address;
    await new FsSettingsStore(home).update(settings => ({
      ...settings,
      clock: { ...settings.clock, server: ntpAddress },
    }));
    await harness.#startServices();
    await harness.#startServer();
    return harness;
  }

  get app(): TesseraApp {
    if (this.#app === undefined) throw new Error('harness not started');
    return this.#app;
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('harness server not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  /** Gives `page` the preload contract and opens the renderer in it. */
  async open(page: Page): Promise<void> {
    await page.exposeBinding('__tesseraInvoke', async (source, channel: unknown, args: unknown) => {
      // SECURITY: the same rule as ipcMain: our origin, main frame only.
      if (
        source.frame !== source.page.mainFrame() ||
        !isTrustedRendererUrl(source.frame.url(), this.url)
      ) {
        throw new Error(`Refused ${String(channel)}: untrusted sender`);
      }
      const handler = this.transport.handlers.get(channel as InvokeChannel);
      if (handler === undefined) throw new Error(`No handler for ${String(channel)}`);
      return handler(Array.isArray(args) ? args : []);
    });
    await page.addInitScript({ content: await pageBridgeScript() });
    this.transport.pages.add(page);
    await page.goto(this.url);
  }

  /** Stops and starts the services over the same home and keychain service (an app restart). */
  async restart(): Promise<void> {
    await this.#app?.stop();
    this.transport.handlers.clear();
    await this.#startServices();
  }

  /** The real keychain behind a switch: `available = false` fails like a locked keyring. */
  get keychain(): GatedSecretStore {
    if (this.#keychain === undefined) throw new Error('harness not started');
    return this.#keychain;
  }

  /** The loopback NTP responder, to change its offset during a test. */
  get ntp(): SntpResponder {
    if (this.#ntp === undefined) throw new Error('harness not started');
    return this.#ntp;
  }

  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await this.#app?.stop();
    await this.#decoder?.close();
    await this.#ntp?.stop();
    await new Promise<void>(done => {
      if (this.#server)
        this.#server.close(() => {
          done();
        });
      else done();
    });
    if (options.keepData === true) return;
    for (const { account } of await keytar.findCredentials(this.keychainService)) {
      await keytar.deletePassword(this.keychainService, account);
    }
    if (this.#ownsHome) await rm(this.home, { recursive: true, force: true });
  }

  /** One worker for the harness's lifetime (restarts included), like the app's. */
  #workerDecoder(): WorkerQrDecoder {
    this.#decoder ??= createWorkerQrDecoder();
    return this.#decoder;
  }

  async #startServices(): Promise<void> {
    this.#app = await startTessera({
      vault: new FsVaultStore(this.home),
      settings: new FsSettingsStore(this.home),
      timeServer: new SntpTimeServerClient(),
      clockAutoCheck: this.options.clockAutoCheck ?? false,
      secrets: this.#gatedKeychain(),
      clock: systemClock,
      timers: systemTimers,
      clipboard: this.clipboard,
      transport: this.transport,
      files: new FsUserFiles(),
      dialogs: this.dialogs,
      log: { warn: () => undefined },
      qrDecoder: this.options.qrDecoder ?? this.#workerDecoder(),
      ...(this.options.screenCapture === undefined
        ? {}
        : { screenCapture: this.options.screenCapture }),
      ...(this.options.clipboardClearMs === undefined
        ? {}
        : { clipboardClearMs: this.options.clipboardClearMs }),
    });
  }

  #gatedKeychain(): GatedSecretStore {
    if (this.#keychain === undefined) {
      this.#keychain = new GatedSecretStore(new KeytarSecretStore(this.keychainService));
      this.#keychain.available = this.options.keychainUnavailable !== true;
    }
    return this.#keychain;
  }

  async #startServer(): Promise<void> {
    const server = createServer((request, response) => {
      void serveRendererFile(request.url ?? '/').then(
        ({ status, headers, body }) => {
          response.writeHead(status, headers).end(body);
        },
        () => {
          response.writeHead(500).end('Error');
        },
      );
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    this.#server = server;
    this.transport.origin = this.url;
  }
}

/** The built renderer's files, with the app's CSP; anything outside the folder is a 404. */
async function serveRendererFile(
  requestUrl: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string }> {
  let relative: string;
  try {
    const path = new URL(requestUrl, 'http://127.0.0.1').pathname;
    relative = path === '/' ? 'index.html' : decodeURIComponent(path).replace(/^\/+/, '');
  } catch {
    return { status: 400, headers: {}, body: 'Bad request' };
  }
  const file = resolve(RENDERER_DIR, relative);
  const info = file.startsWith(RENDERER_DIR + '/')
    ? await stat(file).catch(() => undefined)
    : undefined;
  if (info === undefined || !info.isFile()) return { status: 404, headers: {}, body: 'Not found' };
  return {
    status: 200,
    headers: {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    },
    body: await readFile(file),
  };
}
