/** What the Add dialog gives each source's panel (renderer): the scan components implement it too. */
import type { AddFailure } from '../../../preload/contract/contract';
import type { Candidate } from './sources';

/** Why main refused a candidate, for the panel to show next to what the user entered. */
export interface CandidateFailure {
  readonly reason: AddFailure;
  readonly message: string;
}

export interface SourcePanelProps {
  /** Focus the panel's first field on mount (the dialog just opened), not after a tab switch. */
  readonly focusOnMount: boolean;
  /**
   * Hands a candidate to the dialog, which asks main for a preview and shows it. Resolves to
   * main's refusal (the panel shows it and stays), or undefined once the preview is showing.
   */
  readonly onSubmit: (candidate: Candidate) => Promise<CandidateFailure | undefined>;
  readonly onCancel: () => void;
}
