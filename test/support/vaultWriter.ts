/**
 * Child-process helper for the FsVaultStore integration tests (test support; run with tsx).
 * Usage: `vaultWriter.ts <dir> <count>` — adds <count> devices to the vault in <dir>, one
 * `update` each, and prints one JSON line: `{ ok: true, ids }` or `{ ok: false, name, reason,
 * message }`. Lets a test write from a second process, or under a file-size limit (disk full).
 */
import { randomUUID } from 'node:crypto';
import { addDevice } from '../../main/core/vault/vaultDocument';
import { FsVaultStore, VaultFileError } from '../../main/node/fsVaultStore';
import { makeDevice } from './vaultFixtures';

// Node ignores SIGXFSZ so that a write over the file-size limit fails with EFBIG, but
// signal-exit (loaded by proper-lockfile) hooks that signal and re-raises it as a kill when it
// is the only listener. One more listener keeps the EFBIG path the test wants to observe.
process.on('SIGXFSZ', () => undefined);

const [dir, countText = '1'] = process.argv.slice(2);
if (dir === undefined) {
  console.error('usage: vaultWriter.ts <dir> <count>');
  process.exit(2);
}

const store = new FsVaultStore(dir);
const ids: string[] = [];
try {
  for (let i = 0; i < Number(countText); i++) {
    const id = randomUUID();
    await store.update(document => addDevice(document, makeDevice(id)));
    ids.push(id);
  }
  console.log(JSON.stringify({ ok: true, ids }));
} catch (error) {
  const reason = error instanceof VaultFileError ? error.reason : undefined;
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  console.log(JSON.stringify({ ok: false, name, reason, message, ids }));
}
