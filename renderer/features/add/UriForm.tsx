/**
 * Add a device from an `otpauth://` URI (renderer). The URI holds the secret: the field is not
 * autocompleted or spell-checked, and the text is dropped as soon as main accepts it.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { AddOutcome } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { Field } from '../../ui/Field';

type Added = Extract<AddOutcome, { ok: true }>;

interface UriFormProps {
  /** Focus the URI field on mount (after the dialog has opened). */
  readonly focusOnMount: boolean;
  readonly onAdded: (outcome: Added) => void;
  readonly onCancel: () => void;
}

export function UriForm({ focusOnMount, onAdded, onCancel }: UriFormProps) {
  const api = useBridge();
  const formRef = useRef<HTMLFormElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [uri, setUri] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // Read once: only the first mount focuses the field; after a tab switch focus stays on the tab.
  const focusInitially = useRef(focusOnMount);
  useEffect(() => {
    if (focusInitially.current) {
      fieldRef.current?.focus();
    }
  }, []);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (uri.trim() === '') {
      setError('Paste the otpauth:// URI first.');
      return;
    }
    setBusy(true);
    try {
      const outcome = await api.devices.addFromUri(uri.trim());
      if (outcome.ok) {
        setUri('');
        onAdded(outcome);
        return;
      }
      setError(outcome.message);
    } catch {
      setError('Could not add the device. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={event => void submit(event)} noValidate>
      <Field
        label="otpauth:// URI"
        error={error}
        hint="The text behind a setup QR code: otpauth://totp/Example:alice?secret=…"
      >
        {control => (
          <textarea
            {...control}
            ref={fieldRef}
            className="input input--mono input--uri"
            rows={3}
            value={uri}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder="otpauth://totp/…"
            onChange={event => {
              setUri(event.target.value);
              setError(undefined);
            }}
            onKeyDown={event => {
              // A URI is one line: Enter adds, as in a text input.
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                formRef.current?.requestSubmit();
              }
            }}
          />
        )}
      </Field>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Add
        </button>
      </div>
    </form>
  );
}
