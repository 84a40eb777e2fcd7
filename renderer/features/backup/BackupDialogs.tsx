/** The open backup/restore/import/export dialog, if any (renderer). */
import './backup.css';
import { BackupDialog } from './BackupDialog';
import type { BackupDialogKind } from './BackupMenu';
import { ExportDialog } from './ExportDialog';
import { TransferDialog } from './TransferDialog';

export function BackupDialogs({
  kind,
  onClose,
}: {
  readonly kind: BackupDialogKind | null;
  readonly onClose: () => void;
}) {
  switch (kind) {
    case null:
      return null;
    case 'backup':
      return <BackupDialog onClose={onClose} />;
    case 'export':
      return <ExportDialog onClose={onClose} />;
    case 'restore':
    case 'import':
      return <TransferDialog kind={kind} onClose={onClose} />;
  }
}
