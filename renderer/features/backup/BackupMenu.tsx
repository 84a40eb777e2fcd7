/** The header menu that leads to backup, restore, import and export (renderer). */
import { MenuButton } from '../../ui/MenuButton';

export type BackupDialogKind = 'backup' | 'restore' | 'import' | 'export';

export function BackupMenu({ onOpen }: { readonly onOpen: (kind: BackupDialogKind) => void }) {
  return (
    <MenuButton
      label="Backup, import and export"
      items={[
        {
          label: 'Back up now…',
          onSelect: () => {
            onOpen('backup');
          },
        },
        {
          label: 'Restore from a backup…',
          onSelect: () => {
            onOpen('restore');
          },
        },
        {
          label: 'Import from another app…',
          onSelect: () => {
            onOpen('import');
          },
          separated: true,
        },
        {
          label: 'Export to…',
          onSelect: () => {
            onOpen('export');
          },
        },
      ]}
    />
  );
}
