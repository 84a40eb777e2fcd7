/**
 * Back up now (renderer): a passphrase typed twice, then main asks where to save, derives the
 * key, encrypts and writes the file. The passphrase goes to main once and is never shown again.
 */
import { useState, type SubmitEvent } from 'react';
import type { WriteOutcome } from '../../../preload/contract/backupChannels';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { plural, passphraseProblem } from './backupText';
import { Progress } from './Progress';
import { useBackupProgress } from './useBackupProgress';

export function BackupDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useBridge();
  const progress = useBackupProgress();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Extract<WriteOutcome, { ok: true }> | undefined>(undefined);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const outcome = await api.backup.create(passphrase);
      if (outcome.ok) setDone(outcome);
      else if (outcome.reason !== 'cancelled') setError(outcome.message);
    } catch {
      setError('The backup could not be written. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (done !== undefined) {
    return (
      <Dialog title="Backup saved" size="small" onClose={onClose}>
        <p className="dialog__text">
          {plural(done.count, 'device')} written to <strong>{done.name}</strong>, encrypted with
          your passphrase.
          {done.missing > 0 &&
            ` ${plural(done.missing, 'device')} without a stored secret could not be included.`}
        </p>
        <p className="dialog__text">
          Keep the file somewhere other than this computer, and do not forget the passphrase: nobody
          can recover it.
        </p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Back up now" size="small" onClose={onClose}>
      <form className="form" onSubmit={event => void submit(event)} noValidate>
        <p className="dialog__text">
          Every device and its secret go into one file encrypted with a passphrase (Argon2id and
          AES-256-GCM). You choose where to save it next.
        </p>
        <Field
          label="Passphrase"
          hint="At least 10 characters. Without it, the backup cannot be opened."
        >
          {control => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              maxLength={1024}
              onChange={event => {
                setPassphrase(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Passphrase again" error={error}>
          {control => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="new-password"
              value={confirmation}
              maxLength={1024}
              onChange={event => {
                setConfirmation(event.target.value);
              }}
            />
          )}
        </Field>
        <Progress busy={busy} progress={progress} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Choose where to save…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
