/** What the renderer sees as `window.tessera`: derived from the contract, never hand-written. */
import type { Args, Channel, EventChannel, InvokeChannel, Payload, Result } from './contract';

type Namespace<K extends string> = K extends `${infer N}.${string}` ? N : never;

export type TesseraApi = {
  readonly [N in Namespace<Channel>]: {
    readonly [K in InvokeChannel as K extends `${N}.${infer M}` ? M : never]: (
      ...args: Args<K>
    ) => Promise<Result<K>>;
  } & {
    readonly [K in EventChannel as K extends `${N}.${infer E}` ? `on${Capitalize<E>}` : never]: (
      listener: (payload: Payload<K>) => void,
    ) => () => void;
  };
};
