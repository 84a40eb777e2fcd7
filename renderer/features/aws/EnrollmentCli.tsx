/**
 * The AWS CLI part of the enrollment assistant (renderer): the IAM user name the command needs
 * (prefilled from the device's AWS details), then the ready-to-paste `aws iam enable-mfa-device`
 * (or `resync-mfa-device`) command with "Copy command", or why there is none — the root user
 * uses the console only; a missing serial ARN links to "Edit AWS details".
 */
import { Fragment, useId } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import {
  commandParts,
  modeCommand,
  type EnrollmentMode,
  type EnrollmentSnapshot,
} from '../../lib/enrollment';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';

interface EnrollmentCliProps {
  readonly device: DeviceView;
  readonly mode: EnrollmentMode;
  readonly snapshot: EnrollmentSnapshot;
  readonly userName: string;
  readonly onUserNameChange: (value: string) => void;
  readonly copied: boolean;
  readonly onCopy: () => void;
  readonly onEditAws: () => void;
}

export function EnrollmentCli({
  device,
  mode,
  snapshot,
  userName,
  onUserNameChange,
  copied,
  onCopy,
  onEditAws,
}: EnrollmentCliProps) {
  const headingId = useId();
  const root = device.aws?.root === true;
  const missingSerial = !root && (device.aws?.serialArn ?? null) === null;
  const { view } = snapshot;
  const command =
    view?.status === 'ready' && !snapshot.commandStale ? modeCommand(view, mode) : null;

  let note: string | null;
  if (view?.status === 'ready') {
    note = snapshot.commandStale
      ? 'The command for this user name comes with the next pair.'
      : command === null
        ? view.commandNote
        : null;
  } else if (root) {
    note = 'The root user enables and resyncs MFA in the AWS console only.';
  } else if (missingSerial) {
    note = 'Add the serial ARN (Edit AWS details) to get a ready-to-paste AWS CLI command.';
  } else {
    note = 'The ready-to-paste command appears with the codes.';
  }

  return (
    <section className="enroll-cli" aria-labelledby={headingId}>
      <h3 id={headingId} className="enroll-cli__title">
        AWS CLI
      </h3>
      {!root && (
        <Field label="IAM user name">
          {control => (
            <input
              {...control}
              className="input"
              value={userName}
              maxLength={64}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              placeholder="e.g. alice"
              onChange={event => {
                onUserNameChange(event.target.value);
              }}
            />
          )}
        </Field>
      )}
      {command !== null ? (
        <div className="enroll-cli__command">
          <pre className="command" data-testid="enroll-command">
            <code>
              {/* Lines break between options, not inside them ("--user-" / "name"). */}
              {commandParts(command).map((part, index) => (
                <Fragment key={index}>
                  {index > 0 && ' '}
                  <span className="command__part">{part}</span>
                </Fragment>
              ))}
            </code>
          </pre>
          <button
            type="button"
            className={copied ? 'button button--small is-copied' : 'button button--small'}
            onClick={onCopy}
          >
            <Icon name={copied ? 'check' : 'copy'} />
            Copy command
          </button>
        </div>
      ) : (
        note !== null && (
          <div className="enroll-cli__note">
            <p>{note}</p>
            {missingSerial && (
              <button type="button" className="button button--small" onClick={onEditAws}>
                Edit AWS details
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}
