/**
 * "Edit device" (renderer): one dialog for everything a user may change about a device — issuer
 * and account name, group and tags, and for AWS virtual MFA devices the account ID and alias,
 * whose device it is, the MFA device name and the serial ARN — saved in one `devices.edit` call,
 * so a refusal (shown under its field, which gets the focus) changes nothing. The secret can be
 * shown from here after a confirmation (RevealSecret).
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import type { EditField } from '../../../preload/contract/editChannels';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field, type FieldControlProps } from '../../ui/Field';
import { AwsFields } from './AwsFields';
import { initialEditForm, toEditInput, type EditFormState } from './editForm';
import { RevealSecret } from './RevealSecret';
import './edit.css';

type Errors = Partial<Record<EditField | 'form', string>>;

interface EditDeviceDialogProps {
  readonly device: DeviceView;
  /** `aws`: opened to add AWS details (from the enrollment assistant): focus starts there. */
  readonly focus?: 'names' | 'aws';
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

export function EditDeviceDialog({
  device,
  focus = 'names',
  onClose,
  onSaved,
}: EditDeviceDialogProps) {
  const api = useBridge();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<EditFormState>(() => ({
    ...initialEditForm(device),
    ...(focus === 'aws' ? { isAws: true } : {}),
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const hadAws = device.aws !== null;
  const canBeAws = device.type === 'totp' || hadAws;

  // Opened to complete the AWS details: start at the serial ARN, the usual missing piece.
  useEffect(() => {
    if (focus === 'aws') {
      formRef.current?.querySelector<HTMLElement>('[data-field="serialArn"]')?.focus();
    }
  }, [focus]);

  // A refusal moves focus to the field it is about, where its message is read out.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const change = (next: Partial<EditFormState>, field: EditField): void => {
    setForm(current => ({ ...current, ...next }));
    setErrors(current => {
      if (current[field] === undefined && current.form === undefined) return current;
      const { [field]: _cleared, form: _form, ...rest } = current;
      return rest;
    });
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = await api.devices.edit(device.id, toEditInput(form));
      if (outcome.ok) {
        onSaved();
        return;
      }
      setErrors({ [outcome.field ?? 'form']: outcome.message });
    } catch {
      setErrors({ form: 'Could not save the changes. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const text =
    (field: 'issuer' | 'accountName' | 'group', maxLength: number) =>
    (control: FieldControlProps) => (
      <input
        {...control}
        className="input"
        value={form[field]}
        maxLength={maxLength}
        autoComplete="off"
        onChange={event => {
          change({ [field]: event.target.value }, field);
        }}
      />
    );

  return (
    <Dialog title="Edit device" placement="top" onClose={onClose}>
      <form
        ref={formRef}
        className="form edit-form"
        onSubmit={event => void submit(event)}
        noValidate
      >
        <div className="form__row">
          <Field label="Issuer" error={errors.issuer}>
            {text('issuer', 256)}
          </Field>
          <Field label="Account name" error={errors.accountName}>
            {text('accountName', 512)}
          </Field>
        </div>
        <div className="form__row">
          <Field
            label="Group"
            hint="Optional: list it under this name instead of its AWS account or issuer"
            error={errors.group}
          >
            {text('group', 128)}
          </Field>
          <Field label="Tags" hint="Separated by commas, e.g. work, prod" error={errors.tags}>
            {control => (
              <input
                {...control}
                className="input"
                value={form.tags}
                maxLength={2048}
                autoComplete="off"
                onChange={event => {
                  change({ tags: event.target.value }, 'tags');
                }}
              />
            )}
          </Field>
        </div>
        {canBeAws && (
          <fieldset className="fieldset edit-aws-set">
            <legend className="fieldset__legend">AWS</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={form.isAws}
                onChange={event => {
                  change({ isAws: event.target.checked }, 'serialArn');
                }}
              />
              AWS virtual MFA device
            </label>
            {form.isAws ? (
              <AwsFields form={form} errors={errors} onChange={change} />
            ) : (
              hadAws && (
                <p className="field__hint edit-aws__removed">
                  Saving removes this device’s AWS details (account, user and serial ARN).
                </p>
              )
            )}
          </fieldset>
        )}
        <RevealSecret device={device} />
        {errors.form !== undefined && (
          <p className="form__error" role="alert">
            {errors.form}
          </p>
        )}
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
