/**
 * Builds the real services over in-memory adapters and a fake clock, for unit tests of the
 * services and the IPC layer. The integration and e2e suites use the real adapters instead.
 */
import type { QrDecoder, ScreenCapture } from '../../main/core/ports';
import { startTessera, type TesseraApp } from '../../main/services/tesseraApp';
import { FakeClock } from '../fakes/fakeClock';
import { InMemorySecretStore } from '../fakes/inMemorySecretStore';
import { FakeTimeServer } from '../fakes/fakeTimeServer';
import { InMemorySettingsStore } from '../fakes/inMemorySettingsStore';
import { InMemoryVaultStore } from '../fakes/inMemoryVaultStore';
import { RecordingClipboard } from '../harness/recordingClipboard';
import { MemoryTransport } from './memoryTransport';
import { InMemoryUserFiles } from '../fakes/inMemoryUserFiles';
import { ScriptedFileDialogs } from '../fakes/scriptedFileDialogs';
import { FAST_KDF } from './backupFiles';
import { createInProcessQrDecoder } from '../../main/node/qr/inProcessQrDecoder';

/** 2026-01-01T00:00:10Z: 10 s into a 30 s period and into a 60 s period. */
export const T0 = Date.UTC(2026, 0, 1, 0, 0, 10);

export interface TestTessera {
  readonly app: TesseraApp;
  readonly clock: FakeClock;
  readonly secrets: InMemorySecretStore;
  readonly vault: InMemoryVaultStore;
  readonly clipboard: RecordingClipboard;
  readonly transport: MemoryTransport;
  readonly timeServer: FakeTimeServer;
  readonly settings: InMemorySettingsStore;
  readonly files: InMemoryUserFiles;
  readonly dialogs: ScriptedFileDialogs;
  readonly warnings: { event: string; fields: Readonly<Record<string, string | number>> }[];
}

export async function startTestTessera(
  options: {
    secrets?: InMemorySecretStore;
    vault?: InMemoryVaultStore;
    clock?: FakeClock;
    settings?: InMemorySettingsStore;
    clockAutoCheck?: boolean;
    /** Default: the production QR pipeline, in this thread. */
    qrDecoder?: QrDecoder;
    screenCapture?: ScreenCapture;
  } = {},
): Promise<TestTessera> {
  const clock = options.clock ?? new FakeClock(T0);
  const secrets = options.secrets ?? new InMemorySecretStore();
  const vault = options.vault ?? new InMemoryVaultStore();
  const clipboard = new RecordingClipboard();
  const transport = new MemoryTransport();
  const timeServer = new FakeTimeServer();
  const settings = options.settings ?? new InMemorySettingsStore();
  const warnings: TestTessera['warnings'] = [];
  const files = new InMemoryUserFiles();
  const dialogs = new ScriptedFileDialogs();
  let n = 0;
  const app = await startTessera({
    vault,
    secrets,
    clock,
    timers: clock,
    clipboard,
    timeServer,
    settings,
    clockAutoCheck: options.clockAutoCheck ?? false,
    files,
    dialogs,
    backupKdf: FAST_KDF,
    transport,
    qrDecoder: options.qrDecoder ?? (await inProcessDecoder()),
    ...(options.screenCapture === undefined ? {} : { screenCapture: options.screenCapture }),
    log: { warn: (event, fields) => warnings.push({ event, fields }) },
    newId: () => {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
    },
  });
  return {
    app,
    clock,
    secrets,
    vault,
    clipboard,
    transport,
    timeServer,
    settings,
    files,
    dialogs,
    warnings,
  };
}

let sharedDecoder: Promise<QrDecoder> | undefined;
/** The zxing-wasm module loads once per test file, not once per test. */
function inProcessDecoder(): Promise<QrDecoder> {
  sharedDecoder ??= createInProcessQrDecoder();
  return sharedDecoder;
}

/** RFC 6238's SHA1 seed ("12345678901234567890") in base32. */
export const RFC_SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
