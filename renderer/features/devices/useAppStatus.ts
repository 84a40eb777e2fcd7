/**
 * Start-up and keychain status for the banners (renderer). There is no status event, so it is
 * read again whenever the device list changes (a delete can resolve a missing secret).
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppStatusView, DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';

export interface AppStatusState {
  readonly status: AppStatusView | undefined;
  /** Asks main to read the keychain again; resolves once the new status is shown. */
  readonly retryKeychain: () => Promise<void>;
}

export function useAppStatus(devices: readonly DeviceView[] | undefined): AppStatusState {
  const api = useBridge();
  const [status, setStatus] = useState<AppStatusView | undefined>(undefined);

  useEffect(() => {
    let disposed = false;
    api.app.status().then(
      next => {
        if (!disposed) {
          setStatus(next);
        }
      },
      (error: unknown) => {
        console.error('app.status failed', error);
      },
    );
    return () => {
      disposed = true;
    };
  }, [api, devices]);

  const retryKeychain = useCallback(async () => {
    setStatus(await api.app.retryKeychain());
  }, [api]);

  return { status, retryKeychain };
}
