/**
 * The "Add device" dialog (renderer): scan a QR code, paste an otpauth:// URI or enter the
 * details by hand.
 * Switching tabs unmounts the other form, so a half-typed secret does not linger.
 */
import { useState } from 'react';
import type { AddOutcome } from '../../../preload/contract/contract';
import { Dialog } from '../../ui/Dialog';
import { Tabs } from '../../ui/Tabs';
import { ScanPanel } from '../scan/ScanPanel';
import { ManualForm } from './ManualForm';
import { UriForm } from './UriForm';

type Added = Extract<AddOutcome, { ok: true }>;
type Tab = 'scan' | 'uri' | 'manual';

const TABS = [
  { id: 'scan', label: 'Scan QR code' },
  { id: 'uri', label: 'Paste URI' },
  { id: 'manual', label: 'Enter manually' },
] as const;

interface AddDeviceDialogProps {
  readonly onClose: () => void;
  readonly onAdded: (outcome: Added) => void;
}

export function AddDeviceDialog({ onClose, onAdded }: AddDeviceDialogProps) {
  const [tab, setTab] = useState<Tab>('uri');
  // Focus the URI field when the dialog opens (paste at once), not after a tab switch.
  const [switched, setSwitched] = useState(false);
  const select = (next: Tab): void => {
    setSwitched(true);
    setTab(next);
  };
  return (
    <Dialog title="Add device" onClose={onClose}>
      <Tabs label="How to add the device" tabs={TABS} selected={tab} onSelect={select}>
        {tab === 'scan' ? (
          <ScanPanel
            onAdded={added => {
              // One device: the usual toast and highlight; a batch was summed up in the panel.
              const [only] = added;
              if (added.length === 1 && only !== undefined) onAdded({ ok: true, ...only });
              else onClose();
            }}
            onCancel={onClose}
          />
        ) : tab === 'uri' ? (
          <UriForm focusOnMount={!switched} onAdded={onAdded} onCancel={onClose} />
        ) : (
          <ManualForm onAdded={onAdded} onCancel={onClose} />
        )}
      </Tabs>
    </Dialog>
  );
}
