/**
 * "Edit AWS details" (renderer): what the QR label cannot say about an AWS virtual MFA device —
 * the 12-digit account ID (when the label had an alias), the alias, whose device it is (an IAM
 * user, the root user, or not set), the MFA device name and the serial ARN, with a suggestion
 * for the ARN. Main validates them against each other (an ARN from another account is refused)
 * and nothing changes on a refusal; its message is shown under the form.
 */
import { useState, type SubmitEvent } from 'react';
import type { AwsEditInput, DeviceView } from '../../../preload/contract/contract';
import { suggestSerialArn } from '../../lib/awsText';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { PrincipalChoice, type PrincipalKind } from './PrincipalChoice';

interface EditAwsDialogProps {
  readonly device: DeviceView;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function EditAwsDialog({ device, onClose, onSaved }: EditAwsDialogProps) {
  const api = useBridge();
  const aws = device.aws;
  const [accountId, setAccountId] = useState(aws?.accountId ?? '');
  const [alias, setAlias] = useState(aws?.alias ?? '');
  const [principal, setPrincipal] = useState<PrincipalKind>(
    aws?.root === true ? 'root' : aws?.iamUser != null ? 'iam-user' : 'unknown',
  );
  const [iamUser, setIamUser] = useState(aws?.iamUser ?? '');
  const [deviceName, setDeviceName] = useState(aws?.deviceName ?? device.accountName);
  const [serialArn, setSerialArn] = useState(aws?.serialArn ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const suggestion = suggestSerialArn(accountId, deviceName);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const input: AwsEditInput = {
      accountId: orNull(accountId),
      alias: orNull(alias),
      deviceName,
      principal:
        principal === 'iam-user'
          ? { kind: 'iam-user', userName: iamUser }
          : principal === 'root'
            ? { kind: 'root' }
            : { kind: 'unknown' },
      serialArn: orNull(serialArn),
    };
    setBusy(true);
    try {
      const outcome = await api.devices.editAws(device.id, input);
      if (outcome.ok) {
        onSaved();
        return;
      }
      setError(outcome.message);
    } catch {
      setError('Could not save the AWS details. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const edited = (set: (value: string) => void) => (value: string) => {
    set(value);
    setError(undefined);
  };

  return (
    <Dialog title="Edit AWS details" onClose={onClose}>
      <form className="form" onSubmit={event => void submit(event)} noValidate>
        <div className="form__row">
          <Field label="AWS account ID" hint="12 digits">
            {control => (
              <input
                {...control}
                className="input input--mono"
                value={accountId}
                maxLength={32}
                inputMode="numeric"
                autoComplete="off"
                placeholder="123456789012"
                onChange={event => {
                  edited(setAccountId)(event.target.value);
                }}
              />
            )}
          </Field>
          <Field label="Account alias" hint="Optional">
            {control => (
              <input
                {...control}
                className="input"
                value={alias}
                maxLength={64}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="e.g. acme-prod"
                onChange={event => {
                  edited(setAlias)(event.target.value);
                }}
              />
            )}
          </Field>
        </div>
        <PrincipalChoice
          kind={principal}
          onKindChange={kind => {
            setPrincipal(kind);
            setError(undefined);
          }}
          userName={iamUser}
          onUserNameChange={edited(setIamUser)}
        />
        <Field label="MFA device name" hint="As shown in IAM, under Multi-factor authentication">
          {control => (
            <input
              {...control}
              className="input"
              value={deviceName}
              maxLength={128}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              onChange={event => {
                edited(setDeviceName)(event.target.value);
              }}
            />
          )}
        </Field>
        <Field
          label="Serial number (ARN)"
          hint={
            suggestion === null
              ? 'In IAM, under the device’s Identifier. Enter the account ID to get a suggestion.'
              : 'In IAM, under the device’s Identifier. “Suggest” fills in the usual one.'
          }
        >
          {control => (
            <div className="input-group">
              <input
                {...control}
                className="input input--mono"
                value={serialArn}
                maxLength={1024}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="arn:aws:iam::123456789012:mfa/name"
                onChange={event => {
                  edited(setSerialArn)(event.target.value);
                }}
              />
              <button
                type="button"
                className="button"
                disabled={suggestion === null}
                onClick={() => {
                  if (suggestion !== null) {
                    edited(setSerialArn)(suggestion);
                  }
                }}
              >
                Suggest
              </button>
            </div>
          )}
        </Field>
        {error !== undefined && (
          <p className="form__error" role="alert">
            {error}
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
