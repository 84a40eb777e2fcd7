/** The page-side hooks the harness installs (see pageBridge.ts), typed for both sides. */
declare global {
  interface Window {
    __tesseraInvoke(channel: string, args: unknown[]): Promise<unknown>;
    __tesseraEmit(channel: string, payload: unknown): void;
  }
}

export {};
