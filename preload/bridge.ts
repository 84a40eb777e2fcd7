/**
 * Builds `window.tessera` from the contract (preload layer). Generic on purpose: a new feature
 * is a new row in the contract, never new code here. Takes the IPC object as a parameter so a
 * plain-Node test can drive it with a fake, and the e2e harness can reuse it over Playwright.
 */
import type { TesseraApi } from './contract/api';
import { bridgePath, channels, contract } from './contract/contract';

export type BridgeListener = (event: unknown, ...args: unknown[]) => void;

export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: BridgeListener): unknown;
  removeListener(channel: string, listener: BridgeListener): unknown;
}

export function buildApi(ipc: BridgeIpc): TesseraApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const [namespace, member] = bridgePath(channel);
    const group = (api[namespace] ??= {});
    if (contract[channel].kind === 'invoke') {
      group[member] = (...args: unknown[]) => ipc.invoke(channel, ...args);
      continue;
    }
    group[member] = (callback: (payload: unknown) => void) => {
      // SECURITY: page code receives the payload only, never the IpcRendererEvent (it carries `sender`).
      const forward: BridgeListener = (_event, payload) => {
        callback(payload);
      };
      ipc.on(channel, forward);
      return () => void ipc.removeListener(channel, forward);
    };
  }
  return api as unknown as TesseraApi;
}
