/**
 * Start-up problems and notices from `app.status()` (renderer): an unavailable keychain (an
 * alert, with what to do and a retry), a vault restored from its previous generation, devices
 * whose secret is missing, and devices recovered from the keychain.
 */
import { useState } from 'react';
import type { AppStatusView } from '../../../preload/contract/contract';
import { countDevices } from '../../lib/messages';
import { Banner } from '../../ui/Banner';

interface StatusBannersProps {
  readonly status: AppStatusView;
  readonly onRetryKeychain: () => Promise<void>;
}

const KEYCHAIN_HELP =
  'Tessera keeps every secret in your system keychain. Unlock it or start it (on Linux, GNOME Keyring or KWallet), then try again.';

export function StatusBanners({ status, onRetryKeychain }: StatusBannersProps) {
  const [retrying, setRetrying] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const dismiss = (key: string): void => {
    setDismissed(current => new Set(current).add(key));
  };
  const retry = async (): Promise<void> => {
    setRetrying(true);
    try {
      await onRetryKeychain();
    } finally {
      setRetrying(false);
    }
  };

  const missing = status.missingSecrets;
  const recovered = status.recoveredDevices;

  return (
    <div className="banners">
      {status.keychain === 'unavailable' && (
        <Banner
          tone="danger"
          alert
          title="The system keychain is unavailable"
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
          <p>{status.keychainMessage ?? KEYCHAIN_HELP}</p>
          <p>Until then, codes cannot be shown and new devices cannot be added.</p>
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
      {missing > 0 && (
        <Banner
          tone="warning"
          title={`${countDevices(missing)} ${missing === 1 ? 'has' : 'have'} no secret in the keychain`}
        >
          <p>
            {missing === 1 ? 'Its code' : 'Their codes'} cannot be shown. Restore the keychain from
            a backup, or delete {missing === 1 ? 'it' : 'them'} and set up MFA again with each site.
          </p>
        </Banner>
      )}
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
