import { describe, expect, it } from 'vitest';
import { buildApi, type BridgeIpc, type BridgeListener } from '../../../preload/bridge';
import { bridgePath, channels, contract } from '../../../preload/contract/contract';

function fakeIpc() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, Set<BridgeListener>>();
  const ipc: BridgeIpc = {
    invoke: (channel, ...args) => {
      calls.push([channel, ...args]);
      return Promise.resolve('result');
    },
    on: (channel, listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  return { ipc, calls, listeners };
}

describe('buildApi', () => {
  it('exposes one member per contract row and nothing else', () => {
    const api = buildApi(fakeIpc().ipc) as unknown as Record<string, Record<string, unknown>>;
    const members = Object.entries(api).flatMap(([ns, group]) =>
      Object.keys(group).map(m => `${ns}.${m}`),
    );
    expect(members.sort()).toEqual(channels.map(c => bridgePath(c).join('.')).sort());
  });

  it('forwards invoke calls with their arguments on the contract channel', async () => {
    const { ipc, calls } = fakeIpc();
    const api = buildApi(ipc);
    await expect(api.devices.remove('id')).resolves.toBe('result');
    await expect(api.devices.revealSecret('id', { confirmed: true })).resolves.toBe('result');
    expect(calls).toEqual([
      ['devices.remove', 'id'],
      ['devices.revealSecret', 'id', { confirmed: true }],
    ]);
  });

  it('gives event listeners the payload only, never the IPC event, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc();
    const api = buildApi(ipc);
    const received: unknown[][] = [];
    const off = api.codes.onChanged((...args: unknown[]) => received.push(args));
    for (const listener of listeners.get('codes.changed') ?? [])
      listener({ sender: 'secret-bearing event' }, ['payload']);
    expect(received).toEqual([[['payload']]]);
    off();
    expect(listeners.get('codes.changed')?.size).toBe(0);
  });

  it('names events as past participles and channels as namespace.verb', () => {
    for (const channel of channels) {
      expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      if (contract[channel].kind === 'event') expect(channel).toMatch(/(ed|Changed)$/);
    }
  });
});
