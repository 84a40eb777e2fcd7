/**
 * The add preview (renderer): what main will store — names, group, AWS account and device name,
 * code settings — and its warnings (a duplicate secret or label, a weak secret, an issuer that
 * disagrees with the label), before the user confirms. Nothing is stored until "Add device".
 */
import { useEffect, useId, useRef } from 'react';
import type { PreviewOutcome } from '../../../preload/contract/editChannels';
import { Icon } from '../../ui/Icon';
import { awsAccountLine, codeSettingsLine, hasDuplicate } from './previewText';

type Preview = Extract<PreviewOutcome, { ok: true }>;

interface PreviewPanelProps {
  readonly outcome: Preview;
  readonly busy: boolean;
  /** Main's refusal of the add itself (e.g. the keychain became unavailable). */
  readonly error: string | undefined;
  readonly onBack: () => void;
  readonly onConfirm: () => void;
}

export function PreviewPanel({ outcome, busy, error, onBack, onConfirm }: PreviewPanelProps) {
  const { preview, warnings } = outcome;
  const headingId = useId();
  const warningsId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const duplicate = hasDuplicate(warnings);
  const aws = awsAccountLine(preview);

  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  const rows: [string, string][] = [
    ['Issuer', preview.issuer === '' ? '(none)' : preview.issuer],
    ['Account', preview.accountName === '' ? '(none)' : preview.accountName],
  ];
  if (aws !== null) rows.push(['AWS account', aws]);
  if (preview.aws !== null) rows.push(['MFA device name', preview.aws.deviceName]);
  rows.push(['Listed under', preview.groupLabel], ['Codes', codeSettingsLine(preview)]);

  return (
    <section className="add-preview" aria-labelledby={headingId}>
      <h3 id={headingId} className="add-preview__title">
        Check before adding
      </h3>
      <dl className="add-preview__list">
        {rows.map(([term, value]) => (
          <div key={term} className="add-preview__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {warnings.length > 0 && (
        <div id={warningsId} className="add-preview__warnings" role="alert">
          {warnings.map(warning => (
            <p key={warning.kind} className="add-preview__warning">
              <Icon name="warning" />
              <span>{warning.message}</span>
            </p>
          ))}
        </div>
      )}
      {error !== undefined && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button
          ref={confirmRef}
          type="button"
          className="button button--primary"
          disabled={busy}
          aria-describedby={warnings.length > 0 ? warningsId : undefined}
          onClick={onConfirm}
        >
          {duplicate ? 'Add anyway' : 'Add device'}
        </button>
      </div>
    </section>
  );
}
