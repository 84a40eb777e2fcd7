/**
 * "Scan screen" (renderer): asks main to grab every display (the Tessera window hides itself
 * meanwhile) and decode every QR code on them. Reports the outcome; shows nothing else.
 */
import { useState } from 'react';
import type { ScanOutcome } from '../../../preload/contract/scanChannels';
import { useBridge } from '../../lib/bridge';

interface ScreenScanButtonProps {
  readonly onOutcome: (outcome: ScanOutcome) => void;
}

export function ScreenScanButton({ onOutcome }: ScreenScanButtonProps) {
  const api = useBridge();
  const [busy, setBusy] = useState(false);
  const scan = async (): Promise<void> => {
    setBusy(true);
    try {
      onOutcome(await api.scan.screen());
    } catch {
      onOutcome({
        status: 'failed',
        reason: 'decode-failed',
        message: 'The screen could not be scanned. Try again.',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="button button--primary scan-source__button"
      aria-describedby="scan-screen-hint"
      disabled={busy}
      onClick={() => void scan()}
    >
      {busy ? 'Scanning the screen…' : 'Scan screen'}
    </button>
  );
}
