/**
 * The "Paste URI" source (renderer): an `otpauth://` URI, handed to the dialog for main's
 * preview. The URI holds the secret: the field is not autocompleted or spell-checked, and the
 * text goes with the dialog.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Field } from '../../ui/Field';
import type { SourcePanelProps } from './sourcePanel';

export function UriForm({ focusOnMount, onSubmit, onCancel }: SourcePanelProps) {
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
      const failure = await onSubmit({ kind: 'uri', uri: uri.trim() });
      if (failure !== undefined) {
        setError(failure.message);
        fieldRef.current?.focus();
      }
    } catch {
      setError('Could not read the URI. Try again.');
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
          Continue
        </button>
      </div>
    </form>
  );
}
