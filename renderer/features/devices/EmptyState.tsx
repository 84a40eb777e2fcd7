/** What a new user sees (renderer): what Tessera is, and the one thing to do next. */
import { Icon } from '../../ui/Icon';

export function EmptyState({ onAdd }: { readonly onAdd: () => void }) {
  return (
    <div className="empty">
      <div className="empty__art" aria-hidden="true">
        <Icon name="shield" />
      </div>
      <h2 className="empty__title">No devices yet</h2>
      <p className="empty__text">
        Tessera is a virtual MFA device on your computer. In the AWS console’s “Assign MFA device”
        wizard, pick “Authenticator app”, choose “Show secret key”, and enter it here — the same
        works for any site that offers an authenticator app.
      </p>
      <button type="button" className="button button--primary" onClick={onAdd}>
        <Icon name="plus" />
        Add device
      </button>
    </div>
  );
}
