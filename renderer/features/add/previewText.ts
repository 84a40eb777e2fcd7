/** Lines of the add preview (renderer, pure): how a device to be added is described. */
import type { DevicePreview } from '../../../preload/contract/editChannels';

/** "Time-based · 6 digits · SHA1 · every 30 s" or "Counter-based · 8 digits · SHA512 · counter 7". */
export function codeSettingsLine(preview: DevicePreview): string {
  const parts =
    preview.type === 'totp'
      ? ['Time-based (TOTP)', `${String(preview.digits)} digits`, preview.algorithm]
      : ['Counter-based (HOTP)', `${String(preview.digits)} digits`, preview.algorithm];
  if (preview.type === 'totp' && preview.periodSeconds !== null) {
    parts.push(`new code every ${String(preview.periodSeconds)} s`);
  }
  if (preview.type === 'hotp' && preview.counter !== null) {
    parts.push(`counter ${String(preview.counter)}`);
  }
  return parts.join(' · ');
}

/** "123456789012 (acme-prod)", "acme-prod — account ID not known yet", or null (not AWS). */
export function awsAccountLine(preview: DevicePreview): string | null {
  const aws = preview.aws;
  if (aws === null) return null;
  if (aws.accountId !== null && aws.alias !== null) return `${aws.accountId} (${aws.alias})`;
  if (aws.accountId !== null) return aws.accountId;
  if (aws.alias !== null) return `${aws.alias} — the 12-digit account ID can be added later`;
  return null;
}

/** Whether the warnings are about a device that may already be stored. */
export function hasDuplicate(warnings: readonly { readonly kind: string }[]): boolean {
  return warnings.some(w => w.kind === 'duplicate-secret' || w.kind === 'duplicate-label');
}
