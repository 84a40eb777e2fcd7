/**
 * Whose MFA device it is (renderer): an IAM user (with the user name), the root user, or not
 * set — radio buttons in a fieldset ("Used by"), with the user name field under them while
 * "IAM user" is chosen.
 */
import { useId } from 'react';
import { Field } from '../../ui/Field';

export type PrincipalKind = 'iam-user' | 'root' | 'unknown';

const CHOICES: readonly { readonly kind: PrincipalKind; readonly label: string }[] = [
  { kind: 'iam-user', label: 'IAM user' },
  { kind: 'root', label: 'Root user' },
  { kind: 'unknown', label: 'Not set' },
];

interface PrincipalChoiceProps {
  readonly kind: PrincipalKind;
  readonly onKindChange: (kind: PrincipalKind) => void;
  readonly userName: string;
  readonly onUserNameChange: (value: string) => void;
  /** Main's refusal of the user name, shown under it. */
  readonly userNameError?: string | undefined;
}

export function PrincipalChoice({
  kind,
  onKindChange,
  userName,
  onUserNameChange,
  userNameError,
}: PrincipalChoiceProps) {
  const name = useId();
  return (
    <fieldset className="fieldset principal">
      <legend className="fieldset__legend">Used by</legend>
      <div className="principal__choices">
        {CHOICES.map(choice => (
          <label key={choice.kind} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.kind}
              checked={kind === choice.kind}
              onChange={() => {
                onKindChange(choice.kind);
              }}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {kind === 'iam-user' && (
        <Field label="IAM user name" error={userNameError}>
          {control => (
            <input
              {...control}
              className="input"
              value={userName}
              maxLength={64}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              placeholder="e.g. alice"
              onChange={event => {
                onUserNameChange(event.target.value);
              }}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
