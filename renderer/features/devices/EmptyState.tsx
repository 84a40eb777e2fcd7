/**
 * What a new user sees (renderer): what Tessera is, and the one thing to do next. When the
 * keychain cannot be reached, adding is impossible, so it says that instead of offering it.
 */
import { Icon } from '../../ui/Icon';

interface EmptyStateProps {
  readonly onAdd: () => void;
  /** false while the keychain is unavailable (the banner above says how to fix it). */
  readonly keychainAvailable: boolean;
}

export function EmptyState({ onAdd, keychainAvailable }: EmptyStateProps) {
  return (
    <div className="empty">
      <div className="empty__art" aria-hidden="true">
        <Icon name={keychainAvailable ? 'shield' : 'key'} />
      </div>
      <h2 className="empty__title">No devices yet</h2>
      {keychainAvailable ? (
        <>
          <p className="empty__text">
            Tessera is a virtual MFA device on your computer. In the AWS console’s “Assign MFA
            device” wizard, pick “Authenticator app”, choose “Show secret key”, and enter it here —
            the same works for any site that offers an authenticator app.
          </p>
          <button type="button" className="button button--primary" onClick={onAdd}>
            <Icon name="plus" />
            Add device
          </button>
        </>
      ) : (
        <p className="empty__text">
          Tessera keeps every secret in the system keychain, so devices can be added once it can be
          reached: follow the steps above, then choose “Try again”.
        </p>
      )}
    </div>
  );
}
