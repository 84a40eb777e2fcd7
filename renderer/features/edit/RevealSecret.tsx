/**
 * "Secret key" in the Edit dialog (renderer): shows a device's secret and its QR code — to move
 * the device to another authenticator — only after an explicit confirmation, and hides them
 * again when the window loses focus, after main's time limit, or when the dialog closes. "Copy
 * secret" goes through main, which clears the clipboard like it does for codes.
 */
import { useEffect, useId, useRef } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { deviceTitle } from '../../lib/deviceText';
import { Icon } from '../../ui/Icon';
import { useToast } from '../../ui/useToast';
import { useRevealedSecret, type HiddenBecause } from './useRevealedSecret';

function hiddenNote(because: HiddenBecause, afterMs: number | undefined): string {
  switch (because) {
    case null:
      return '';
    case 'blur':
      return 'Hidden again: the window lost focus.';
    case 'timeout':
      return `Hidden again after ${String(Math.round((afterMs ?? 0) / 1000))} seconds.`;
    case 'user':
      return 'Hidden.';
  }
}

export function RevealSecret({ device }: { readonly device: DeviceView }) {
  const api = useBridge();
  const toast = useToast();
  const headingId = useId();
  const warningId = useId();
  const { state, ask, cancel, confirm, hide } = useRevealedSecret(device.id);
  const showRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const title = deviceTitle(device);
  const stage = state.stage;
  const because = state.stage === 'hidden' ? state.because : null;

  // Focus follows the step: the safe choice when asked, the secret's actions once shown, and
  // back to "Show secret…" when the user hid it (not on blur: focus is elsewhere then).
  useEffect(() => {
    if (stage === 'confirming') cancelRef.current?.focus();
    if (stage === 'shown') copyRef.current?.focus();
    if (stage === 'hidden' && (because === 'user' || because === 'timeout')) {
      if (document.activeElement === document.body) showRef.current?.focus();
    }
  }, [stage, because]);

  const copy = async (): Promise<void> => {
    try {
      const outcome = await api.devices.copySecret(device.id, { confirmed: true });
      toast(
        outcome.ok
          ? {
              tone: 'success',
              message:
                outcome.clearAfterMs === null
                  ? 'Secret copied'
                  : `Secret copied — the clipboard is cleared in ${String(Math.round(outcome.clearAfterMs / 1000))} s`,
              key: 'copy',
            }
          : { tone: 'error', message: outcome.message, key: 'copy' },
      );
    } catch {
      toast({ tone: 'error', message: 'Could not copy the secret. Try again.', key: 'copy' });
    }
  };

  if (device.secretStatus !== 'ok') {
    return null;
  }

  return (
    <section className="secret" aria-labelledby={headingId}>
      <h3 id={headingId} className="secret__title">
        <Icon name="key" />
        Secret key
      </h3>
      {state.stage === 'hidden' && (
        <>
          <p className="secret__text">
            To move this device to another authenticator app, show its secret and QR code.
          </p>
          {state.error !== undefined && (
            <p className="form__error" role="alert">
              {state.error}
            </p>
          )}
          <div className="secret__actions">
            <button ref={showRef} type="button" className="button" onClick={ask}>
              Show secret…
            </button>
          </div>
        </>
      )}
      {state.stage === 'confirming' && (
        <div
          className="secret__confirm"
          role="group"
          aria-labelledby={headingId}
          aria-describedby={warningId}
        >
          <p id={warningId} className="secret__warning">
            <Icon name="warning" />
            <span>
              Anyone who sees the secret of {title} — over your shoulder, in a screenshot or a
              screen share — can make its codes. It is hidden again when this window loses focus,
              and after 30 seconds.
            </span>
          </p>
          <div className="secret__actions">
            <button ref={cancelRef} type="button" className="button" onClick={cancel}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => void confirm()}>
              Show secret
            </button>
          </div>
        </div>
      )}
      {state.stage === 'loading' && <p className="secret__text">Reading the keychain…</p>}
      {state.stage === 'shown' && (
        <div className="secret__shown">
          <img
            className="secret__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.revealed.qrSvg)}`}
            alt={`QR code with the secret of ${title}, for another authenticator app`}
            width={200}
            height={200}
          />
          <div className="secret__details">
            <p className="secret__label">Secret (base32)</p>
            <p className="secret__value">{state.revealed.secret}</p>
            <div className="secret__actions">
              <button ref={copyRef} type="button" className="button" onClick={() => void copy()}>
                <Icon name="copy" />
                Copy secret
              </button>
              <button type="button" className="button" onClick={hide}>
                Hide
              </button>
            </div>
          </div>
        </div>
      )}
      <p className="secret__note" role="status">
        {hiddenNote(because, state.stage === 'hidden' ? state.afterMs : undefined)}
      </p>
    </section>
  );
}
