/**
 * One scan source of the Add dialog (renderer): the screen, the camera, or an image file (picker,
 * drag and drop, or a pasted image), then the results to confirm. Main keeps the decoded text;
 * this panel only shows previews, so it does not hand a URI to the dialog's preview step: it
 * reports the devices that were added (`onAdded`) or that the user gave up (`onCancel`).
 */
import { useEffect, useRef, useState } from 'react';
import type { ScanOutcome } from '../../../preload/contract/scanChannels';
import { CameraScanner } from './CameraScanner';
import { ImageScan } from './ImageScan';
import { ScanResults, type AddedDevices } from './ScanResults';
import { ScreenScanButton } from './ScreenScanButton';
import './scan.css';

export type { AddedDevices } from './ScanResults';
export type ScanSource = 'screen' | 'camera' | 'file';

interface ScanSourcePanelProps {
  readonly source: ScanSource;
  /** Focus the source's main control on mount (the dialog just opened). */
  readonly focusOnMount: boolean;
  readonly onAdded: (added: AddedDevices) => void;
  readonly onCancel: () => void;
}

type View =
  | { readonly kind: 'source'; readonly message?: { tone: 'info' | 'danger'; text: string } }
  | { readonly kind: 'camera' }
  | { readonly kind: 'results'; readonly outcome: Extract<ScanOutcome, { status: 'found' }> };

export function ScanSourcePanel({ source, focusOnMount, onAdded, onCancel }: ScanSourcePanelProps) {
  const [view, setView] = useState<View>({ kind: 'source' });
  const panelRef = useRef<HTMLDivElement>(null);
  const focusInitially = useRef(focusOnMount);
  useEffect(() => {
    if (focusInitially.current) panelRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  // Back from the camera or the results: focus returns to the source's button, not to <body>.
  const previousKind = useRef(view.kind);
  useEffect(() => {
    if (view.kind === 'source' && previousKind.current !== 'source') {
      panelRef.current
        ?.querySelector<HTMLElement>('.scan-source__button, .scan-drop .button')
        ?.focus();
    }
    previousKind.current = view.kind;
  }, [view.kind]);

  const show = (outcome: ScanOutcome): void => {
    if (outcome.status === 'found') setView({ kind: 'results', outcome });
    else {
      setView({
        kind: 'source',
        message: { tone: outcome.status === 'none' ? 'info' : 'danger', text: outcome.message },
      });
    }
  };
  const back = (): void => {
    setView({ kind: 'source' });
  };

  if (view.kind === 'results') {
    return (
      <ScanResults
        key={view.outcome.token}
        outcome={view.outcome}
        onAdded={onAdded}
        onBack={back}
      />
    );
  }
  if (view.kind === 'camera') return <CameraScanner onOutcome={show} onCancel={back} />;
  return (
    <div ref={panelRef} className="scan-panel">
      {view.message !== undefined && (
        <p
          className={`scan-message scan-message--${view.message.tone}`}
          role={view.message.tone === 'danger' ? 'alert' : 'status'}
        >
          {view.message.text}
        </p>
      )}
      {source === 'screen' && (
        <div className="scan-source">
          <ScreenScanButton onOutcome={show} />
          <p className="scan-source__hint" id="scan-screen-hint">
            Open the page that shows the QR code (for AWS: Assign MFA device → Authenticator app →
            Show QR code), then scan. Tessera hides itself while it looks.
          </p>
        </div>
      )}
      {source === 'camera' && (
        <div className="scan-source">
          <button
            type="button"
            className="button button--primary scan-source__button"
            aria-describedby="scan-camera-hint"
            onClick={() => {
              setView({ kind: 'camera' });
            }}
          >
            Start camera
          </button>
          <p className="scan-source__hint" id="scan-camera-hint">
            The camera runs only while this is open, and nothing is recorded.
          </p>
        </div>
      )}
      {source === 'file' && <ImageScan onOutcome={show} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
