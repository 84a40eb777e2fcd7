/**
 * Google Authenticator transfer QR codes for the user's devices (services layer): collects each
 * device's parameters and the seed held in memory by DeviceService, and renders the batched
 * codes in memory (core/interop/transferQr). Called only after the user confirmed in the
 * window; the result is shown, never written anywhere.
 */
import type { TransferOutcome } from '../../preload/contract/transferChannels';
import { entryLabel } from '../core/interop/entry';
import type { MigrationExportEntry } from '../core/interop/googleMigration';
import { transferQrCodes } from '../core/interop/transferQr';
import type { DeviceService } from './deviceService';

export class TransferService {
  constructor(
    private readonly devices: DeviceService,
    /** A fresh random 31-bit batch id per export (lets the phone tell two exports apart). */
    private readonly randomBatchId: () => number,
  ) {}

  async qrCodes(): Promise<TransferOutcome> {
    const all = this.devices.devices();
    if (all.length === 0) {
      return { ok: false, reason: 'no-devices', message: 'There are no devices to transfer yet.' };
    }
    const entries: MigrationExportEntry[] = [];
    const labels: string[] = [];
    const skipped: { label: string; reason: string }[] = [];
    for (const device of all) {
      const label = entryLabel(device.issuer, device.accountName) ?? '(unnamed device)';
      const secret = this.devices.secretFor(device.id);
      if (secret === undefined) {
        skipped.push({ label, reason: 'Its secret is missing from the keychain.' });
        continue;
      }
      labels.push(label);
      entries.push({
        issuer: device.issuer,
        accountName: device.accountName,
        secret,
        params:
          device.type === 'totp'
            ? {
                type: 'totp',
                algorithm: device.algorithm,
                digits: device.digits,
                periodSeconds: device.periodSeconds,
              }
            : {
                type: 'hotp',
                algorithm: device.algorithm,
                digits: device.digits,
                counter: device.counter,
              },
      });
    }
    const set = await transferQrCodes(entries, this.randomBatchId());
    for (const { index, reason } of set.skipped) {
      skipped.push({ label: labels[index] ?? '(unnamed device)', reason });
    }
    if (set.codes.length === 0) {
      return {
        ok: false,
        reason: 'nothing-transferable',
        message: 'None of your devices can be moved to Google Authenticator this way.',
      };
    }
    return {
      ok: true,
      codes: set.codes.map(code => ({ ...code })),
      accounts: entries.length - set.skipped.length,
      skipped,
    };
  }
}
