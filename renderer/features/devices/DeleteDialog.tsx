/**
 * Confirm before deleting a device (renderer): deleting removes its secret from the keychain,
 * which cannot be undone, so Cancel has the initial focus.
 */
import { useRef, useState } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { deviceTitle } from '../../lib/deviceText';
import { Dialog } from '../../ui/Dialog';

interface DeleteDialogProps {
  readonly device: DeviceView;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteDialog({ device, onClose, onDeleted }: DeleteDialogProps) {
  const api = useBridge();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const title = deviceTitle(device);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await api.devices.remove(device.id);
      if (outcome.ok) {
        onDeleted();
        return;
      }
      setError(outcome.message);
    } catch {
      setError('Could not delete the device. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Delete ${title}?`} size="small" onClose={onClose} initialFocus={cancelRef}>
      <p className="dialog__text">
        {device.secretStatus === 'ok'
          ? 'Its secret is removed from the keychain and Tessera can no longer make codes for it. Before you delete it, make sure you can still sign in: remove or replace this MFA device on the site first, or keep its recovery codes.'
          : 'This removes the entry from Tessera. Its secret is already missing from the keychain.'}
      </p>
      {error !== undefined && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}
