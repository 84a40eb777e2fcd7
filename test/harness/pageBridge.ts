/**
 * Runs in the page, before the renderer: the harness's stand-in for preload/index.ts. It builds
 * `window.tessera` with the very same `buildApi` as the preload, over an IPC object whose
 * invoke goes to the Node side through a Playwright binding and whose events the Node side
 * delivers with `__tesseraEmit`.
 */
import { buildApi, type BridgeIpc, type BridgeListener } from '../../preload/bridge';
import './pageGlobals';

const listeners = new Map<string, Set<BridgeListener>>();

const ipc: BridgeIpc = {
  invoke: (channel, ...args) => window.__tesseraInvoke(channel, args),
  on(channel, listener) {
    let set = listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      listeners.set(channel, set);
    }
    set.add(listener);
  },
  removeListener(channel, listener) {
    listeners.get(channel)?.delete(listener);
  },
};

window.__tesseraEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener({}, payload);
};

// Like contextBridge: a frozen object the page cannot replace.
Object.defineProperty(window, 'tessera', {
  value: Object.freeze(buildApi(ipc)),
  writable: false,
  configurable: false,
});
