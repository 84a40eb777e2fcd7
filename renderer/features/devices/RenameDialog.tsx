/** Rename a device: its issuer and account name (renderer). Main validates and cleans them. */
import { useState, type SubmitEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

interface RenameDialogProps {
  readonly device: DeviceView;
  readonly onClose: () => void;
  readonly onRenamed: () => void;
}

export function RenameDialog({ device, onClose, onRenamed }: RenameDialogProps) {
  const api = useBridge();
  const [issuer, setIssuer] = useState(device.issuer);
  const [accountName, setAccountName] = useState(device.accountName);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = await api.devices.rename(device.id, { issuer, accountName });
      if (outcome.ok) {
        onRenamed();
        return;
      }
      setError(outcome.message);
    } catch {
      setError('Could not rename the device. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Rename device" size="small" onClose={onClose}>
      <form className="form" onSubmit={event => void submit(event)} noValidate>
        <Field label="Issuer">
          {control => (
            <input
              {...control}
              className="input"
              value={issuer}
              maxLength={256}
              autoComplete="off"
              onChange={event => {
                setIssuer(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Account name" error={error}>
          {control => (
            <input
              {...control}
              className="input"
              value={accountName}
              maxLength={512}
              autoComplete="off"
              onChange={event => {
                setAccountName(event.target.value);
              }}
            />
          )}
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
