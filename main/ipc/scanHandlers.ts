/**
 * Contract rows of QR scanning → ScanService (ipc layer). Arguments arrive validated (frame
 * sizes included); results are previews and outcomes, never the decoded text.
 */
import type { ScanService } from '../services/scanService';
import type { Handlers } from './router';

type ScanChannel = Extract<keyof Handlers, `scan.${string}`>;

export function createScanHandlers(scan: ScanService): Pick<Handlers, ScanChannel> {
  return {
    'scan.screen': () => scan.scanScreen(),
    'scan.frame': frame => scan.scanFrame(frame),
    'scan.confirm': (token, indexes) => scan.confirm(token, indexes),
    'scan.discard': token => {
      scan.discard(token);
      return Promise.resolve({ ok: true as const });
    },
    'scan.allowCamera': active => {
      scan.allowCamera(active);
      return Promise.resolve({ ok: true as const });
    },
  };
}
