/**
 * Entry point of the `tessera` CLI (built to out/cli/tessera.js, the package's `bin`). Wires the
 * real adapters — keychain through keytar, vault.json under TESSERA_HOME — to `runCli`.
 */
import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { FsVaultStore } from '../node/fsVaultStore';
import { KeytarSecretStore } from '../node/keytarSecretStore';
import { tesseraHome } from '../node/paths';
import { systemClock } from '../node/systemClock';
import { DeviceService } from '../services/deviceService';
import { runCli } from './run';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: chunk => process.stdout.write(chunk),
  stderr: chunk => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
  sleep: ms => sleep(ms),
  clock: systemClock,
  openDevices: secrets =>
    DeviceService.open(
      {
        vault: new FsVaultStore(tesseraHome()),
        secrets: new KeytarSecretStore(),
        clock: systemClock,
        newId: randomUUID,
      },
      { secrets },
    ),
});
process.exitCode = exitCode;
