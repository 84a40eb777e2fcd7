/**
 * The list when a search matches nothing (renderer): says what was searched and offers the way
 * out (clear the search), or adding the device if it is not there yet.
 */
import { Icon } from '../../ui/Icon';
import { SEARCHED_FIELDS } from './statesText';
import './states.css';

interface NoSearchResultsProps {
  readonly query: string;
  readonly onClear: () => void;
  readonly onAdd: () => void;
}

export function NoSearchResults({ query, onClear, onAdd }: NoSearchResultsProps) {
  return (
    <div className="no-results" role="status">
      <Icon name="search" className="no-results__icon" />
      <p className="no-results__title">No devices match “{query}”</p>
      <p className="no-results__text">Search looks at the {SEARCHED_FIELDS}.</p>
      <div className="no-results__actions">
        <button type="button" className="button" onClick={onClear}>
          Clear search
        </button>
        <button type="button" className="button" onClick={onAdd}>
          <Icon name="plus" />
          Add device
        </button>
      </div>
    </div>
  );
}
