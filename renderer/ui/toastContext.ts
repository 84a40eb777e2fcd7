/**
 * Shared toast queue (renderer UI): the context the ToastProvider fills and `useToast` reads.
 */
import { createContext } from 'react';

export type ToastTone = 'success' | 'error' | 'warning' | 'info';

export interface ToastInput {
  readonly message: string;
  /** Extra lines shown under the message (e.g. warnings about a device just added). */
  readonly details?: readonly string[];
  readonly tone: ToastTone;
  /** Replaces a visible toast with the same key instead of stacking (e.g. repeated copies). */
  readonly key?: string;
  /** How long it stays; `null` keeps it until dismissed. Default 4 s (8 s with details). */
  readonly durationMs?: number | null;
  /**
   * Announced to screen readers but not drawn: for outcomes already shown where they happened
   * (e.g. the reuse guard's notice under the row), so no card covers the very thing it says.
   */
  readonly announceOnly?: boolean;
}

export type ShowToast = (toast: ToastInput) => void;

export const ToastContext = createContext<ShowToast>(() => {
  throw new Error('useToast() needs a <ToastProvider> above it.');
});
