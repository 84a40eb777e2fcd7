/** The step main reports while a backup, restore, import or export runs (renderer). */
import { useEffect, useState } from 'react';
import type { ProgressView } from '../../../preload/contract/backupChannels';
import { useBridge } from '../../lib/bridge';

export function useBackupProgress(): ProgressView | undefined {
  const api = useBridge();
  const [progress, setProgress] = useState<ProgressView | undefined>(undefined);
  useEffect(() => api.backup.onProgressChanged(setProgress), [api]);
  return progress;
}
