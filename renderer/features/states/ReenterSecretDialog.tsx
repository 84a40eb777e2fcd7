/**
 * Re-enter the secret of a device whose keychain item is missing (renderer): the base32 secret
 * or the original otpauth:// URI, stored by main under the existing metadata (names, AWS details,
 * group and counter are kept). Or delete the device instead. SECURITY: the typed secret lives in
 * this dialog's state only, and the field is never autocompleted or spell-checked.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import type { ReenterOutcome } from '../../../preload/contract/editChannels';
import { useBridge } from '../../lib/bridge';
import { deviceTitle } from '../../lib/deviceText';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { codeSettingsText } from './statesText';
import './states.css';

interface ReenterSecretDialogProps {
  readonly device: DeviceView;
  readonly onClose: () => void;
  readonly onStored: (outcome: Extract<ReenterOutcome, { ok: true }>) => void;
  /** Opens the delete confirmation instead. */
  readonly onDelete: () => void;
}

export function ReenterSecretDialog({
  device,
  onClose,
  onStored,
  onDelete,
}: ReenterSecretDialogProps) {
  const api = useBridge();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const title = deviceTitle(device);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Enter the secret key, or paste the otpauth:// URI.');
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await api.devices.reenterSecret(device.id, text);
      if (outcome.ok) {
        setText('');
        onStored(outcome);
        return;
      }
      setError(outcome.message);
      fieldRef.current?.focus();
    } catch {
      setError('Could not store the secret. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Re-enter the secret of ${title}`} onClose={onClose} initialFocus={fieldRef}>
      <p className="dialog__text reenter__intro">
        The keychain has no secret for this device, so Tessera cannot make its codes. If you still
        have its secret key (from the site’s setup page, a backup or a printout), enter it here;
        everything else about the device is kept.
      </p>
      <form className="form" onSubmit={event => void submit(event)} noValidate>
        <Field
          label="Secret key or otpauth:// URI"
          error={error}
          hint={`Base32 as the site showed it (spaces and lower case are fine), or this device’s otpauth:// URI (${codeSettingsText(device)}).`}
        >
          {control => (
            <input
              {...control}
              ref={fieldRef}
              className="input input--mono"
              value={text}
              maxLength={8192}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              onChange={event => {
                setText(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <p className="reenter__alternative">
          No longer have it? Set up MFA again on the site, add the new device, and delete this one.
        </p>
        <div className="dialog__actions reenter__actions">
          <button type="button" className="button button--danger-quiet" onClick={onDelete}>
            Delete device…
          </button>
          <span className="reenter__spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Save secret
          </button>
        </div>
      </form>
    </Dialog>
  );
}
