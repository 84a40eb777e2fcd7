/**
 * One group of devices (renderer): an AWS account, an issuer, a custom group or "Recovered".
 * A `<section>` named by its heading (the group label), as end-to-end tests expect.
 */
import { useId } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import type { DeviceGroupView } from '../../lib/deviceText';
import { countDevices } from '../../lib/messages';
import type { CodesStore } from './codesStore';
import { DeviceRow } from './DeviceRow';

interface DeviceGroupSectionProps {
  readonly entry: DeviceGroupView;
  readonly codes: CodesStore;
  readonly highlightId: string | undefined;
  readonly onRename: (device: DeviceView) => void;
  readonly onDelete: (device: DeviceView) => void;
}

export function DeviceGroupSection({
  entry: { group, devices },
  codes,
  highlightId,
  onRename,
  onDelete,
}: DeviceGroupSectionProps) {
  const headingId = useId();
  return (
    <section className={`group group--${group.kind}`} aria-labelledby={headingId}>
      <div className="group__header">
        <h2 id={headingId} className="group__title">
          {group.label}
        </h2>
        <span className="group__count">{countDevices(devices.length)}</span>
      </div>
      {group.kind === 'recovered' && (
        <p className="group__note">
          Tessera found these secrets in the keychain without their names (for example after a crash
          while saving). Their codes work; use Rename to give each one its site and account.
        </p>
      )}
      <ul className="group__list">
        {devices.map(device => (
          <DeviceRow
            key={device.id}
            device={device}
            codes={codes}
            highlighted={device.id === highlightId}
            onRename={onRename}
            onDelete={onDelete}
          />
        ))}
      </ul>
    </section>
  );
}
