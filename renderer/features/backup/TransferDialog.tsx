/**
 * Restore from a backup, or import from another app (renderer): choose a file (main shows the
 * dialog and keeps the file), give the password, see what would change, choose what to do with
 * conflicts, then store — and a summary. Nothing is stored before "Import"/"Restore" is pressed.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type {
  ApplySummaryView,
  ConflictChoiceName,
  ImportFormatName,
  ImportPreviewView,
  OpenedFileView,
} from '../../../preload/contract/backupChannels';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { CONFLICT_CHOICE_LABELS, FORMAT_TITLES, plural } from './backupText';
import { PreviewList } from './PreviewList';
import { Progress } from './Progress';
import { useBackupProgress } from './useBackupProgress';

interface TransferDialogProps {
  readonly kind: 'import' | 'restore';
  readonly onClose: () => void;
}

const CHOICES: readonly ConflictChoiceName[] = ['skip', 'replace', 'keep-both'];

export function TransferDialog({ kind, onClose }: TransferDialogProps) {
  const api = useBridge();
  const progress = useBackupProgress();
  const [file, setFile] = useState<OpenedFileView | undefined>(undefined);
  const [format, setFormat] = useState<ImportFormatName>('tessera');
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<ImportPreviewView | undefined>(undefined);
  const [choice, setChoice] = useState<ConflictChoiceName>('skip');
  const [summary, setSummary] = useState<ApplySummaryView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const choiceName = useId();
  const tokens = useRef<string[]>([]);
  const restore = kind === 'restore';
  const noun = restore ? 'Restore' : 'Import';

  // Whatever main still holds for this dialog (the file, a preview with seeds) goes when it closes.
  useEffect(
    () => () => {
      for (const token of tokens.current) void api.interop.discard(token);
    },
    [api],
  );

  const chooseFile = async (): Promise<void> => {
    setError(undefined);
    const outcome = await api.interop.openFile(kind);
    if (!outcome.ok) {
      if (outcome.reason !== 'cancelled') setError(outcome.message);
      return;
    }
    tokens.current.push(outcome.file.fileId);
    setFile(outcome.file);
    setPreview(undefined);
    const detected = outcome.file.detected.find(name => outcome.file.available.includes(name));
    setFormat(
      restore
        ? 'tessera'
        : (detected ?? outcome.file.available.find(n => n !== 'tessera') ?? 'aegis'),
    );
  };

  const showPreview = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (file === undefined) return;
    if (restore && password === '') {
      setError('Enter the passphrase the backup was made with.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const outcome = restore
        ? await api.backup.restorePreview(file.fileId, password)
        : await api.interop.importPreview(file.fileId, format, password === '' ? null : password);
      if (outcome.ok) {
        tokens.current.push(outcome.preview.token);
        setPreview(outcome.preview);
      } else {
        setError(outcome.message);
      }
    } catch {
      setError('The file could not be read. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const apply = async (): Promise<void> => {
    if (preview === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const outcome = restore
        ? await api.backup.restoreApply(preview.token, choice)
        : await api.interop.importApply(preview.token, choice);
      if (outcome.ok) setSummary(outcome.summary);
      else setError(outcome.message);
    } catch {
      setError('Nothing was stored: saving failed. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (summary !== undefined) {
    return (
      <Dialog
        title={restore ? 'Restore finished' : 'Import finished'}
        size="small"
        onClose={onClose}
      >
        <ul className="transfer__summary">
          <li>{plural(summary.added, 'device')} added</li>
          {summary.replaced > 0 && <li>{plural(summary.replaced, 'device')} replaced</li>}
          {summary.present > 0 && <li>{summary.present} already in Tessera (left as they were)</li>}
          {summary.skipped > 0 && <li>{plural(summary.skipped, 'conflict')} skipped</li>}
          {summary.errors > 0 && <li>{plural(summary.errors, 'entry')} could not be imported</li>}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  if (preview !== undefined) {
    const nothing = preview.counts.new === 0 && preview.counts.conflict === 0;
    return (
      <Dialog title={`${noun}: check before saving`} onClose={onClose} placement="top">
        <p className="dialog__text">
          From <strong>{file?.name}</strong>. Nothing has been stored yet.
        </p>
        <PreviewList preview={preview} />
        {preview.counts.conflict > 0 && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">
              For the {plural(preview.counts.conflict, 'conflict')}
            </legend>
            <div className="transfer__choices">
              {CHOICES.map(value => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={choiceName}
                    value={value}
                    checked={choice === value}
                    onChange={() => {
                      setChoice(value);
                    }}
                  />
                  {CONFLICT_CHOICE_LABELS[value]}
                </label>
              ))}
            </div>
          </fieldset>
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
          <button
            type="button"
            className="button button--primary"
            disabled={busy || nothing}
            onClick={() => void apply()}
          >
            {nothing
              ? 'Nothing to add'
              : `${noun} ${plural(preview.counts.new + (choice === 'skip' ? 0 : preview.counts.conflict), 'device')}`}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={restore ? 'Restore from a backup' : 'Import from another app'}
      size="small"
      onClose={onClose}
    >
      <form className="form" onSubmit={event => void showPreview(event)} noValidate>
        <div className="transfer__file">
          <button
            type="button"
            className="button"
            onClick={() => void chooseFile()}
            disabled={busy}
          >
            {file === undefined ? 'Choose file…' : 'Choose another file…'}
          </button>
          <span className="transfer__filename">
            {file === undefined ? 'No file chosen' : file.name}
          </span>
        </div>
        {file !== undefined && !restore && (
          <Field
            label="Exported from"
            hint={
              file.detected.length > 0
                ? `Looks like: ${file.detected.map(name => FORMAT_TITLES[name]).join(', ')}`
                : undefined
            }
          >
            {control => (
              <select
                {...control}
                className="input"
                value={format}
                onChange={event => {
                  setFormat(event.target.value as ImportFormatName);
                }}
              >
                {file.available
                  .filter(name => name !== 'tessera')
                  .map(name => (
                    <option key={name} value={name}>
                      {FORMAT_TITLES[name]}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
        {file !== undefined && (
          <Field
            label={restore ? 'Backup passphrase' : 'Password (if the export is encrypted)'}
            error={error}
          >
            {control => (
              <input
                {...control}
                className="input"
                type="password"
                autoComplete="off"
                value={password}
                maxLength={1024}
                onChange={event => {
                  setPassword(event.target.value);
                }}
              />
            )}
          </Field>
        )}
        {file === undefined && error !== undefined && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <Progress busy={busy} progress={progress} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || file === undefined}
          >
            Preview
          </button>
        </div>
      </form>
    </Dialog>
  );
}
