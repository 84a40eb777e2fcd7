/**
 * The AWS part of the Edit dialog (renderer): account ID and alias, whose device it is, the MFA
 * device name and the serial ARN — with the usual ARN (`arn:aws:iam::<account>:mfa/<name>`)
 * offered as a one-click suggestion. Main validates them against each other when saving.
 */
import type { EditField } from '../../../preload/contract/editChannels';
import { suggestSerialArn } from '../../lib/awsText';
import { Field } from '../../ui/Field';
import type { EditFormState } from './editForm';
import { PrincipalChoice } from './PrincipalChoice';

type Errors = Partial<Record<EditField | 'form', string>>;

interface AwsFieldsProps {
  readonly form: EditFormState;
  readonly errors: Errors;
  readonly onChange: (change: Partial<EditFormState>, field: EditField) => void;
}

const TEXT_INPUT = {
  autoComplete: 'off',
  autoCapitalize: 'off',
  spellCheck: false,
} as const;

export function AwsFields({ form, errors, onChange }: AwsFieldsProps) {
  const suggestion = suggestSerialArn(form.accountId, form.deviceName);
  const suggestionUsed = suggestion !== null && form.serialArn.trim() === suggestion;
  return (
    <div className="edit-aws">
      <div className="form__row">
        <Field label="AWS account ID" hint="12 digits" error={errors.accountId}>
          {control => (
            <input
              {...control}
              {...TEXT_INPUT}
              className="input input--mono"
              value={form.accountId}
              maxLength={32}
              inputMode="numeric"
              placeholder="123456789012"
              onChange={event => {
                onChange({ accountId: event.target.value }, 'accountId');
              }}
            />
          )}
        </Field>
        <Field label="Account alias" hint="Optional" error={errors.alias}>
          {control => (
            <input
              {...control}
              {...TEXT_INPUT}
              className="input"
              value={form.alias}
              maxLength={64}
              placeholder="e.g. acme-prod"
              onChange={event => {
                onChange({ alias: event.target.value }, 'alias');
              }}
            />
          )}
        </Field>
      </div>
      <PrincipalChoice
        kind={form.principal}
        onKindChange={principal => {
          onChange({ principal }, 'userName');
        }}
        userName={form.userName}
        onUserNameChange={userName => {
          onChange({ userName }, 'userName');
        }}
        userNameError={errors.userName}
      />
      <Field
        label="MFA device name"
        hint="As shown in IAM, under Multi-factor authentication"
        error={errors.deviceName}
      >
        {control => (
          <input
            {...control}
            {...TEXT_INPUT}
            className="input"
            value={form.deviceName}
            maxLength={512}
            onChange={event => {
              onChange({ deviceName: event.target.value }, 'deviceName');
            }}
          />
        )}
      </Field>
      <Field
        label="Serial number (ARN)"
        error={errors.serialArn}
        hint={
          suggestion === null ? (
            'In IAM, the device’s Identifier. Enter the account ID for a suggestion.'
          ) : suggestionUsed ? (
            'The usual ARN for this account and device name. Check it against IAM.'
          ) : (
            <>
              Suggested: <span className="edit-aws__suggestion">{suggestion}</span>
            </>
          )
        }
      >
        {control => (
          <div className="input-group">
            <input
              {...control}
              {...TEXT_INPUT}
              className="input input--mono"
              data-field="serialArn"
              value={form.serialArn}
              maxLength={1024}
              placeholder="arn:aws:iam::123456789012:mfa/name"
              onChange={event => {
                onChange({ serialArn: event.target.value }, 'serialArn');
              }}
            />
            <button
              type="button"
              className="button"
              disabled={suggestion === null || suggestionUsed}
              onClick={() => {
                if (suggestion !== null) onChange({ serialArn: suggestion }, 'serialArn');
              }}
            >
              Use suggestion
            </button>
          </div>
        )}
      </Field>
    </div>
  );
}
