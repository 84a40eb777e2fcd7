/** How many devices were never backed up (renderer); refreshed whenever the devices change. */
import { useCallback, useEffect, useState } from 'react';
import type { BackupStatusView } from '../../../preload/contract/backupChannels';
import { useBridge } from '../../lib/bridge';

export function useBackupStatus(): { status: BackupStatusView | undefined; refresh: () => void } {
  const api = useBridge();
  const [status, setStatus] = useState<BackupStatusView | undefined>(undefined);
  const refresh = useCallback(() => {
    void api.backup.status().then(setStatus);
  }, [api]);
  useEffect(() => {
    refresh();
    return api.devices.onChanged(refresh);
  }, [api, refresh]);
  return { status, refresh };
}
