/**
 * One code of the enrollment pair (renderer): its name ("MFA code 1", as the AWS console calls
 * it), the digits (`data-testid` holds them bare; screen readers get them grouped) and a copy
 * button named "Copy MFA code 1".
 */
import { formatCode, groupCode } from '../../lib/formatCode';
import { Icon } from '../../ui/Icon';

interface EnrollmentCodeProps {
  readonly label: string;
  readonly code: string;
  readonly testId: string;
  readonly copied: boolean;
  readonly onCopy: () => void;
}

export function EnrollmentCode({ label, code, testId, copied, onCopy }: EnrollmentCodeProps) {
  return (
    <div className="enroll-code">
      <p className="enroll-code__label">{label}</p>
      <p className="enroll-code__value">
        <span className="code" data-testid={testId} aria-hidden="true">
          {groupCode(code).map((group, index) => (
            <span key={index} className="code__group">
              {group}
            </span>
          ))}
        </span>
        <span className="visually-hidden">{formatCode(code)}</span>
      </p>
      <button
        type="button"
        className={
          copied
            ? 'button button--small enroll-code__copy is-copied'
            : 'button button--small enroll-code__copy'
        }
        aria-label={`Copy ${label}`}
        onClick={onCopy}
      >
        <Icon name={copied ? 'check' : 'copy'} />
        Copy
      </button>
    </div>
  );
}
