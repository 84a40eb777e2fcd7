/**
 * The reveal-secret state machine (renderer): hidden → confirming → shown, and back to hidden
 * when the window loses focus or is hidden, after main's time limit, or when the component
 * unmounts (the dialog closed). SECURITY: the secret lives in this hook's state only while
 * shown; every way out drops it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RevealOutcome } from '../../../preload/contract/editChannels';
import { useBridge } from '../../lib/bridge';

type Revealed = Extract<RevealOutcome, { ok: true }>;

export type HiddenBecause = 'blur' | 'timeout' | 'user' | null;

export type RevealState =
  | {
      readonly stage: 'hidden';
      readonly because: HiddenBecause;
      readonly error?: string;
      /** With `because: 'timeout'`: how long it had been shown. */
      readonly afterMs?: number;
    }
  | { readonly stage: 'confirming' }
  | { readonly stage: 'loading' }
  | { readonly stage: 'shown'; readonly revealed: Revealed };

export interface RevealControls {
  readonly state: RevealState;
  readonly ask: () => void;
  readonly cancel: () => void;
  readonly confirm: () => Promise<void>;
  readonly hide: () => void;
}

export function useRevealedSecret(deviceId: string): RevealControls {
  const api = useBridge();
  const [state, setState] = useState<RevealState>({ stage: 'hidden', because: null });
  const shown = state.stage === 'shown';
  const hideAfterMs = state.stage === 'shown' ? state.revealed.hideAfterMs : 0;

  useEffect(() => {
    if (!shown) return undefined;
    const onBlur = (): void => {
      setState({ stage: 'hidden', because: 'blur' });
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') onBlur();
    };
    const timer = window.setTimeout(() => {
      setState({ stage: 'hidden', because: 'timeout', afterMs: hideAfterMs });
    }, hideAfterMs);
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [shown, hideAfterMs]);

  const confirm = useCallback(async () => {
    setState({ stage: 'loading' });
    try {
      const outcome = await api.devices.revealSecret(deviceId, { confirmed: true });
      // The window may have lost focus while main answered: then the answer is dropped.
      if (!document.hasFocus()) {
        setState({ stage: 'hidden', because: 'blur' });
        return;
      }
      setState(
        outcome.ok
          ? { stage: 'shown', revealed: outcome }
          : { stage: 'hidden', because: null, error: outcome.message },
      );
    } catch {
      setState({ stage: 'hidden', because: null, error: 'Could not read the secret. Try again.' });
    }
  }, [api, deviceId]);

  return {
    state,
    ask: useCallback(() => {
      setState({ stage: 'confirming' });
    }, []),
    cancel: useCallback(() => {
      setState({ stage: 'hidden', because: null });
    }, []),
    confirm,
    hide: useCallback(() => {
      setState({ stage: 'hidden', because: 'user' });
    }, []),
  };
}
