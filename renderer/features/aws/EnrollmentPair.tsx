/**
 * The enrollment pair (renderer): "Submit now — N s left" (a `timer`, so it is not announced
 * every second; it turns urgent in the last 10 s), then MFA code 1 and MFA code 2 side by side.
 */
import type { EnrollmentCopyItem } from '../../../preload/contract/contract';
import type { ReadyEnrollment } from '../../lib/enrollment';
import { CountdownRing } from '../../ui/CountdownRing';
import { useSecondsLeft } from '../../ui/useSecondsLeft';
import { EnrollmentCode } from './EnrollmentCode';

/** Below this, the submit countdown is drawn in the warning colour. */
const HURRY_SECONDS = 10;

interface EnrollmentPairProps {
  readonly view: ReadyEnrollment;
  readonly copied: EnrollmentCopyItem | undefined;
  readonly onCopy: (item: EnrollmentCopyItem) => void;
}

export function EnrollmentPair({ view, copied, onCopy }: EnrollmentPairProps) {
  const seconds = useSecondsLeft(view.validUntilMs);
  const urgent = seconds <= HURRY_SECONDS;
  return (
    <div className="enroll-pair">
      <div className={urgent ? 'enroll-pair__submit is-urgent' : 'enroll-pair__submit'}>
        <CountdownRing
          key={view.validUntilMs}
          validUntilMs={view.validUntilMs}
          periodSeconds={view.periodSeconds}
          urgent={urgent}
        />
        <p role="timer" className="enroll-pair__timer">
          Submit now — {seconds} s left
        </p>
      </div>
      <div className="enroll-pair__codes">
        <EnrollmentCode
          label="MFA code 1"
          code={view.code1}
          testId="enroll-code1"
          copied={copied === 'code1'}
          onCopy={() => {
            onCopy('code1');
          }}
        />
        <EnrollmentCode
          label="MFA code 2"
          code={view.code2}
          testId="enroll-code2"
          copied={copied === 'code2'}
          onCopy={() => {
            onCopy('code2');
          }}
        />
      </div>
    </div>
  );
}
