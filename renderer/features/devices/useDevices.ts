/**
 * The device list as main pushes it (renderer). `undefined` until the first answer arrives, so
 * the empty state never flashes before the real list.
 */
import { useEffect, useState } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';

export function useDevices(): readonly DeviceView[] | undefined {
  const api = useBridge();
  const [devices, setDevices] = useState<readonly DeviceView[] | undefined>(undefined);

  useEffect(() => {
    let disposed = false;
    let pushed = false;
    // Subscribe first: a push that lands while list() is in flight is newer than its answer.
    const unsubscribe = api.devices.onChanged(next => {
      pushed = true;
      setDevices(next);
    });
    api.devices.list().then(
      initial => {
        if (!disposed && !pushed) {
          setDevices(initial);
        }
      },
      (error: unknown) => {
        console.error('devices.list failed', error);
        if (!disposed && !pushed) {
          setDevices([]);
        }
      },
    );
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api]);

  return devices;
}
