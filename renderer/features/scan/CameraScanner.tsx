/**
 * Camera source (renderer): getUserMedia with a live preview; frames become luminance here and
 * go to main one at a time (the next only after the previous answer, at most ~12 per second)
 * until a code is found or the user cancels. Main grants camera access only while this is
 * open (`scan.allowCamera`). Nothing is recorded or stored.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScanOutcome } from '../../../preload/contract/scanChannels';
import { useBridge } from '../../lib/bridge';
import { cameraMessage, cameraProblem } from './cameraErrors';
import { drawToLuma, fitFrame } from './luminance';

/** Minimum time between two frames sent (≈ 12 fps). */
const FRAME_INTERVAL_MS = 80;

interface CameraScannerProps {
  /** A code was found (or scanning failed for good): the scanner has stopped. */
  readonly onOutcome: (outcome: ScanOutcome) => void;
  readonly onCancel: () => void;
}

type CameraState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'scanning'; readonly hint: string | null }
  | { readonly kind: 'problem'; readonly message: string };

export function CameraScanner({ onOutcome, onCancel }: CameraScannerProps) {
  const api = useBridge();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const onOutcomeRef = useRef(onOutcome);
  useEffect(() => {
    onOutcomeRef.current = onOutcome;
  });

  useEffect(() => {
    // An object, not a boolean: the loop reads it after awaits, when cleanup may have run.
    const run = { stopped: false };
    const stopped = (): boolean => run.stopped;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const canvas = new OffscreenCanvas(1, 1);

    const loop = async (): Promise<void> => {
      const video = videoRef.current;
      if (stopped() || video === null) return;
      const started = performance.now();
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const size = fitFrame(video.videoWidth, video.videoHeight);
        const frame = drawToLuma(video, size.width, size.height, canvas);
        let outcome: ScanOutcome;
        try {
          outcome = await api.scan.frame({ source: 'camera', ...frame });
        } catch {
          outcome = { status: 'none', message: '' };
        }
        if (stopped()) {
          if (outcome.status === 'found') void api.scan.discard(outcome.token);
          return;
        }
        if (outcome.status !== 'none') {
          run.stopped = true;
          onOutcomeRef.current(outcome);
          return;
        }
        setState(current =>
          current.kind === 'scanning' && current.hint === outcome.message
            ? current
            : { kind: 'scanning', hint: outcome.message || null },
        );
      }
      const wait = Math.max(0, FRAME_INTERVAL_MS - (performance.now() - started));
      timer = setTimeout(() => void loop(), wait);
    };

    const start = async (): Promise<void> => {
      try {
        await api.scan.allowCamera(true);
        // Absent outside secure contexts and on systems without media support.
        const devices = navigator.mediaDevices as MediaDevices | undefined;
        if (devices === undefined) throw new DOMException('no media devices', 'NotFoundError');
        stream = await devices.getUserMedia({
          audio: false,
          video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
        });
      } catch (error) {
        if (!stopped()) setState({ kind: 'problem', message: cameraMessage(cameraProblem(error)) });
        return;
      }
      if (stopped()) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      const video = videoRef.current;
      if (video === null) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      setState({ kind: 'scanning', hint: null });
      void loop();
    };

    void start();
    return () => {
      run.stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void api.scan.allowCamera(false);
    };
  }, [api]);

  return (
    <div className="scan-camera">
      <div
        className={`scan-camera__frame${state.kind === 'problem' ? ' scan-camera__frame--off' : ''}`}
      >
        <video
          ref={videoRef}
          className="scan-camera__video"
          aria-label="Camera preview"
          muted
          playsInline
          data-testid="camera-preview"
        />
        {state.kind !== 'scanning' && <div className="scan-camera__cover" aria-hidden="true" />}
      </div>
      <p className="scan-camera__status" role="status">
        {state.kind === 'starting'
          ? 'Starting the camera…'
          : state.kind === 'scanning'
            ? (state.hint ?? 'Looking for a QR code… Hold it steady in front of the camera.')
            : ''}
      </p>
      {state.kind === 'problem' && (
        <p className="scan-message scan-message--danger" role="alert">
          {state.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {state.kind === 'problem' ? 'Back' : 'Stop camera'}
        </button>
      </div>
    </div>
  );
}
