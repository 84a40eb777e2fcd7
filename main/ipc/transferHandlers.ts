/** Contract rows of transferChannels → TransferService (ipc layer). */
import type { TransferService } from '../services/transferService';
import type { Handlers } from './router';

export function createTransferHandlers(
  transfer: TransferService,
): Pick<Handlers, 'transfer.qrCodes'> {
  return {
    // The argument schema only admits { confirmed: true }: consent is part of the call.
    'transfer.qrCodes': () => transfer.qrCodes(),
  };
}
