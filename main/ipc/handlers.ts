/**
 * Contract rows → service calls (ipc layer). Arguments arrive already validated by the router;
 * every result is a view or an outcome value, never key material.
 */
import type { CopyOutcome } from '../../preload/contract/contract';
import type { ClipboardService } from '../services/clipboardService';
import type { CodeService } from '../services/codeService';
import type { DeviceService } from '../services/deviceService';
import type { Handlers } from './router';

export interface HandlerServices {
  readonly devices: DeviceService;
  readonly codes: CodeService;
  readonly clipboard: ClipboardService;
}

export function createHandlers({ devices, codes, clipboard }: HandlerServices): Handlers {
  return {
    'app.status': () => Promise.resolve(devices.status()),
    'app.retryKeychain': () => devices.retryKeychain(),
    'devices.list': () => Promise.resolve(devices.list()),
    'devices.addFromUri': uri => devices.addFromUri(uri),
    'devices.addManual': input => devices.addManual(input),
    'devices.rename': (id, input) => devices.rename(id, input),
    'devices.remove': id => devices.remove(id),
    'codes.current': () => Promise.resolve(codes.current()),
    'codes.copy': async (id, which): Promise<CopyOutcome> => {
      const device = devices.device(id);
      if (device === undefined) {
        return { ok: false, reason: 'not-found', message: 'That device no longer exists.' };
      }
      const code = codes.codeFor(id, which);
      if (code === undefined) {
        return {
          ok: false,
          reason: 'secret-missing',
          message:
            'This device has no secret in the keychain, so it has no code. Re-enter its secret or delete it.',
        };
      }
      const written = await clipboard.copyCode(code);
      if (!written.ok)
        return { ok: false, reason: 'clipboard-unavailable', message: written.message };
      await devices.markUsed(id);
      return { ok: true, which, clearAfterMs: written.clearAfterMs };
    },
    'codes.advanceHotp': id => devices.advanceHotp(id),
  };
}
