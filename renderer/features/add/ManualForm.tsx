/**
 * The "Manual entry" source (renderer): issuer, account and secret as typed, handed to the
 * dialog for main's preview. SECURITY: the secret stays in React state only while the dialog is
 * open, and is dropped with it. After a rejection it is kept so the user can fix the character
 * the message points at. Its field is never autocompleted or spell-checked, so it stays out of
 * dictionaries and histories.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { ManualEntryInput } from '../../../preload/contract/contract';
import { Field } from '../../ui/Field';
import { failureField, type ManualField } from './failureField';
import type { SourcePanelProps } from './sourcePanel';

type Errors = Partial<Record<ManualField, string>>;

const WHOLE_NUMBER = /^\d{1,9}$/;

export function ManualForm({ focusOnMount, onSubmit, onCancel }: SourcePanelProps) {
  const issuerRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const focusInitially = useRef(focusOnMount);
  useEffect(() => {
    if (focusInitially.current) {
      issuerRef.current?.focus();
    }
  }, []);
  const [issuer, setIssuer] = useState('');
  const [accountName, setAccountName] = useState('');
  const [secret, setSecret] = useState('');
  const [type, setType] = useState<ManualEntryInput['type']>('totp');
  const [algorithm, setAlgorithm] = useState<ManualEntryInput['algorithm']>('SHA1');
  const [digits, setDigits] = useState('6');
  const [period, setPeriod] = useState('30');
  const [counter, setCounter] = useState('0');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const local: Errors = {};
    if (type === 'totp' && !WHOLE_NUMBER.test(period.trim())) {
      local.period = 'Enter the period in whole seconds, for example 30.';
    }
    if (type === 'hotp' && !WHOLE_NUMBER.test(counter.trim())) {
      local.counter = 'Enter the counter as a whole number, for example 0.';
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const input: ManualEntryInput = {
      type,
      issuer,
      accountName,
      secret,
      algorithm,
      digits: Number(digits),
      ...(type === 'totp'
        ? { periodSeconds: Number(period.trim()) }
        : { counter: Number(counter.trim()) }),
    };
    setErrors({});
    setBusy(true);
    try {
      const failure = await onSubmit({ kind: 'manual', input });
      if (failure !== undefined) {
        const field = failureField(failure.reason);
        setErrors({ [field]: failure.message });
        if (field === 'secret') {
          secretRef.current?.focus();
        }
      }
    } catch {
      setErrors({ form: 'Could not check the details. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={event => void submit(event)} noValidate>
      <Field label="Issuer" error={errors.issuer}>
        {control => (
          <input
            {...control}
            ref={issuerRef}
            className="input"
            value={issuer}
            maxLength={256}
            autoComplete="off"
            placeholder="e.g. Amazon Web Services"
            onChange={event => {
              setIssuer(event.target.value);
            }}
          />
        )}
      </Field>
      <Field
        label="Account name"
        error={errors.accountName}
        hint="For AWS: MFA device name@account alias or 12-digit ID"
      >
        {control => (
          <input
            {...control}
            className="input"
            value={accountName}
            maxLength={512}
            autoComplete="off"
            placeholder="e.g. alice@example.com"
            onChange={event => {
              setAccountName(event.target.value);
            }}
          />
        )}
      </Field>
      <Field
        label="Secret (base32)"
        error={errors.secret}
        hint="In AWS, choose “Show secret key”. Spaces and lower case are fine."
      >
        {control => (
          <input
            {...control}
            ref={secretRef}
            className="input input--mono"
            value={secret}
            maxLength={1024}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            onChange={event => {
              setSecret(event.target.value);
              setErrors(({ secret: _cleared, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Advanced</legend>
        <div className="fieldset__grid">
          <Field label="Type" error={errors.type}>
            {control => (
              <select
                {...control}
                className="input"
                value={type}
                onChange={event => {
                  setType(event.target.value === 'hotp' ? 'hotp' : 'totp');
                }}
              >
                <option value="totp">TOTP (time)</option>
                <option value="hotp">HOTP (counter)</option>
              </select>
            )}
          </Field>
          <Field label="Algorithm" error={errors.algorithm}>
            {control => (
              <select
                {...control}
                className="input"
                value={algorithm}
                onChange={event => {
                  const value = event.target.value;
                  setAlgorithm(value === 'SHA256' || value === 'SHA512' ? value : 'SHA1');
                }}
              >
                <option value="SHA1">SHA1</option>
                <option value="SHA256">SHA256</option>
                <option value="SHA512">SHA512</option>
              </select>
            )}
          </Field>
          <Field label="Digits" error={errors.digits}>
            {control => (
              <select
                {...control}
                className="input"
                value={digits}
                onChange={event => {
                  setDigits(event.target.value);
                }}
              >
                <option value="6">6</option>
                <option value="7">7</option>
                <option value="8">8</option>
              </select>
            )}
          </Field>
          {type === 'totp' ? (
            <Field label="Period (seconds)" error={errors.period}>
              {control => (
                <input
                  {...control}
                  className="input"
                  inputMode="numeric"
                  value={period}
                  autoComplete="off"
                  onChange={event => {
                    setPeriod(event.target.value);
                  }}
                />
              )}
            </Field>
          ) : (
            <Field label="Counter" error={errors.counter}>
              {control => (
                <input
                  {...control}
                  className="input"
                  inputMode="numeric"
                  value={counter}
                  autoComplete="off"
                  onChange={event => {
                    setCounter(event.target.value);
                  }}
                />
              )}
            </Field>
          )}
        </div>
      </fieldset>
      {errors.form !== undefined && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
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
