/**
 * Small line icons drawn inline (renderer UI): no icon font, no network (the CSP forbids both
 * remote fonts and inline styles). Always decorative: the control around it carries the name.
 */

const PATHS = {
  check: 'M4 10.5 8 14.5 16 6',
  close: 'M5 5l10 10M15 5 5 15',
  info: 'M10 9v5M10 6.2v.1M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z',
  warning: 'M10 3 18 17H2L10 3ZM10 8.5v4M10 14.8v.1',
  more: 'M4.5 10h.01M10 10h.01M15.5 10h.01',
  plus: 'M10 4v12M4 10h12',
  next: 'M4 10a6 6 0 1 0 1.8-4.3M4 3.5v3h3',
  search: 'M8.5 14.5a6 6 0 1 0 0-12 6 6 0 0 0 0 12ZM13 13l4.5 4.5',
  key: 'M12.5 11a4 4 0 1 0-3.9-3.1L3 13.5V17h3.5v-2h2v-2h2l1-1.1c.3.1.7.1 1 .1ZM13.5 6.5h.01',
  shield: 'M10 2.5 16 5v4.5c0 4-2.6 6.9-6 8-3.4-1.1-6-4-6-8V5l6-2.5Z',
  phone:
    'M7 2.5h6A1.5 1.5 0 0 1 14.5 4v12a1.5 1.5 0 0 1-1.5 1.5H7A1.5 1.5 0 0 1 5.5 16V4A1.5 1.5 0 0 1 7 2.5ZM9 15h2',
  clock: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM10 5.5V10l3 2',
  external:
    'M11.5 3.5H16.5V8.5M16.5 3.5 9.5 10.5M14.5 11.5v3.5a1.5 1.5 0 0 1-1.5 1.5H5a1.5 1.5 0 0 1-1.5-1.5V7A1.5 1.5 0 0 1 5 5.5h3.5',
  copy: 'M7 7V4.5A1.5 1.5 0 0 1 8.5 3h7A1.5 1.5 0 0 1 17 4.5v7a1.5 1.5 0 0 1-1.5 1.5H13M4.5 7h7A1.5 1.5 0 0 1 13 8.5v7a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 15.5v-7A1.5 1.5 0 0 1 4.5 7Z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  className,
}: {
  readonly name: IconName;
  readonly className?: string;
}) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
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
