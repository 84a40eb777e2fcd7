/**
 * The renderer's only door to main (renderer layer): `window.tessera`, exposed by the preload
 * from the IPC contract. Types only come from `preload/contract`; this module must not import
 * any value from there (that would bundle zod schemas meant for main).
 */
import type { TesseraApi } from '../../preload/contract/api';

declare global {
  interface Window {
    /** Built by the preload from the contract; absent only if the preload failed to load. */
    readonly tessera: TesseraApi;
  }
}

/** The bridge object. Read lazily so a missing preload surfaces as one clear error. */
export function bridge(): TesseraApi {
  const api = (window as Partial<Window>).tessera;
  if (api === undefined) {
    throw new Error('window.tessera is missing: the preload script did not run.');
  }
  return api;
}

/** Hook form of {@link bridge}, so components read the same way as the other hooks. */
export function useBridge(): TesseraApi {
  return bridge();
}
