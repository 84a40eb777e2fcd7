/**
 * One section of the list (renderer): Favourites, an AWS account, an issuer, a custom group or
 * "Recovered". A `<section>` named by its heading (the group label), as end-to-end tests
 * expect; the heading holds the disclosure button that collapses it (remembered in settings).
 * An AWS account's header links to its console sign-in page, counts its devices per IAM user
 * and root, and warns when a user has more MFA devices recorded than AWS allows. While a search
 * runs, collapsed sections open to show their matches, and rows that do not match are hidden.
 */
import { memo, useId, useMemo } from 'react';
import { groupAccount } from '../../lib/awsText';
import { countDevices } from '../../lib/messages';
import { ListIcon } from '../../ui/ListIcon';
import { ConsoleLink } from '../aws/ConsoleLink';
import { MfaLimitNote } from '../aws/MfaLimitNote';
import type { CodesStore } from './codesStore';
import { DeviceRow } from './DeviceRow';
import { principalCounts, type ListSection } from './listModel';
import type { RowActions } from './rowActions';

interface DeviceGroupSectionProps {
  readonly section: ListSection;
  /** Ids matching the search, or null when there is no search. */
  readonly matches: ReadonlySet<string> | null;
  readonly collapsed: boolean;
  readonly onToggle: (key: string) => void;
  readonly codes: CodesStore;
  readonly highlightId: string | undefined;
  readonly actions: RowActions;
  /** Manual order: rows can be dragged. */
  readonly reorderable: boolean;
}

export const DeviceGroupSection = memo(function DeviceGroupSection({
  section,
  matches,
  collapsed,
  onToggle,
  codes,
  highlightId,
  actions,
  reorderable,
}: DeviceGroupSectionProps) {
  const headingId = useId();
  const listId = useId();
  const { devices, members, kind } = section;
  const account = useMemo(() => groupAccount(members), [members]);
  const principals = useMemo(
    () => (kind === 'aws' ? principalCounts(members) : []),
    [members, kind],
  );
  const shown = matches === null ? devices.length : devices.filter(d => matches.has(d.id)).length;
  const searching = matches !== null;
  const open = !collapsed || searching;

  return (
    <section
      className={`group group--${kind}${open ? '' : ' group--collapsed'}`}
      aria-labelledby={headingId}
      data-section-key={section.key}
      hidden={searching && shown === 0}
    >
      <div className="group__header">
        <h2 id={headingId} className="group__title">
          <button
            type="button"
            className="group__toggle"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            disabled={searching}
            onClick={() => {
              onToggle(section.key);
            }}
          >
            <ListIcon name="chevron" className="group__chevron" />
            {kind === 'favorites' && <ListIcon name="star" filled className="group__star" />}
            <span className="group__label">{section.label}</span>
          </button>
        </h2>
        <span className="group__count">
          {searching && shown !== devices.length
            ? `${shown} of ${countDevices(devices.length)}`
            : countDevices(devices.length)}
        </span>
        {kind === 'aws' && <ConsoleLink account={account} />}
      </div>
      {kind === 'aws' && principals.length > 0 && open && (
        <p className="group__principals">
          <span className="visually-hidden">Devices per user: </span>
          {principals.map((principal, index) => (
            <span
              key={`${principal.kind}:${principal.label}`}
              className={`principal-count principal-count--${principal.kind}`}
            >
              {principal.label}
              <span className="principal-count__n">
                <span className="visually-hidden">:</span> {principal.count}
              </span>
              {index < principals.length - 1 && <span className="visually-hidden">,</span>}
            </span>
          ))}
        </p>
      )}
      {kind === 'aws' && open && <MfaLimitNote devices={members} />}
      {kind === 'recovered' && open && (
        <p className="group__note">
          Tessera found these secrets in the keychain without their names (for example after a crash
          while saving). Their codes work; use Rename to give each one its site and account.
        </p>
      )}
      {open && (
        <ul id={listId} className="group__list">
          {devices.map(device => (
            <DeviceRow
              key={device.id}
              device={device}
              codes={codes}
              highlighted={device.id === highlightId}
              actions={actions}
              hidden={matches !== null && !matches.has(device.id)}
              inFavorites={kind === 'favorites'}
              reorderable={reorderable}
            />
          ))}
        </ul>
      )}
    </section>
  );
});
