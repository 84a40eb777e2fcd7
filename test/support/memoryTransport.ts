/**
 * An in-memory IpcTransport for unit tests (as in VS Code's ipc tests): `invoke` plays the
 * renderer's side with raw, unvalidated arguments; every emitted event is recorded.
 */
import type { EventChannel, InvokeChannel } from '../../preload/contract/contract';
import type { IpcTransport } from '../../main/ipc/router';

export class MemoryTransport implements IpcTransport {
  readonly #handlers = new Map<InvokeChannel, (rawArgs: readonly unknown[]) => Promise<unknown>>();
  readonly events: { channel: EventChannel; payload: unknown }[] = [];

  handle(channel: InvokeChannel, handler: (rawArgs: readonly unknown[]) => Promise<unknown>): void {
    if (this.#handlers.has(channel)) throw new Error(`${channel} registered twice`);
    this.#handlers.set(channel, handler);
  }

  emit(channel: EventChannel, payload: unknown): void {
    this.events.push({ channel, payload });
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel as InvokeChannel);
    if (handler === undefined) return Promise.reject(new Error(`No handler for ${channel}`));
    return handler(args);
  }

  get registered(): InvokeChannel[] {
    return [...this.#handlers.keys()];
  }

  lastEvent(channel: EventChannel): unknown {
    return this.events.filter(event => event.channel === channel).at(-1)?.payload;
  }
}
