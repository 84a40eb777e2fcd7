/**
 * A device's current code as a copy button (renderer). Its accessible name is fixed
 * ("Copy code for <issuer> <accountName>", relied on by end-to-end tests); the code itself and
 * the "about to expire" state are its description. `data-testid="code"` holds the bare digits;
 * the grouping (`123 456`) is drawn by CSS between the groups.
 */
import { useId } from 'react';
import { groupCode, formatCode } from '../../lib/formatCode';
import { Icon } from '../../ui/Icon';

interface CodeButtonProps {
  readonly code: string;
  /** `auto`: `123 456`; `none`: one block of digits (the setting). */
  readonly grouping: 'auto' | 'none';
  /** The code after this one, for screen readers (sighted users see it on hover or always). */
  readonly nextCode: string | undefined;
  readonly title: string;
  readonly urgent: boolean;
  readonly copied: boolean;
  readonly onCopy: () => void;
}

export function CodeButton({
  code,
  grouping,
  nextCode,
  title,
  urgent,
  copied,
  onCopy,
}: CodeButtonProps) {
  const groups = grouping === 'none' ? [code] : groupCode(code);
  const descriptionId = useId();
  const classes = [
    'code-button',
    urgent ? 'code-button--urgent' : '',
    copied ? 'code-button--copied' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <button
        type="button"
        className={classes}
        aria-label={`Copy code for ${title}`}
        aria-describedby={descriptionId}
        onClick={onCopy}
      >
        <span className="code" data-testid="code">
          {groups.map((group, index) => (
            <span key={index} className="code__group">
              {group}
            </span>
          ))}
        </span>
        <Icon name={copied ? 'check' : 'copy'} className="code-button__icon" />
      </button>
      <span id={descriptionId} className="visually-hidden">
        {formatCode(code)}
        {urgent ? '. Expires in under 5 seconds' : ''}
        {nextCode === undefined ? '' : `. Next code ${formatCode(nextCode)}`}
      </span>
    </>
  );
}
