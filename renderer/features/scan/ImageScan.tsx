/**
 * Image file and pasted image sources (renderer): a file picker, a drop zone for dragged files,
 * and Ctrl/Cmd+V of an image anywhere while this is shown. The image is decoded here to
 * luminance (createImageBitmap + OffscreenCanvas) and only the pixels go to main.
 */
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { ScanOutcome } from '../../../preload/contract/scanChannels';
import { useBridge } from '../../lib/bridge';
import { IMAGE_TYPES, ImageReadError, imageToLuma } from './luminance';

interface ImageScanProps {
  readonly onOutcome: (outcome: ScanOutcome) => void;
}

export function ImageScan({ onOutcome }: ImageScanProps) {
  const api = useBridge();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const onOutcomeRef = useRef(onOutcome);
  useEffect(() => {
    onOutcomeRef.current = onOutcome;
  });

  const scanBlob = useCallback(
    async (blob: Blob, source: 'file' | 'paste'): Promise<void> => {
      setBusy(true);
      try {
        const frame = await imageToLuma(blob);
        onOutcomeRef.current(await api.scan.frame({ source, ...frame }));
      } catch (error) {
        onOutcomeRef.current({
          status: 'failed',
          reason: 'frame-rejected',
          message:
            error instanceof ImageReadError
              ? error.message
              : 'The image could not be scanned. Try again.',
        });
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  // Paste: an image on the clipboard (a screenshot tool's copy, "Copy image" in a browser).
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const item = [...(event.clipboardData?.items ?? [])].find(
        entry => entry.kind === 'file' && entry.type.startsWith('image/'),
      );
      const file = item?.getAsFile();
      if (file === null || file === undefined) return;
      event.preventDefault();
      void scanBlob(file, 'paste');
    };
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('paste', onPaste);
    };
  }, [scanBlob]);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void scanBlob(file, 'file');
  };

  return (
    <div
      className={`scan-drop${dragging ? ' scan-drop--over' : ''}`}
      data-testid="scan-drop"
      onDragEnter={event => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={event => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
    >
      <p className="scan-drop__text" id={hintId}>
        {busy
          ? 'Reading the image…'
          : 'Drop a screenshot or QR code image here, or paste one with Ctrl+V (⌘V on a Mac).'}
      </p>
      <input
        ref={inputRef}
        className="scan-drop__input"
        type="file"
        accept={IMAGE_TYPES.join(',')}
        tabIndex={-1}
        aria-hidden="true"
        onChange={event => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void scanBlob(file, 'file');
        }}
      />
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        disabled={busy}
        onClick={() => inputRef.current?.click()}
      >
        Choose image file…
      </button>
    </div>
  );
}
