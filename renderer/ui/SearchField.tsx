/**
 * The list filter (renderer UI). Ctrl/Cmd+F or "/" focuses it from anywhere; Escape clears it.
 */
import { useEffect, useRef } from 'react';
import { Icon } from './Icon';

interface SearchFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function SearchField({ value, onChange }: SearchFieldProps) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (document.querySelector('dialog[open]') !== null) {
        return;
      }
      const find = event.key === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (find || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <div className="search">
      <Icon name="search" className="search__icon" />
      <input
        ref={ref}
        type="search"
        className="input search__input"
        aria-label="Search devices"
        placeholder="Search"
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={event => {
          onChange(event.target.value);
        }}
        onKeyDown={event => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
