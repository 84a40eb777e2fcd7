/**
 * "Settings" in the header (renderer): opens the settings dialog; Ctrl/Cmd+, opens it from
 * anywhere in the window (outside other dialogs).
 */
import { useEffect, useState } from 'react';
import { ListIcon } from '../../ui/ListIcon';
import { SettingsDialog } from './SettingsDialog';

export function SettingsButton() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== ',' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="icon-button settings-button"
        aria-label="Settings"
        title="Settings (Ctrl+,)"
        onClick={() => {
          setOpen(true);
        }}
      >
        <ListIcon name="gear" />
      </button>
      {open && (
        <SettingsDialog
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
