/**
 * Contract rows of the device list → service calls (ipc layer): favourites, manual order and
 * the display settings. Arguments arrive already validated by the router.
 */
import type { listChannels } from '../../preload/contract/listChannels';
import type { DeviceService } from '../services/deviceService';
import type { SettingsService } from '../services/settingsService';
import type { Handlers } from './router';

type ListHandlers = Pick<Handlers, keyof typeof listChannels & keyof Handlers>;

export function createListHandlers({
  devices,
  settings,
}: {
  readonly devices: DeviceService;
  readonly settings: SettingsService;
}): ListHandlers {
  return {
    'devices.setFavorite': (id, favorite) => devices.setFavorite(id, favorite),
    'devices.move': (id, target) => devices.move(id, target),
    'settings.get': () => Promise.resolve(settings.get()),
    'settings.update': patch => settings.update(patch),
  };
}
