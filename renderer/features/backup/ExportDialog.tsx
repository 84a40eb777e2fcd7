/**
 * Export to… (renderer): an encrypted Aegis vault, a Tessera backup, or a plain list of
 * otpauth:// links behind an explicit "unencrypted" acknowledgement. Main asks where to save and
 * writes the file itself: no secret ever reaches this window.
 */
import { useId, useState, type SubmitEvent } from 'react';
import type { ExportFormatName, WriteOutcome } from '../../../preload/contract/backupChannels';
import { useBridge } from '../../lib/bridge';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { passphraseProblem, plural } from './backupText';
import { Progress } from './Progress';
import { useBackupProgress } from './useBackupProgress';

const OPTIONS: readonly { value: ExportFormatName; label: string; hint: string }[] = [
  {
    value: 'aegis',
    label: 'Aegis vault (encrypted)',
    hint: 'Aegis on Android imports it with the password you choose.',
  },
  {
    value: 'tessera',
    label: 'Tessera backup (encrypted)',
    hint: 'Keeps everything, AWS details included.',
  },
  {
    value: 'otpauth-list',
    label: 'List of otpauth:// links (NOT encrypted)',
    hint: 'Most authenticator apps read it. Anyone who sees the file can generate your codes.',
  },
];

export function ExportDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useBridge();
  const progress = useBackupProgress();
  const name = useId();
  const [format, setFormat] = useState<ExportFormatName>('aegis');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Extract<WriteOutcome, { ok: true }> | undefined>(undefined);
  const plain = format === 'otpauth-list';

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (plain && !understood) {
      setError('Confirm that you understand the file is not encrypted.');
      return;
    }
    const problem = plain ? undefined : passphraseProblem(password, confirmation);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const outcome = await api.interop.export(format, plain ? null : password);
      if (outcome.ok) setDone(outcome);
      else if (outcome.reason !== 'cancelled') setError(outcome.message);
    } catch {
      setError('The export could not be written. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (done !== undefined) {
    return (
      <Dialog title="Export saved" size="small" onClose={onClose}>
        <p className="dialog__text">
          {plural(done.count, 'device')} written to <strong>{done.name}</strong>.
          {plain && ' Delete the file once the other app has imported it.'}
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
    <Dialog title="Export to…" size="small" onClose={onClose}>
      <form className="form" onSubmit={event => void submit(event)} noValidate>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Format</legend>
          <div className="transfer__options">
            {OPTIONS.map(option => (
              <label key={option.value} className="choice transfer__option">
                <input
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={format === option.value}
                  onChange={() => {
                    setFormat(option.value);
                    setError(undefined);
                  }}
                />
                <span>
                  {option.label}
                  <span className="field__hint transfer__option-hint">{option.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {plain ? (
          <Banner tone="warning" title="This file is not encrypted">
            <p>
              Every secret will be written in plain text. Anyone who can read the file can generate
              your codes.
            </p>
            <label className="choice">
              <input
                type="checkbox"
                checked={understood}
                onChange={event => {
                  setUnderstood(event.target.checked);
                }}
              />
              I understand; write it anyway
            </label>
          </Banner>
        ) : (
          <>
            <Field label="Password for the export" hint="At least 10 characters.">
              {control => (
                <input
                  {...control}
                  className="input"
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  maxLength={1024}
                  onChange={event => {
                    setPassword(event.target.value);
                  }}
                />
              )}
            </Field>
            <Field label="Password again">
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
          </>
        )}
        {error !== undefined && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
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
