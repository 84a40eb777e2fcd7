/**
 * Line icons of the device list and settings (renderer UI), drawn inline like Icon.tsx: the
 * favourite star (outline, or filled when on), the disclosure chevron, the drag grip and the
 * settings gear. Always decorative: the control around it carries the name.
 */

const PATHS = {
  star: 'M10 2.8l2.2 4.6 5 .7-3.6 3.5.9 5-4.5-2.4-4.5 2.4.9-5L2.8 8.1l5-.7L10 2.8Z',
  chevron: 'M7.5 5l5 5-5 5',
  grip: 'M7.5 5h.01M12.5 5h.01M7.5 10h.01M12.5 10h.01M7.5 15h.01M12.5 15h.01',
  gear: 'M10 12.6a2.6 2.6 0 1 0 0-5.2 2.6 2.6 0 0 0 0 5.2ZM16.2 12.1l1.3 1-1.6 2.8-1.6-.6a6.5 6.5 0 0 1-1.8 1l-.3 1.7H8.8l-.3-1.7a6.5 6.5 0 0 1-1.8-1l-1.6.6-1.6-2.8 1.3-1a6.6 6.6 0 0 1 0-2.2l-1.3-1 1.6-2.8 1.6.6a6.5 6.5 0 0 1 1.8-1l.3-1.7h3.4l.3 1.7a6.5 6.5 0 0 1 1.8 1l1.6-.6 1.6 2.8-1.3 1a6.6 6.6 0 0 1 0 2.2Z',
} as const;

export type ListIconName = keyof typeof PATHS;

export function ListIcon({
  name,
  className,
  filled = false,
}: {
  readonly name: ListIconName;
  readonly className?: string;
  readonly filled?: boolean;
}) {
  const classes = ['icon', filled ? 'icon--filled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <svg
      className={classes}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
