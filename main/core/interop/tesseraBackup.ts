/**
 * The `tessera` import format: Tessera's own encrypted backup (main/core/backup/FORMAT.md) read
 * as a list of entries, for `tessera import --format tessera` and format sniffing. A restore
 * (which keeps device ids, AWS details, order and timestamps) uses openBackup directly; this
 * view keeps issuer, account, parameters, secret, group and favourite.
 */
import { looksLikeBackup, openBackup, type BackupFailureReason } from '../backup/envelope';
import type { Device } from '../device/device';
import type { OtpParams } from '../otp/types';
import type { ImportFailureReason, Importer, ImportedEntry, ImportOutcome } from './types';

/** The import vocabulary for each backup failure (messages stay the backup's own). */
export const BACKUP_TO_IMPORT_FAILURE: Readonly<Record<BackupFailureReason, ImportFailureReason>> =
  {
    'wrong-format': 'wrong-format',
    'unsupported-version': 'unsupported-version',
    truncated: 'malformed',
    malformed: 'malformed',
    'too-large': 'too-large',
    'unsafe-parameters': 'too-large',
    damaged: 'tampered',
    'password-required': 'password-required',
    'wrong-password': 'wrong-password',
    tampered: 'tampered',
    'invalid-contents': 'malformed',
  };

export function paramsOf(device: Device): OtpParams {
  return device.type === 'totp'
    ? {
        type: 'totp',
        algorithm: device.algorithm,
        digits: device.digits,
        periodSeconds: device.periodSeconds,
      }
    : { type: 'hotp', algorithm: device.algorithm, digits: device.digits, counter: device.counter };
}

export const tesseraBackupImporter: Importer = {
  format: 'tessera',
  title: 'Tessera backup (.tessera)',
  sniff: looksLikeBackup,
  isEncrypted: looksLikeBackup,
  async read({ bytes, password }): Promise<ImportOutcome> {
    const opened = await openBackup(bytes, password);
    if (!opened.ok) {
      return {
        ok: false,
        reason: BACKUP_TO_IMPORT_FAILURE[opened.reason],
        message: opened.message,
      };
    }
    const entries: ImportedEntry[] = opened.value.devices.map(({ device, secret }) => ({
      issuer: device.issuer,
      accountName: device.accountName,
      secret,
      params: paramsOf(device),
      groups: device.group === undefined ? [] : [device.group],
      favorite: device.favorite,
      warnings: [],
    }));
    return { ok: true, value: { entries, errors: [] } };
  },
};
