/**
 * One device in the list (renderer): names, code, countdown and actions. Clicking anywhere on
 * the row copies the code (a mouse convenience; the keyboard path is the code button). Shows
 * "Secret missing from the keychain" instead of a code when main has no seed for it, and a
 * visible warning when the label's issuer disagrees with the issuer parameter (spoofing).
 * A TOTP code copied before is not copied again (the reuse guard): the row says so and offers
 * the next code. The menu holds "Copy next code" and the AWS assistant for TOTP devices.
 */
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { secondsLeft } from '../../lib/countdown';
import { deviceTitle, issuerLine, primaryLine, secondaryLine } from '../../lib/deviceText';
import { mainNowMs } from '../../lib/mainClock';
import { copiedMessage, copiedNextMessage } from '../../lib/messages';
import { expiringCopiedMessage } from './listText';
import { ExpiringNotice } from './ExpiringNotice';
import { FavoriteButton } from './FavoriteButton';
import { URGENT_MS } from './useUrgent';
import { useInView } from '../../ui/useInView';
import { BreakableText } from '../../ui/BreakableText';
import { Icon } from '../../ui/Icon';
import { MenuButton, type MenuItem } from '../../ui/MenuButton';
import { useToast } from '../../ui/useToast';
import type { CodesStore } from './codesStore';
import { DeviceCode } from './DeviceCode';
import { IssuerAvatar } from './IssuerAvatar';
import { ReuseNotice } from './ReuseNotice';
import type { RowActions } from './rowActions';

interface DeviceRowProps {
  readonly device: DeviceView;
  readonly codes: CodesStore;
  readonly highlighted: boolean;
  /** Stable across renders (the row is memoised). */
  readonly actions: RowActions;
  /** Key of its measured height (the list is windowed). */
  readonly sizeKey: string;
  /** Position among its section's shown rows (0-based), and how many there are. */
  readonly position: number;
  readonly setSize: number;
  /** Height of rows left out just above it (windowing), as a margin. */
  readonly gapBefore?: number;
  /** Listed under Favourites, away from its group: the row names its account itself. */
  readonly inFavorites?: boolean;
  /** Manual order: the row can be dragged by its icon. */
  readonly reorderable?: boolean;
}

const COPIED_FLASH_MS = 1500;

/** Memoised: a codes push does not re-render rows, only their DeviceCode cells. */
export const DeviceRow = memo(function DeviceRow({
  device,
  codes,
  highlighted,
  actions,
  sizeKey,
  position,
  setSize,
  gapBefore = 0,
  inFavorites = false,
  reorderable = false,
}: DeviceRowProps) {
  const api = useBridge();
  const toast = useToast();
  const rowRef = useRef<HTMLLIElement>(null);
  const inView = useInView(rowRef);
  const title = deviceTitle(device);
  // Under Favourites no heading names the account: the lines do, as in a custom group.
  const named = inFavorites
    ? { ...device, group: { ...device.group, kind: 'custom' as const } }
    : device;
  const secondary = secondaryLine(named);
  /** Set after copying a code in its last seconds: when it expires (offers the next one). */
  const [expiringUntilMs, setExpiringUntilMs] = useState<number | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  /** Set while the reuse guard's notice shows: when the next code appears. */
  const [reuseUntilMs, setReuseUntilMs] = useState<number | undefined>(undefined);

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

  /** Copies the code showing now; `allowReuse` once the user confirmed "Copy anyway". */
  const copy = async (allowReuse = false): Promise<void> => {
    try {
      const outcome = allowReuse
        ? await api.codes.copy(device.id, 'current', { allowReuse: true })
        : await api.codes.copy(device.id, 'current');
      if (outcome.ok) {
        setReuseUntilMs(undefined);
        setCopied(true);
        const current = codes.get(device.id);
        const expiring =
          current?.type === 'totp' && current.validUntilMs - mainNowMs() < URGENT_MS
            ? current.validUntilMs
            : undefined;
        setExpiringUntilMs(expiring);
        toast({
          tone: expiring === undefined ? 'success' : 'warning',
          message:
            expiring === undefined
              ? copiedMessage(outcome.clearAfterMs)
              : expiringCopiedMessage(secondsLeft(expiring, mainNowMs()), outcome.clearAfterMs),
          key: 'copy',
          // The notice under the row offers the next code; the toast region only announces.
          announceOnly: expiring !== undefined,
        });
      } else if (outcome.reason === 'already-used' && outcome.nextCodeAtMs !== null) {
        setReuseUntilMs(outcome.nextCodeAtMs);
        // The notice under the row shows it; the toast region only announces it.
        toast({
          tone: 'warning',
          message: 'Not copied: this code was already used',
          key: 'copy',
          announceOnly: true,
        });
      } else {
        toast({ tone: 'error', message: outcome.message, key: 'copy' });
      }
    } catch {
      toast({ tone: 'error', message: 'Could not copy the code. Try again.', key: 'copy' });
    }
  };

  const copyNext = async (): Promise<void> => {
    try {
      const outcome = await api.codes.copy(device.id, 'next');
      if (outcome.ok) {
        setExpiringUntilMs(undefined);
        const current = codes.get(device.id);
        const validIn =
          current?.type === 'totp' ? secondsLeft(current.validUntilMs, mainNowMs()) : null;
        toast({
          tone: 'success',
          message: copiedNextMessage(validIn, outcome.clearAfterMs),
          key: 'copy',
        });
      } else {
        toast({
          tone: outcome.reason === 'already-used' ? 'warning' : 'error',
          message: outcome.message,
          key: 'copy',
        });
      }
    } catch {
      toast({ tone: 'error', message: 'Could not copy the next code. Try again.', key: 'copy' });
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
    if (
      !canCopy ||
      target.closest('button, a, input, select, textarea, [role="menu"], .row__notice') !== null
    ) {
      return;
    }
    if ((window.getSelection()?.toString() ?? '') !== '') {
      return; // the user is selecting text, not asking for a copy
    }
    void copy();
  };

  const classes = [
    'row',
    device.favorite ? 'row--favorite' : '',
    canCopy ? 'row--copyable' : '',
    device.secretStatus === 'ok' ? '' : 'row--problem',
    highlighted ? 'row--new' : '',
    position === 0 ? 'row--first' : '',
    position === setSize - 1 ? 'row--last' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={rowRef}
      data-device-id={device.id}
      className={classes}
      onClick={onRowClick}
      data-measure="row"
      data-size-key={sizeKey}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      style={gapBefore > 0 ? { marginTop: gapBefore } : undefined}
    >
      <span
        className="row__handle"
        draggable={reorderable}
        title={reorderable ? 'Drag to reorder (or Alt+Up/Down from the keyboard)' : undefined}
      >
        <IssuerAvatar issuer={device.issuer} aws={device.aws !== null} />
      </span>
      <div className="row__names">
        <p className="row__primary">
          <span className="row__primary-text">
            <BreakableText text={primaryLine(named)} />
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
          inView={inView}
        />
      </div>
      <FavoriteButton device={device} title={title} />
      <MenuButton
        label={`More actions for ${title}`}
        items={menuItems(device, actions, copyNext)}
      />
      {expiringUntilMs !== undefined && reuseUntilMs === undefined && (
        <ExpiringNotice
          deviceId={device.id}
          codes={codes}
          validUntilMs={expiringUntilMs}
          onCopyNext={() => void copyNext()}
          onCopyCurrent={() => void copy()}
          onDismiss={() => {
            setExpiringUntilMs(undefined);
          }}
          onFocusLeaving={() => {
            rowRef.current?.querySelector<HTMLElement>('.code-button')?.focus();
          }}
        />
      )}
      {reuseUntilMs !== undefined && (
        <ReuseNotice
          deviceId={device.id}
          codes={codes}
          nextCodeAtMs={reuseUntilMs}
          onCopy={allowReuse => void copy(allowReuse)}
          onDismiss={() => {
            setReuseUntilMs(undefined);
          }}
          onFocusLeaving={() => {
            rowRef.current?.querySelector<HTMLElement>('.code-button')?.focus();
          }}
        />
      )}
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

/**
 * The row menu: copy the next code and the AWS assistant (TOTP with a secret), re-entering a
 * missing secret, then Edit and Delete.
 */
function menuItems(
  device: DeviceView,
  actions: RowActions,
  copyNext: () => Promise<void>,
): MenuItem[] {
  const totp = device.type === 'totp';
  const withSecret = device.secretStatus === 'ok';
  const items: MenuItem[] = [];
  if (totp && withSecret) {
    items.push(
      { label: 'Copy next code (valid after this one)', onSelect: () => void copyNext() },
      {
        label: 'Enroll with AWS…',
        separated: true,
        onSelect: () => {
          actions.enroll(device, 'enroll');
        },
      },
      {
        label: 'Resync with AWS…',
        onSelect: () => {
          actions.enroll(device, 'resync');
        },
      },
    );
  }
  if (device.secretStatus === 'missing') {
    items.push({
      label: 'Re-enter secret…',
      onSelect: () => {
        actions.reenterSecret(device);
      },
    });
  }
  items.push(
    {
      label: 'Edit…',
      separated: items.length > 0,
      onSelect: () => {
        actions.edit(device);
      },
    },
    {
      label: 'Delete',
      danger: true,
      onSelect: () => {
        actions.remove(device);
      },
    },
  );
  return items;
}
