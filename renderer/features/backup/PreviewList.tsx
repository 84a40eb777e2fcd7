/** What an import or restore would do, entry by entry, before anything is stored (renderer). */
import type { ImportPreviewView } from '../../../preload/contract/backupChannels';
import { plural, statusText } from './backupText';

export function PreviewList({ preview }: { readonly preview: ImportPreviewView }) {
  const { counts } = preview;
  return (
    <div className="transfer__preview">
      <p className="transfer__counts">
        <span className="transfer__count transfer__count--new">{counts.new} new</span>
        <span className="transfer__count">{counts.present} already in Tessera</span>
        {counts.conflict > 0 && (
          <span className="transfer__count transfer__count--conflict">
            {plural(counts.conflict, 'conflict')}
          </span>
        )}
        {counts.errors > 0 && (
          <span className="transfer__count transfer__count--error">
            {counts.errors} cannot be imported
          </span>
        )}
      </p>
      <ul className="transfer__list" aria-label="Entries in the file" tabIndex={0}>
        {preview.items.map(item => (
          <li key={item.index} className={`transfer__item transfer__item--${item.status}`}>
            <span className="transfer__name">
              {item.issuer === '' ? item.accountName : `${item.issuer} · ${item.accountName}`}
              {item.type === 'hotp' && <span className="transfer__tag">counter</span>}
            </span>
            <span className="transfer__status">{statusText(item)}</span>
            {item.warnings.map(warning => (
              <span key={warning} className="transfer__warning">
                {warning}
              </span>
            ))}
          </li>
        ))}
        {preview.errors.map(error => (
          <li key={`error-${error.index}`} className="transfer__item transfer__item--error">
            <span className="transfer__name">{error.label ?? `Entry ${error.index + 1}`}</span>
            <span className="transfer__status">{error.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
