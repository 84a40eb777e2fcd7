/**
 * "Move to a phone" in the header (renderer): opens the transfer dialog, which shows Google
 * Authenticator transfer QR codes after the user confirmed.
 */
import { useState } from 'react';
import { Icon } from '../../ui/Icon';
import { TransferDialog } from './TransferDialog';

interface TransferButtonProps {
  readonly deviceCount: number;
}

export function TransferButton({ deviceCount }: TransferButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="icon-button transfer-button"
        aria-label="Move to a phone"
        title="Move your devices to a phone (Google Authenticator transfer QR codes)"
        onClick={() => {
          setOpen(true);
        }}
      >
        <Icon name="phone" />
      </button>
      {open && (
        <TransferDialog
          deviceCount={deviceCount}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
