/** Words for scan previews (renderer, pure): titles, facts and batch labels. */
import type { ScanDevicePreview } from '../../../preload/contract/scanChannels';

export function previewTitle(preview: ScanDevicePreview): string {
  if (preview.aws !== null) return `AWS · ${preview.aws.deviceName}`;
  return preview.issuer || preview.accountName || 'Unnamed device';
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** What the device would be, as label/value pairs (never the secret: main does not send it). */
export function previewFacts(preview: ScanDevicePreview): Fact[] {
  const facts: Fact[] = [];
  if (preview.aws !== null) {
    facts.push({ label: 'AWS account', value: preview.aws.accountId ?? preview.aws.alias ?? '—' });
    facts.push({ label: 'MFA device', value: preview.aws.deviceName });
  } else {
    facts.push({ label: 'Issuer', value: preview.issuer || '(none)' });
    facts.push({ label: 'Account', value: preview.accountName || '(none)' });
  }
  if (preview.labelIssuer !== null) facts.push({ label: 'Label says', value: preview.labelIssuer });
  facts.push({ label: 'Codes', value: codeKind(preview) });
  return facts;
}

/** "6 digits · SHA1 · every 30 s", "8 digits · SHA256 · counter 42". */
export function codeKind(preview: ScanDevicePreview): string {
  const timing =
    preview.type === 'totp'
      ? `every ${preview.periodSeconds ?? 30} s`
      : `counter ${preview.counter ?? 0}`;
  return `${preview.digits} digits · ${preview.algorithm} · ${timing}`;
}

export function batchLabel(batch: { index: number; size: number } | null): string | null {
  if (batch === null || batch.size <= 1) return null;
  return `QR code ${batch.index + 1} of ${batch.size}`;
}

/** "Add device", "Add 3 devices". */
export function addLabel(count: number): string {
  return count === 1 ? 'Add device' : `Add ${count} devices`;
}
