/**
 * A notice across the top of the list (renderer UI). `role="alert"` only for problems that
 * block work (an unavailable keychain); everything else is a plain region read in order.
 */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

interface BannerProps {
  readonly tone: 'danger' | 'warning' | 'info';
  readonly title: string;
  readonly alert?: boolean;
  readonly children?: ReactNode;
  /** Buttons shown on the right (or below, when narrow). */
  readonly actions?: ReactNode;
  /** Shows a close button; the banner is the owner's to hide. */
  readonly onDismiss?: () => void;
}

export function Banner({ tone, title, alert = false, children, actions, onDismiss }: BannerProps) {
  return (
    <div className={`banner banner--${tone}`} role={alert ? 'alert' : undefined}>
      <Icon name={tone === 'info' ? 'info' : 'warning'} className="banner__icon" />
      <div className="banner__body">
        <p className="banner__title">{title}</p>
        {children}
      </div>
      {actions !== undefined && <div className="banner__actions">{actions}</div>}
      {onDismiss !== undefined && (
        <button
          type="button"
          className="icon-button banner__dismiss"
          aria-label={`Dismiss: ${title}`}
          onClick={onDismiss}
        >
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
