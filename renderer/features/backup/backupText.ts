/** Words for the backup, restore, import and export screens (renderer, pure). */
import type {
  ConflictChoiceName,
  ImportFormatName,
  PreviewItemView,
  ProgressView,
} from '../../../preload/contract/backupChannels';

export const FORMAT_TITLES: Readonly<Record<ImportFormatName, string>> = {
  tessera: 'Tessera backup',
  aegis: 'Aegis',
  '2fas': '2FAS',
  'google-migration': 'Google Authenticator (transfer)',
  andotp: 'andOTP',
  bitwarden: 'Bitwarden',
  'freeotp-plus': 'FreeOTP+',
  ente: 'Ente Auth',
  'authenticator-pro': 'Authenticator Pro',
  'otpauth-list': 'List of otpauth:// links',
};

export const CONFLICT_CHOICE_LABELS: Readonly<Record<ConflictChoiceName, string>> = {
  skip: 'Keep what is stored (skip them)',
  replace: 'Replace the stored device',
  'keep-both': 'Keep both',
};

export function statusText(item: PreviewItemView): string {
  if (item.status === 'new') return 'New';
  if (item.status === 'present') return 'Already in Tessera';
  switch (item.conflict) {
    case 'same-id':
      return `Differs from the stored ${item.existingLabel ?? 'device'}`;
    case 'same-secret-other-params':
      return `Same secret as ${item.existingLabel ?? 'a stored device'}, other settings`;
    case 'same-label-other-secret':
    case null:
      return `Same name as ${item.existingLabel ?? 'a stored device'}, other secret`;
  }
}

const STEPS: Readonly<Record<ProgressView['step'], string>> = {
  reading: 'Reading the file…',
  'deriving-key': 'Deriving the key from the passphrase (this takes a moment)…',
  encrypting: 'Encrypting…',
  decrypting: 'Decrypting and checking the file…',
  storing: 'Saving secrets in the system keychain…',
  writing: 'Writing the file…',
  done: 'Done.',
};

export function progressText(step: ProgressView['step']): string {
  return STEPS[step];
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Minimum passphrase length for a new backup: long enough to resist guessing offline. */
export const MIN_PASSPHRASE_LENGTH = 10;

export function passphraseProblem(passphrase: string, confirmation: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few random words work well.`;
  }
  if (passphrase !== confirmation) return 'The two passphrases are not the same.';
  return undefined;
}
