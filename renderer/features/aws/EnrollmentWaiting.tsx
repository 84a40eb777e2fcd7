/**
 * The enrollment assistant while it waits for the next code (renderer): AWS wants code 1 of the
 * period that just ended and code 2 of the fresh one, so the pair is shown right after a
 * rollover, when code 2 has its whole period left. The countdown is a `timer` (not announced
 * every second).
 */
import { CountdownRing } from '../../ui/CountdownRing';
import { useSecondsLeft } from '../../ui/useSecondsLeft';

interface EnrollmentWaitingProps {
  readonly readyAtMs: number;
  readonly periodSeconds: number;
}

export function EnrollmentWaiting({ readyAtMs, periodSeconds }: EnrollmentWaitingProps) {
  const seconds = useSecondsLeft(readyAtMs);
  return (
    <div className="enroll-wait">
      <CountdownRing
        key={readyAtMs}
        validUntilMs={readyAtMs}
        periodSeconds={periodSeconds}
        urgent={false}
      />
      <p className="enroll-wait__text">
        <span role="timer" className="enroll-wait__time">
          Next code in {seconds} s
        </span>{' '}
        — Tessera will show the pair right after it, so you have the whole period to submit.
      </p>
    </div>
  );
}
