/**
 * Handlers of the edit rows (ipc layer, issue 4): editing, the add preview, missing-secret
 * recovery and the confirmed reveal/copy of a secret. Arguments arrive validated by the router
 * (including the `{ confirmed: true }` the reveal rows require).
 */
import type { editChannels } from '../../preload/contract/editChannels';
import type { DeviceService } from '../services/deviceService';
import type { SecretRevealService } from '../services/secretRevealService';
import type { Handlers } from './router';

export type EditHandlers = Pick<Handlers, keyof typeof editChannels>;

export function createEditHandlers(
  devices: DeviceService,
  secrets: SecretRevealService,
): EditHandlers {
  return {
    'devices.edit': (id, input) => devices.edit(id, input),
    'devices.revealSecret': (id, confirmation) => secrets.reveal(id, confirmation),
    'devices.copySecret': (id, confirmation) => secrets.copy(id, confirmation),
    'devices.previewUri': uri => Promise.resolve(devices.previewUri(uri)),
    'devices.previewManual': input => Promise.resolve(devices.previewManual(input)),
    'devices.reenterSecret': (id, text) => devices.reenterSecret(id, text),
  };
}
