/**
 * Entry point of the `tessera` CLI (built to out/cli/tessera.js, the package's `bin`). Wires the
 * real adapters — keychain through keytar, vault.json under TESSERA_HOME, the AWS config file,
 * the paths of node and of this script (for aws-vault's `mfa_process`) — to `runCli`.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { FsUserFiles } from '../node/fsUserFiles';
import { FsVaultStore } from '../node/fsVaultStore';
import { KeytarSecretStore } from '../node/keytarSecretStore';
import { tesseraHome } from '../node/paths';
import { FsSettingsStore } from '../node/fsSettingsStore';
import { systemClock } from '../node/systemClock';
import type { Clock } from '../core/ports';
import { DeviceService } from '../services/deviceService';
import { runCli } from './run';

// Codes use the same clock correction as the app when the user applied one (clock health).
const { appliedOffsetMs } = (await new FsSettingsStore(tesseraHome()).load()).clock;
const clock: Clock = {
  nowMs: () => systemClock.nowMs() + appliedOffsetMs,
  monotonicMs: () => systemClock.monotonicMs(),
};

const exitCode = await runCli(process.argv.slice(2), {
  stdout: chunk => process.stdout.write(chunk),
  stderr: chunk => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
  sleep: ms => sleep(ms),
  clock,
  env: process.env,
  homedir: os.homedir(),
  readTextFile: readTextIfExists,
  execPath: process.execPath,
  scriptPath: path.resolve(process.argv[1] ?? 'tessera'),
  files: new FsUserFiles(),
  promptSecret,
  openDevices: secrets =>
    DeviceService.open(
      {
        vault: new FsVaultStore(tesseraHome()),
        secrets: new KeytarSecretStore(),
        clock,
        newId: randomUUID,
      },
      { secrets },
    ),
});
process.exitCode = exitCode;

/** A text file's content, or undefined when it does not exist (any other error is reported). */
async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Reads one line from the terminal without echoing it (undefined when stdin is not a TTY). */
async function promptSecret(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  process.stderr.write(question);
  const muted = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>(resolve => {
      reader.question('', resolve);
    });
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}
