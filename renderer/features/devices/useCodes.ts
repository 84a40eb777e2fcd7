/**
 * Current codes, as computed and pushed by main at each period boundary (renderer). Returns a
 * stable store that rows subscribe to one device at a time (see useDeviceCode); the renderer
 * never derives a code itself, and countdowns animate locally from `validUntilMs`.
 */
import { useEffect, useState } from 'react';
import { useBridge } from '../../lib/bridge';
import { createCodesStore, type CodesStore } from './codesStore';

export function useCodes(): CodesStore {
  const api = useBridge();
  const [store] = useState(createCodesStore);

  useEffect(() => {
    let disposed = false;
    let pushed = false;
    // Subscribe first: a push that lands while current() is in flight is newer than its answer.
    const unsubscribe = api.codes.onChanged(next => {
      pushed = true;
      store.set(next);
    });
    api.codes.current().then(
      initial => {
        if (!disposed && !pushed) {
          store.set(initial);
        }
      },
      (error: unknown) => {
        console.error('codes.current failed', error);
      },
    );
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api, store]);

  return store;
}
