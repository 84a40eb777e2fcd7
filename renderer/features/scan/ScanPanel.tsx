/**
 * Scan a QR code (renderer): the sources — the screen, a camera, an image file (picker or drag
 * and drop) or a pasted image — then the results to confirm. Self-contained: the owner only
 * learns which devices were added (`onAdded`) or that the user gave up (`onCancel`).
 */
import { useState } from 'react';
import type { ScanOutcome } from '../../../preload/contract/scanChannels';
import { CameraScanner } from './CameraScanner';
import { ImageScan } from './ImageScan';
import { ScanResults, type AddedDevices } from './ScanResults';
import { ScreenScanButton } from './ScreenScanButton';
import './scan.css';

export type { AddedDevices } from './ScanResults';

interface ScanPanelProps {
  readonly onAdded: (added: AddedDevices) => void;
  readonly onCancel: () => void;
}

type View =
  | { readonly kind: 'sources'; readonly message?: { tone: 'info' | 'danger'; text: string } }
  | { readonly kind: 'camera' }
  | { readonly kind: 'results'; readonly outcome: Extract<ScanOutcome, { status: 'found' }> };

export function ScanPanel({ onAdded, onCancel }: ScanPanelProps) {
  const [view, setView] = useState<View>({ kind: 'sources' });

  const show = (outcome: ScanOutcome): void => {
    if (outcome.status === 'found') setView({ kind: 'results', outcome });
    else {
      setView({
        kind: 'sources',
        message: { tone: outcome.status === 'none' ? 'info' : 'danger', text: outcome.message },
      });
    }
  };

  if (view.kind === 'results') {
    return (
      <ScanResults
        key={view.outcome.token}
        outcome={view.outcome}
        onAdded={onAdded}
        onBack={() => {
          setView({ kind: 'sources' });
        }}
      />
    );
  }
  if (view.kind === 'camera') {
    return (
      <CameraScanner
        onOutcome={show}
        onCancel={() => {
          setView({ kind: 'sources' });
        }}
      />
    );
  }
  return (
    <div className="scan-panel">
      {view.message !== undefined && (
        <p
          className={`scan-message scan-message--${view.message.tone}`}
          role={view.message.tone === 'danger' ? 'alert' : 'status'}
        >
          {view.message.text}
        </p>
      )}
      <div className="scan-source">
        <ScreenScanButton onOutcome={show} />
        <p className="scan-source__hint" id="scan-screen-hint">
          Open the page that shows the QR code (for AWS: Assign MFA device → Authenticator app →
          Show QR code), then scan. Tessera hides itself while it looks.
        </p>
      </div>
      <div className="scan-source">
        <button
          type="button"
          className="button scan-source__button"
          aria-describedby="scan-camera-hint"
          onClick={() => {
            setView({ kind: 'camera' });
          }}
        >
          Use camera
        </button>
        <p className="scan-source__hint" id="scan-camera-hint">
          Hold a phone or printed code up to your camera.
        </p>
      </div>
      <ImageScan onOutcome={show} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
