/**
 * Child-process helper for the keychain integration tests (test support; run with tsx).
 * Constructs a KeytarSecretStore for the service in argv[2] and calls each method once, printing
 * one JSON line per call: `{ call, ok: true }` or `{ call, ok: false, name, message }`. The test
 * runs it with a D-Bus address that leads nowhere, where every call must fail the same readable way.
 */
import { OtpSecret } from '../../main/core/secret';
import { KeytarSecretStore } from '../../main/node/keytarSecretStore';

const store = new KeytarSecretStore(process.argv[2] ?? 'tessera-probe');
const deviceId = '00000000-0000-4000-8000-000000000000';
const calls: Record<string, () => Promise<unknown>> = {
  get: () => store.get(deviceId),
  put: () => store.put(deviceId, OtpSecret.fromBytes(new Uint8Array(20).fill(7))),
  getAll: () => store.getAll(),
  delete: () => store.delete(deviceId),
};

for (const [call, run] of Object.entries(calls)) {
  try {
    await run();
    console.log(JSON.stringify({ call, ok: true }));
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    console.log(JSON.stringify({ call, ok: false, name, message }));
  }
}
