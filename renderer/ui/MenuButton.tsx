/**
 * An actions menu (renderer UI, WAI-ARIA menu button pattern): a button with
 * `aria-haspopup="menu"` opening a `role="menu"` list. Arrow keys, Home/End move between
 * items; Escape or Tab closes; choosing an item returns focus to the button first, so a dialog
 * opened by the item returns focus there too. Clicking outside closes it.
 */
import {
  Fragment,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Icon } from './Icon';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly danger?: boolean;
  /** Draws a separator above the item (starts a new group of related actions). */
  readonly separated?: boolean;
}

interface MenuButtonProps {
  /** Accessible name of the button, e.g. "More actions for GitHub alice". */
  readonly label: string;
  readonly items: readonly MenuItem[];
}

export function MenuButton({ label, items }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemElements = (): HTMLButtonElement[] => [
    ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
  ];

  const close = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) {
      buttonRef.current?.focus();
    }
  };

  useLayoutEffect(() => {
    if (!open) {
      return;
    }
    const menu = menuRef.current;
    // The top layer keeps the menu above neighbouring rows and out of any clipping; CSS anchor
    // positioning places it under the button, flipping above it near the bottom edge.
    menu?.showPopover();
    menu?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (next: number): void => {
      event.preventDefault();
      elements[(next + elements.length) % elements.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(elements.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
        break;
    }
  };

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setOpen(value => !value);
        }}
        onKeyDown={event => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          popover="manual"
          className="menu"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, index) => (
            <Fragment key={item.label}>
              {item.separated === true && index > 0 && (
                <div role="separator" className="menu__separator" />
              )}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger === true ? 'menu__item menu__item--danger' : 'menu__item'}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
