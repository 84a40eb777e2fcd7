/**
 * One device in the list (renderer): names, code, countdown and actions. Clicking anywhere on
 * the row copies the code (a mouse convenience; the keyboard path is the code button). Shows
 * "Secret missing from the keychain" instead of a code when main has no seed for it, and a
 * visible warning when the label's issuer disagrees with the issuer parameter (spoofing).
 */
import { memo, useEffect, useState, type MouseEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { deviceTitle, issuerLine, primaryLine, secondaryLine } from '../../lib/deviceText';
import { copiedMessage } from '../../lib/messages';
import { BreakableText } from '../../ui/BreakableText';
import { Icon } from '../../ui/Icon';
import { MenuButton } from '../../ui/MenuButton';
import { useToast } from '../../ui/useToast';
import type { CodesStore } from './codesStore';
import { DeviceCode } from './DeviceCode';
import { IssuerAvatar } from './IssuerAvatar';

interface DeviceRowProps {
  readonly device: DeviceView;
  readonly codes: CodesStore;
  readonly highlighted: boolean;
  readonly onRename: (device: DeviceView) => void;
  readonly onDelete: (device: DeviceView) => void;
}

const COPIED_FLASH_MS = 1500;

/** Memoised: a codes push does not re-render rows, only their DeviceCode cells. */
export const DeviceRow = memo(function DeviceRow({
  device,
  codes,
  highlighted,
  onRename,
  onDelete,
}: DeviceRowProps) {
  const api = useBridge();
  const toast = useToast();
  const title = deviceTitle(device);
  const secondary = secondaryLine(device);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      setCopied(false);
    }, COPIED_FLASH_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copied]);

  const copy = async (): Promise<void> => {
    try {
      const outcome = await api.codes.copy(device.id, 'current');
      if (outcome.ok) {
        setCopied(true);
        toast({ tone: 'success', message: copiedMessage(outcome.clearAfterMs), key: 'copy' });
      } else {
        toast({ tone: 'error', message: outcome.message, key: 'copy' });
      }
    } catch {
      toast({ tone: 'error', message: 'Could not copy the code. Try again.', key: 'copy' });
    }
  };

  const advance = async (): Promise<void> => {
    try {
      const outcome = await api.codes.advanceHotp(device.id);
      if (!outcome.ok) {
        toast({ tone: 'error', message: outcome.message });
      }
    } catch {
      toast({ tone: 'error', message: 'Could not move to the next code. Try again.' });
    }
  };

  const canCopy = device.secretStatus === 'ok';

  const onRowClick = (event: MouseEvent<HTMLLIElement>): void => {
    const target = event.target as Element;
    if (!canCopy || target.closest('button, a, input, select, textarea, [role="menu"]') !== null) {
      return;
    }
    if ((window.getSelection()?.toString() ?? '') !== '') {
      return; // the user is selecting text, not asking for a copy
    }
    void copy();
  };

  const classes = [
    'row',
    canCopy ? 'row--copyable' : '',
    device.secretStatus === 'ok' ? '' : 'row--problem',
    highlighted ? 'row--new' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li data-device-id={device.id} className={classes} onClick={onRowClick}>
      <IssuerAvatar issuer={device.issuer} aws={device.aws !== null} />
      <div className="row__names">
        <p className="row__primary">
          <span className="row__primary-text">
            <BreakableText text={primaryLine(device)} />
          </span>
          {device.aws !== null && <span className="visually-hidden"> (AWS)</span>}
        </p>
        {secondary !== '' && <p className="row__secondary">{secondary}</p>}
      </div>
      <div className="row__code">
        <DeviceCode
          device={device}
          codes={codes}
          title={title}
          copied={copied}
          onCopy={() => void copy()}
          onAdvance={() => void advance()}
        />
      </div>
      <MenuButton
        label={`More actions for ${title}`}
        items={[
          {
            label: 'Rename',
            onSelect: () => {
              onRename(device);
            },
          },
          {
            label: 'Delete',
            danger: true,
            onSelect: () => {
              onDelete(device);
            },
          },
        ]}
      />
      {device.labelIssuer !== null && (
        <p className="row__warning">
          <Icon name="warning" />
          <span>
            The label says “{device.labelIssuer}” but the issuer is “{issuerLine(device)}”. Check
            that this device really belongs to the site you expect.
          </span>
        </p>
      )}
    </li>
  );
});
