/**
 * What the rest of the app needs from the clock-health feature (services layer): the status
 * view, a check on demand, and applying the measured offset to code generation.
 */
import type { ClockStatusView } from '../../preload/contract/contract';

export interface ClockHealth {
  status(): ClockStatusView;
  /** Measures now; never blocks anything else; resolves with the new status. */
  check(): Promise<ClockStatusView>;
  applyOffset(apply: boolean): Promise<ClockStatusView>;
  setServer(server: string): Promise<ClockStatusView>;
  onChange(listener: (status: ClockStatusView) => void): () => void;
  /** Starts the periodic checks (the first one soon after start-up, then every few hours). */
  start(): void;
  stop(): void;
}
