/**
 * Main-side IPC router (ipc layer, pure): one handler per contract row, arguments validated
 * against the contract before any service runs, results checked on the way out in tests. The
 * transport (Electron's ipcMain, or the e2e harness) decides sender trust before calling in.
 */
import {
  contract,
  invokeChannels,
  type Args,
  type EventChannel,
  type InvokeChannel,
  type Payload,
  type Result,
} from '../../preload/contract/contract';

/** One async function per invoke channel; a missing or mistyped handler is a compile error. */
export type Handlers = { readonly [K in InvokeChannel]: (...args: Args<K>) => Promise<Result<K>> };

/** The only thing the router needs from a transport. */
export interface IpcTransport {
  handle(channel: InvokeChannel, handler: (rawArgs: readonly unknown[]) => Promise<unknown>): void;
  emit(channel: EventChannel, payload: unknown): void;
}

export interface Logger {
  warn(event: string, fields: Readonly<Record<string, string | number>>): void;
}

export class IpcArgumentError extends Error {
  override readonly name = 'IpcArgumentError';
}

export function registerHandlers(transport: IpcTransport, handlers: Handlers, log: Logger): void {
  for (const channel of invokeChannels) {
    const { args } = contract[channel];
    const handler = handlers[channel] as (...parsed: unknown[]) => Promise<unknown>;
    transport.handle(channel, async rawArgs => {
      const parsed = args.safeParse(rawArgs);
      if (!parsed.success) {
        // SECURITY: log the shape of the problem, never the values (they may hold a secret).
        log.warn('ipc.rejected', { channel, issues: parsed.error.issues.length });
        throw new IpcArgumentError(`Invalid arguments for ${channel}`);
      }
      return handler(...(parsed.data as unknown[]));
    });
  }
}

export type Emitter = <K extends EventChannel>(channel: K, payload: Payload<K>) => void;

export function createEmitter(transport: IpcTransport): Emitter {
  return (channel, payload) => {
    transport.emit(channel, payload);
  };
}
