/** A live line saying what main is doing during a slow step (renderer). */
import type { ProgressView } from '../../../preload/contract/backupChannels';
import { progressText } from './backupText';

export function Progress({
  busy,
  progress,
}: {
  readonly busy: boolean;
  readonly progress: ProgressView | undefined;
}) {
  return (
    <p className="transfer__progress" role="status" aria-live="polite">
      {busy && (
        <>
          <span className="transfer__spinner" aria-hidden="true" />
          {progressText(progress?.step ?? 'reading')}
          {progress?.step === 'storing' && progress.total !== undefined && progress.total > 0
            ? ` ${progress.done ?? 0} of ${progress.total}`
            : ''}
        </>
      )}
    </p>
  );
}
