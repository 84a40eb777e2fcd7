/** The reminder shown while some devices have never been written into a backup (renderer). */
import './backup.css';
import { useState } from 'react';
import type { BackupStatusView } from '../../../preload/contract/backupChannels';
import { Banner } from '../../ui/Banner';
import { plural } from './backupText';

interface BackupReminderProps {
  readonly status: BackupStatusView | undefined;
  readonly onBackUp: () => void;
}

export function BackupReminder({ status, onBackUp }: BackupReminderProps) {
  const [dismissed, setDismissed] = useState(false);
  if (status === undefined || status.neverBackedUp === 0 || dismissed) return null;
  const all = status.neverBackedUp === status.devices;
  return (
    <div className="backup-reminder">
      <Banner
        tone="info"
        title={
          all
            ? 'Your devices are not backed up yet'
            : `${plural(status.neverBackedUp, 'device')} not backed up yet`
        }
        actions={
          <button type="button" className="button button--primary" onClick={onBackUp}>
            Back up now
          </button>
        }
        onDismiss={() => {
          setDismissed(true);
        }}
      >
        <p>
          If this computer is lost or broken, an encrypted backup is how you get back into your
          accounts. AWS recommends keeping one.
        </p>
      </Banner>
    </div>
  );
}
