/**
 * What a scan found (renderer): one authenticator code to confirm, several to pick from, a
 * Google Authenticator transfer batch, or messages for codes that cannot be added. Main holds
 * the decoded text under `token`; this view only names indexes. Leaving it discards the scan.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type {
  ScanCodeView,
  ScanConfirmOutcome,
  ScanOutcome,
} from '../../../preload/contract/scanChannels';
import { useBridge } from '../../lib/bridge';
import { addLabel, batchLabel, codeKind, previewFacts, previewTitle } from './scanText';

type Found = Extract<ScanOutcome, { status: 'found' }>;
export type AddedDevices = Extract<ScanConfirmOutcome, { ok: true }>['added'];
type Addable = Extract<ScanCodeView, { kind: 'otpauth' | 'migration' }>;

interface ScanResultsProps {
  readonly outcome: Found;
  /** The user is done: devices were added (possibly none, after failures). */
  readonly onAdded: (added: AddedDevices) => void;
  /** Back to the sources (the scan is discarded). */
  readonly onBack: () => void;
}

const pendingDiscards = new Map<string, ReturnType<typeof setTimeout>>();

function isAddable(code: ScanCodeView): code is Addable {
  return code.kind === 'otpauth' || code.kind === 'migration';
}

function devicesIn(code: Addable): number {
  return code.kind === 'otpauth' ? 1 : code.entries.length;
}

export function ScanResults({ outcome, onAdded, onBack }: ScanResultsProps) {
  const api = useBridge();
  const addable = outcome.codes.filter(isAddable);
  const others = outcome.codes.filter(
    (code): code is Exclude<ScanCodeView, Addable> => !isAddable(code),
  );
  const single = addable.length === 1;
  const [chosen, setChosen] = useState<ReadonlySet<number>>(
    () => new Set(single ? addable.map(code => code.index) : []),
  );
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ScanConfirmOutcome | undefined>(undefined);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The source that was focused (a button) is gone: start reading and tabbing from the result.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Forget the decoded codes in main when this view goes away without a confirmation. Deferred
  // a tick so that React's development remount (StrictMode) does not discard a live scan.
  useEffect(() => {
    const pending = pendingDiscards.get(outcome.token);
    if (pending !== undefined) clearTimeout(pending);
    return () => {
      pendingDiscards.set(
        outcome.token,
        setTimeout(() => {
          pendingDiscards.delete(outcome.token);
          void api.scan.discard(outcome.token);
        }, 0),
      );
    };
  }, [api, outcome.token]);

  const count = addable
    .filter(code => chosen.has(code.index))
    .reduce((sum, code) => sum + devicesIn(code), 0);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await api.scan.confirm(outcome.token, [...chosen]);
      if (result.ok && result.failed.length === 0) {
        onAdded(result.added);
        return;
      }
      setSummary(result);
    } catch {
      setSummary({
        ok: false,
        reason: 'expired',
        message: 'The devices could not be added. Scan again.',
      });
    } finally {
      setBusy(false);
    }
  };

  if (summary !== undefined) {
    return <ConfirmSummary summary={summary} onDone={onAdded} onBack={onBack} />;
  }

  return (
    <section className="scan-results" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="scan-results__heading">
        {addable.length === 0
          ? 'No authenticator code found'
          : single
            ? addable[0]?.kind === 'migration'
              ? 'Add these accounts?'
              : 'Add this device?'
            : 'Choose the codes to add'}
      </h3>
      {addable.length > 0 && (
        <ul className="scan-results__list">
          {addable.map(code => (
            <li key={code.index}>
              <CodeCard
                code={code}
                selectable={!single}
                checked={chosen.has(code.index)}
                onToggle={checked => {
                  setChosen(current => {
                    const next = new Set(current);
                    if (checked) next.add(code.index);
                    else next.delete(code.index);
                    return next;
                  });
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="scan-results__others">
          {others.map(code => (
            <li key={code.index} className="scan-message scan-message--info">
              {code.message}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onBack}>
          Scan again
        </button>
        {addable.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || count === 0}
            onClick={() => void confirm()}
          >
            {addLabel(Math.max(count, 1))}
          </button>
        )}
      </div>
    </section>
  );
}

interface CodeCardProps {
  readonly code: Addable;
  readonly selectable: boolean;
  readonly checked: boolean;
  readonly onToggle: (checked: boolean) => void;
}

function CodeCard({ code, selectable, checked, onToggle }: CodeCardProps) {
  const checkboxId = useId();
  const title =
    code.kind === 'otpauth'
      ? previewTitle(code.preview)
      : `Google Authenticator transfer (${code.entries.length === 1 ? '1 account' : `${code.entries.length} accounts`})`;
  return (
    <article className={`scan-card${checked && selectable ? ' scan-card--chosen' : ''}`}>
      <header className="scan-card__header">
        {selectable && (
          <input
            id={checkboxId}
            type="checkbox"
            className="scan-card__check"
            checked={checked}
            onChange={event => {
              onToggle(event.target.checked);
            }}
          />
        )}
        {selectable ? (
          <label className="scan-card__title" htmlFor={checkboxId}>
            {title}
          </label>
        ) : (
          <p className="scan-card__title">{title}</p>
        )}
      </header>
      {code.kind === 'otpauth' ? <OtpauthDetails code={code} /> : <BatchDetails code={code} />}
    </article>
  );
}

function OtpauthDetails({ code }: { readonly code: Extract<ScanCodeView, { kind: 'otpauth' }> }) {
  return (
    <>
      <dl className="scan-card__facts">
        {previewFacts(code.preview).map(fact => (
          <div key={fact.label} className="scan-card__fact">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {code.warnings.length > 0 && (
        <ul className="scan-card__warnings">
          {code.warnings.map(warning => (
            <li key={warning.kind} className="scan-message scan-message--warning">
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function BatchDetails({ code }: { readonly code: Extract<ScanCodeView, { kind: 'migration' }> }) {
  const batch = batchLabel(code.batch);
  return (
    <>
      {batch !== null && (
        <p className="scan-card__batch">
          {batch}. {code.progress}
        </p>
      )}
      <ul className="scan-card__entries">
        {code.entries.map((entry, i) => (
          <li key={i} className="scan-card__entry">
            <span className="scan-card__entry-title">{previewTitle(entry.preview)}</span>
            <span className="scan-card__entry-meta">
              {entry.preview.aws === null ? entry.preview.accountName : entry.preview.aws.accountId}
              {' · '}
              {codeKind(entry.preview)}
            </span>
            {[...entry.warnings.map(w => w.message), ...entry.notes].map(text => (
              <span key={text} className="scan-card__entry-warning">
                {text}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {code.errors.length > 0 && (
        <div className="scan-message scan-message--warning">
          <p>
            {code.errors.length === 1
              ? '1 account in this code cannot be added:'
              : `${code.errors.length} accounts in this code cannot be added:`}
          </p>
          <ul>
            {code.errors.map((error, i) => (
              <li key={`${error.index}-${i}`}>
                {error.label ?? `Account ${error.index + 1}`}: {error.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface ConfirmSummaryProps {
  readonly summary: ScanConfirmOutcome;
  readonly onDone: (added: AddedDevices) => void;
  readonly onBack: () => void;
}

function ConfirmSummary({ summary, onDone, onBack }: ConfirmSummaryProps) {
  if (!summary.ok) {
    return (
      <div className="scan-results">
        <p className="scan-message scan-message--danger" role="alert">
          {summary.message}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onBack}>
            Scan again
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="scan-results">
      <p className="scan-results__heading" role="status">
        {summary.added.length === 0
          ? 'No device was added.'
          : summary.added.length === 1
            ? 'Added 1 device.'
            : `Added ${summary.added.length} devices.`}
      </p>
      <div className="scan-message scan-message--warning" role="alert">
        <p>{summary.failed.length === 1 ? 'Not added:' : `${summary.failed.length} not added:`}</p>
        <ul>
          {summary.failed.map((failure, i) => (
            <li key={i}>
              {failure.label}: {failure.message}
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            onDone(summary.added);
          }}
        >
          Done
        </button>
      </div>
    </div>
  );
}
