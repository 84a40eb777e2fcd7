/**
 * Devices whose secret is missing from the keychain (renderer): which ones, and for each the two
 * ways out — re-enter the secret, or delete the device. Never deletes anything by itself.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import { deviceTitle } from '../../lib/deviceText';
import { countDevices } from '../../lib/messages';
import { Banner } from '../../ui/Banner';
import './states.css';

interface MissingSecretsBannerProps {
  readonly devices: readonly DeviceView[];
  readonly onReenter: (device: DeviceView) => void;
  readonly onDelete: (device: DeviceView) => void;
}

/** Beyond this many, the list says "and N more" (each row's menu has the same actions). */
const LISTED = 5;

export function MissingSecretsBanner({ devices, onReenter, onDelete }: MissingSecretsBannerProps) {
  const missing = devices.filter(device => device.secretStatus === 'missing');
  if (missing.length === 0) return null;
  const one = missing.length === 1;
  return (
    <Banner
      tone="warning"
      title={`${countDevices(missing.length)} ${one ? 'has' : 'have'} no secret in the keychain`}
    >
      <p>
        {one ? 'Its codes' : 'Their codes'} cannot be shown. If you still have the secret key,
        re-enter it; otherwise set up MFA again with the site and delete the old entry. Restoring
        the keychain from a backup also brings {one ? 'it' : 'them'} back.
      </p>
      <ul className="missing__list">
        {missing.slice(0, LISTED).map(device => {
          const title = deviceTitle(device);
          return (
            <li key={device.id} className="missing__item">
              <span className="missing__name">{title}</span>
              <span className="missing__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Re-enter the secret of ${title}`}
                  onClick={() => {
                    onReenter(device);
                  }}
                >
                  Re-enter secret
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Delete ${title}`}
                  onClick={() => {
                    onDelete(device);
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {missing.length > LISTED && (
        <p>
          And {countDevices(missing.length - LISTED)} more: use “Re-enter secret…” in each one’s
          menu.
        </p>
      )}
    </Banner>
  );
}
