/**
 * The code part of a row (renderer): the copy button and countdown ring (TOTP) or "Next code"
 * button (HOTP), or why there is no code. Subscribes to its own device's code, so a push
 * re-renders these cells only.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import { CountdownRing } from '../../ui/CountdownRing';
import { Icon } from '../../ui/Icon';
import { CodeButton } from './CodeButton';
import type { CodesStore } from './codesStore';
import { useDeviceCode } from './useDeviceCode';
import { useUrgent } from './useUrgent';
import { useSettings } from '../settings/useSettings';
import { groupCode } from '../../lib/formatCode';

interface DeviceCodeProps {
  readonly device: DeviceView;
  readonly codes: CodesStore;
  /** `<issuer> <accountName>`, for the accessible names. */
  readonly title: string;
  readonly copied: boolean;
  readonly onCopy: () => void;
  readonly onAdvance: () => void;
  /** The row is on (or near) the screen: only then does its ring animate. */
  readonly inView: boolean;
}

export function DeviceCode({
  device,
  codes,
  title,
  copied,
  onCopy,
  onAdvance,
  inView,
}: DeviceCodeProps) {
  const code = useDeviceCode(codes, device.id);
  const urgent = useUrgent(code?.type === 'totp' ? code.validUntilMs : undefined);
  const { settings } = useSettings();
  const grouping = settings.codeGrouping;
  // TOTP only: an HOTP "next" code is the next counter, shown by its own button.
  const nextCode =
    code?.type === 'totp' && settings.showNextCode !== 'never' ? code.nextCode : undefined;

  switch (device.secretStatus) {
    case 'missing':
      return (
        <p className="row__status">
          <Icon name="key" />
          Secret missing from the keychain
        </p>
      );
    case 'keychain-unavailable':
      return (
        <p className="row__status">
          <Icon name="key" />
          Keychain unavailable
        </p>
      );
    case 'ok':
      break;
  }

  if (code === undefined) {
    return (
      <span className="code code--pending">
        <span aria-hidden="true">··· ···</span>
        <span className="visually-hidden">Code not available yet</span>
      </span>
    );
  }

  return (
    <>
      <CodeButton
        code={code.code}
        grouping={grouping}
        nextCode={nextCode}
        title={title}
        urgent={urgent}
        copied={copied}
        onCopy={onCopy}
      />
      {nextCode !== undefined && (
        <span className={`next-code next-code--${settings.showNextCode}`} aria-hidden="true">
          <span className="next-code__label">next</span>{' '}
          {(grouping === 'none' ? [nextCode] : groupCode(nextCode)).join(' ')}
        </span>
      )}
      {code.type === 'totp' ? (
        <CountdownRing
          key={code.validUntilMs}
          validUntilMs={code.validUntilMs}
          periodSeconds={code.periodSeconds}
          urgent={urgent}
          inView={inView}
        />
      ) : (
        <button
          type="button"
          className="icon-button next-button"
          aria-label={`Next code for ${title}`}
          title="Counter-based code: use Next once this one has been used"
          onClick={onAdvance}
        >
          <Icon name="next" />
        </button>
      )}
    </>
  );
}
