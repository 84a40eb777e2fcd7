/**
 * The "Add device" dialog (renderer): pick a source (scan screen, camera, image file, paste URI,
 * manual entry — see sources.ts), then check main's preview of what will be stored, with its
 * duplicate and other warnings, then add. The source panel stays mounted (hidden) during the
 * preview so "Back" returns to what was typed; switching sources unmounts the other panel, so a
 * half-typed secret does not linger.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { AddOutcome } from '../../../preload/contract/contract';
import type { PreviewOutcome } from '../../../preload/contract/editChannels';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Tabs } from '../../ui/Tabs';
import { ManualForm } from './ManualForm';
import { ScanSourcePanel, type AddedDevices, type ScanSource } from '../scan/ScanSourcePanel';
import { PreviewPanel } from './PreviewPanel';
import type { CandidateFailure, SourcePanelProps } from './sourcePanel';
import { ADD_SOURCES, defaultSource, type Candidate, type SourceId } from './sources';
import { UriForm } from './UriForm';
import './add.css';

type Added = Extract<AddOutcome, { ok: true }>;
type Preview = Extract<PreviewOutcome, { ok: true }>;

/** The panels of the sources that end in a Candidate for main's preview. */
const PANELS: Partial<Record<SourceId, ComponentType<SourcePanelProps>>> = {
  uri: UriForm,
  manual: ManualForm,
};

/** The scan sources preview and confirm in their own panel: main keeps the decoded text. */
const isScanSource = (id: SourceId): id is ScanSource =>
  id === 'screen' || id === 'camera' || id === 'file';

interface AddDeviceDialogProps {
  readonly onClose: () => void;
  readonly onAdded: (outcome: Added) => void;
}

export function AddDeviceDialog({ onClose, onAdded }: AddDeviceDialogProps) {
  const api = useBridge();
  const [sourceId, setSourceId] = useState<SourceId>(defaultSource);
  // Focus the first field when the dialog opens, not after a tab switch (focus stays on the tab).
  const [switched, setSwitched] = useState(false);
  const [pending, setPending] = useState<{ candidate: Candidate; preview: Preview } | undefined>(
    undefined,
  );
  const [addError, setAddError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const sourcesRef = useRef<HTMLDivElement>(null);
  const [returned, setReturned] = useState(0);
  const source = ADD_SOURCES.find(s => s.id === sourceId) ?? ADD_SOURCES[0];
  const Panel = source?.available === true ? PANELS[sourceId] : undefined;

  // Back from the preview: focus returns to the source's "Continue", where the user left.
  useEffect(() => {
    if (returned > 0) {
      sourcesRef.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus();
    }
  }, [returned]);

  const select = (next: SourceId): void => {
    setSwitched(true);
    setSourceId(next);
  };

  const submit = async (candidate: Candidate): Promise<CandidateFailure | undefined> => {
    const outcome =
      candidate.kind === 'uri'
        ? await api.devices.previewUri(candidate.uri)
        : await api.devices.previewManual(candidate.input);
    if (!outcome.ok) return outcome;
    setAddError(undefined);
    setPending({ candidate, preview: outcome });
    return undefined;
  };

  const confirm = async (): Promise<void> => {
    if (pending === undefined) return;
    const { candidate } = pending;
    setBusy(true);
    try {
      const outcome =
        candidate.kind === 'uri'
          ? await api.devices.addFromUri(candidate.uri)
          : await api.devices.addManual(candidate.input);
      if (outcome.ok) {
        onAdded(outcome);
        return;
      }
      setAddError(outcome.message);
    } catch {
      setAddError('Could not add the device. Try again.');
    } finally {
      setBusy(false);
    }
  };

  // One device: the usual toast and highlight; several were summed up in the scan panel.
  const scanned = (added: AddedDevices): void => {
    const [only] = added;
    if (added.length === 1 && only !== undefined) onAdded({ ok: true, ...only });
    else onClose();
  };

  return (
    <Dialog title="Add device" placement="top" onClose={onClose}>
      <div ref={sourcesRef} className="add-source" hidden={pending !== undefined}>
        <Tabs
          label="How to add the device"
          tabs={ADD_SOURCES}
          selected={sourceId}
          onSelect={select}
        >
          {source !== undefined && <p className="add-source__description">{source.description}</p>}
          {isScanSource(sourceId) ? (
            <ScanSourcePanel
              key={sourceId}
              source={sourceId}
              focusOnMount={!switched}
              onAdded={scanned}
              onCancel={onClose}
            />
          ) : (
            Panel !== undefined && (
              <Panel focusOnMount={!switched} onSubmit={submit} onCancel={onClose} />
            )
          )}
        </Tabs>
      </div>
      {pending !== undefined && (
        <PreviewPanel
          outcome={pending.preview}
          busy={busy}
          error={addError}
          onBack={() => {
            setPending(undefined);
            setReturned(count => count + 1);
          }}
          onConfirm={() => void confirm()}
        />
      )}
    </Dialog>
  );
}
