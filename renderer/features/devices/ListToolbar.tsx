/**
 * Above the list (renderer): how many devices show, and the order they are listed in. The
 * order starts as the "Default order" setting; changing it here lasts until the window closes.
 */
import { useId } from 'react';
import type { SortMode } from './listModel';

interface ListToolbarProps {
  readonly sort: SortMode;
  readonly onSort: (sort: SortMode) => void;
  readonly total: number;
  readonly shown: number;
  readonly searching: boolean;
}

export const SORT_LABELS: Readonly<Record<SortMode, string>> = {
  manual: 'Manual',
  name: 'Name',
  recent: 'Recently used',
};

const count = new Intl.NumberFormat();

export function ListToolbar({ sort, onSort, total, shown, searching }: ListToolbarProps) {
  const selectId = useId();
  return (
    <div className="list-toolbar">
      <p className="list-toolbar__count">
        {searching
          ? `${count.format(shown)} of ${count.format(total)} devices`
          : total === 1
            ? '1 device'
            : `${count.format(total)} devices`}
      </p>
      <label className="list-toolbar__label" htmlFor={selectId}>
        Order
      </label>
      <select
        id={selectId}
        className="input list-toolbar__select"
        value={sort}
        onChange={event => {
          onSort(event.target.value as SortMode);
        }}
      >
        {(Object.keys(SORT_LABELS) as SortMode[]).map(mode => (
          <option key={mode} value={mode}>
            {SORT_LABELS[mode]}
          </option>
        ))}
      </select>
    </div>
  );
}
