/** One device's current code from the codes store (renderer); re-renders only when it changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type { CodeView } from '../../../preload/contract/contract';
import type { CodesStore } from './codesStore';

export function useDeviceCode(store: CodesStore, deviceId: string): CodeView | undefined {
  const read = useCallback(() => store.get(deviceId), [store, deviceId]);
  return useSyncExternalStore(store.subscribe, read);
}
