/**
 * Start-up problems and notices from `app.status()` (renderer): an unavailable keychain (an
 * alert, with the steps to fix it and a retry that says how it went), a vault restored from its
 * previous generation, devices whose secret is missing (each with re-enter and delete), and
 * devices recovered from the keychain.
 */
import { useState, type ReactNode } from 'react';
import type { AppStatusView } from '../../../preload/contract/contract';
import { countDevices } from '../../lib/messages';
import { Banner } from '../../ui/Banner';
import '../states/states.css';

interface StatusBannersProps {
  readonly status: AppStatusView;
  readonly onRetryKeychain: () => Promise<void>;
  /** The missing-secrets banner, with its per-device actions (rendered by the owner). */
  readonly missingSecrets?: ReactNode;
}

export function StatusBanners({ status, onRetryKeychain, missingSecrets }: StatusBannersProps) {
  const [retrying, setRetrying] = useState(false);
  /** After a "Try again" that did not help: when it was tried, said out loud. */
  const [stillUnavailableAt, setStillUnavailableAt] = useState<string | undefined>(undefined);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const dismiss = (key: string): void => {
    setDismissed(current => new Set(current).add(key));
  };
  const retry = async (): Promise<void> => {
    setRetrying(true);
    setStillUnavailableAt(undefined);
    try {
      await onRetryKeychain();
    } finally {
      setRetrying(false);
      setStillUnavailableAt(new Date().toLocaleTimeString());
    }
  };

  const recovered = status.recoveredDevices;

  return (
    <div className="banners">
      {status.keychain === 'unavailable' && (
        <Banner
          tone="danger"
          alert
          title="Tessera cannot reach the system keychain"
          actions={
            <button
              type="button"
              className="button"
              disabled={retrying}
              onClick={() => void retry()}
            >
              {retrying ? 'Trying…' : 'Try again'}
            </button>
          }
        >
          <p>
            Your devices are safe and nothing was deleted, but until Tessera can read the keychain
            their codes cannot be shown and new devices cannot be added.
          </p>
          <ol className="keychain-steps">
            <li>
              Unlock your keyring: sign in again, or open your keyring app (Passwords and Keys,
              KWallet, Keychain Access, Credential Manager).
            </li>
            <li>
              On Linux without a desktop session, start a Secret Service such as
              gnome-keyring-daemon.
            </li>
            <li>Choose “Try again”.</li>
          </ol>
          {status.keychainMessage !== null && (
            <details className="keychain-details">
              <summary>Details</summary>
              <p>{status.keychainMessage}</p>
            </details>
          )}
          <p role="status" className="keychain-retry">
            {stillUnavailableAt === undefined
              ? ''
              : `Still unavailable (tried at ${stillUnavailableAt}).`}
          </p>
        </Banner>
      )}
      {status.vaultNotice !== null && !dismissed.has('vault') && (
        <Banner
          tone="warning"
          title="Your device list was restored from the previous save"
          onDismiss={() => {
            dismiss('vault');
          }}
        >
          <p>{status.vaultNotice}</p>
        </Banner>
      )}
      {missingSecrets}
      {recovered > 0 && !dismissed.has('recovered') && (
        <Banner
          tone="info"
          title={`${countDevices(recovered)} recovered from the keychain`}
          onDismiss={() => {
            dismiss('recovered');
          }}
        >
          <p>
            {recovered === 1 ? 'It is' : 'They are'} listed under “Recovered”. Rename{' '}
            {recovered === 1 ? 'it' : 'each one'} once you know which site{' '}
            {recovered === 1 ? 'it belongs' : 'they belong'} to.
          </p>
        </Banner>
      )}
    </div>
  );
}
