/**
 * Transfer to a phone (renderer): a warning and an explicit confirmation first, then the QR
 * codes one at a time. The codes contain every secret: they live only in this component's state
 * and are gone when the dialog closes; nothing is saved, copied or logged.
 */
import { useRef, useState } from 'react';
import type { Result } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import './transfer.css';

type Shown = Extract<Result<'transfer.qrCodes'>, { ok: true }>;

type Step =
  | { readonly kind: 'confirm'; readonly error?: string }
  | { readonly kind: 'loading' }
  | { readonly kind: 'codes'; readonly result: Shown; readonly index: number };

interface TransferDialogProps {
  readonly deviceCount: number;
  readonly onClose: () => void;
}

/** The SVG as an image: no markup from anywhere is injected into the page. */
function svgSource(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

export function TransferDialog({ deviceCount, onClose }: TransferDialogProps) {
  const api = useBridge();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'confirm' });

  const show = async (): Promise<void> => {
    setStep({ kind: 'loading' });
    try {
      const outcome = await api.transfer.qrCodes({ confirmed: true });
      setStep(
        outcome.ok
          ? { kind: 'codes', result: outcome, index: 0 }
          : { kind: 'confirm', error: outcome.message },
      );
    } catch {
      setStep({ kind: 'confirm', error: 'Could not make the QR codes. Try again.' });
    }
  };

  if (step.kind !== 'codes') {
    const plural = deviceCount === 1 ? 'device' : 'devices';
    return (
      <Dialog
        key="confirm"
        title="Move to a phone"
        size="small"
        onClose={onClose}
        initialFocus={cancelRef}
      >
        <p className="dialog__text">
          Tessera will show QR codes holding the secrets of your {deviceCount} {plural}. Anyone who
          sees or photographs them can make your codes. Show them only where nobody can see your
          screen, and close this window when you are done.
        </p>
        <p className="dialog__text transfer__how">
          On the phone, in Google Authenticator, choose <strong>Transfer accounts</strong> then{' '}
          <strong>Import accounts</strong> and scan each code.
        </p>
        {step.kind === 'confirm' && step.error !== undefined && (
          <p className="form__error" role="alert">
            {step.error}
          </p>
        )}
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={step.kind === 'loading'}
            onClick={() => void show()}
          >
            {step.kind === 'loading' ? 'Preparing…' : 'Show QR codes'}
          </button>
        </div>
      </Dialog>
    );
  }

  const { result, index } = step;
  const code = result.codes[index];
  const go = (to: number): void => {
    setStep({ kind: 'codes', result, index: to });
  };
  return (
    // A separate dialog (key): reusing the first one would close it under the new content.
    <Dialog
      key="codes"
      title="Scan with your phone"
      size="small"
      onClose={onClose}
      initialFocus={doneRef}
    >
      <p className="dialog__text" aria-live="polite">
        Code {index + 1} of {result.codes.length} · {result.accounts}{' '}
        {result.accounts === 1 ? 'account' : 'accounts'} in all
      </p>
      {code !== undefined && (
        <img
          className="transfer__qr"
          src={svgSource(code.svg)}
          alt={`Transfer QR code ${code.number} of ${code.total}`}
        />
      )}
      {result.skipped.length > 0 && (
        <details className="transfer__skipped">
          <summary>
            {result.skipped.length} {result.skipped.length === 1 ? 'device is' : 'devices are'} not
            included
          </summary>
          <ul>
            {result.skipped.map((item, i) => (
              <li key={i}>
                <strong>{item.label}</strong>: {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog__actions">
        {result.codes.length > 1 && (
          <>
            <button
              type="button"
              className="button"
              disabled={index === 0}
              onClick={() => {
                go(index - 1);
              }}
            >
              Previous
            </button>
            <button
              type="button"
              className="button"
              disabled={index === result.codes.length - 1}
              onClick={() => {
                go(index + 1);
              }}
            >
              Next
            </button>
          </>
        )}
        <button ref={doneRef} type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
