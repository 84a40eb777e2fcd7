/**
 * One group of devices (renderer): an AWS account, an issuer, a custom group or "Recovered".
 * A `<section>` named by its heading (the group label), as end-to-end tests expect. An AWS
 * account's header links to its console sign-in page, and warns when a user has more MFA
 * devices recorded than AWS allows.
 */
import { useId, useMemo } from 'react';
import { groupAccount } from '../../lib/awsText';
import type { DeviceGroupView } from '../../lib/deviceText';
import { countDevices } from '../../lib/messages';
import { ConsoleLink } from '../aws/ConsoleLink';
import { MfaLimitNote } from '../aws/MfaLimitNote';
import type { CodesStore } from './codesStore';
import { DeviceRow } from './DeviceRow';
import type { RowActions } from './rowActions';

interface DeviceGroupSectionProps {
  readonly entry: DeviceGroupView;
  readonly codes: CodesStore;
  readonly highlightId: string | undefined;
  readonly actions: RowActions;
}

export function DeviceGroupSection({
  entry: { group, devices },
  codes,
  highlightId,
  actions,
}: DeviceGroupSectionProps) {
  const headingId = useId();
  const account = useMemo(() => groupAccount(devices), [devices]);
  return (
    <section className={`group group--${group.kind}`} aria-labelledby={headingId}>
      <div className="group__header">
        <h2 id={headingId} className="group__title">
          {group.label}
        </h2>
        <span className="group__count">{countDevices(devices.length)}</span>
        {group.kind === 'aws' && <ConsoleLink account={account} />}
      </div>
      {group.kind === 'aws' && <MfaLimitNote devices={devices} />}
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
            actions={actions}
          />
        ))}
      </ul>
    </section>
  );
}
