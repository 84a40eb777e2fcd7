/**
 * Contract rows → service calls (ipc layer). Arguments arrive already validated by the router;
 * every result is a view or an outcome value, never key material.
 */
import type { ClockHealth } from '../services/clockHealth';
import type { CodeService } from '../services/codeService';
import type { CopyService } from '../services/copyService';
import type { DeviceService } from '../services/deviceService';
import type { EnrollmentService } from '../services/enrollmentService';
import type { ScanService } from '../services/scanService';
import type { SecretRevealService } from '../services/secretRevealService';
import { createEditHandlers } from './editHandlers';
import type { SettingsService } from '../services/settingsService';
import { createListHandlers } from './listHandlers';
import type { TransferService } from '../services/transferService';
import { createBackupHandlers, type BackupHandlerServices } from './backupHandlers';
import type { Handlers } from './router';
import { createScanHandlers } from './scanHandlers';
import { createTransferHandlers } from './transferHandlers';

export interface HandlerServices {
  readonly devices: DeviceService;
  readonly codes: CodeService;
  readonly copier: CopyService;
  readonly enrollment: EnrollmentService;
  readonly clockHealth: ClockHealth;
  readonly scan: ScanService;
  readonly secrets: SecretRevealService;
  readonly settings: SettingsService;
  readonly transfer: TransferService;
  readonly backup: BackupHandlerServices;
}

export function createHandlers({
  devices,
  codes,
  copier,
  enrollment,
  clockHealth,
  scan,
  secrets,
  settings,
  transfer,
  backup,
}: HandlerServices): Handlers {
  return {
    'app.status': () => Promise.resolve(devices.status()),
    'app.retryKeychain': () => devices.retryKeychain(),
    'devices.list': () => Promise.resolve(devices.list()),
    'devices.addFromUri': uri => devices.addFromUri(uri),
    'devices.addManual': input => devices.addManual(input),
    'devices.remove': id => devices.remove(id),
    'codes.current': () => Promise.resolve(codes.current()),
    'codes.copy': (id, which, options) => copier.copyCode(id, which, options),
    'codes.advanceHotp': id => devices.advanceHotp(id),
    'aws.enrollment': (id, { userName }) => Promise.resolve(enrollment.enrollment(id, userName)),
    'aws.copyEnrollment': (id, { item, code2Step, userName }) =>
      enrollment.copy(id, item, code2Step, userName),
    'clock.status': () => Promise.resolve(clockHealth.status()),
    'clock.check': () => clockHealth.check(),
    'clock.applyOffset': apply => clockHealth.applyOffset(apply),
    'clock.setServer': server => clockHealth.setServer(server),
    ...createScanHandlers(scan),
    ...createEditHandlers(devices, secrets),
    ...createListHandlers({ devices, settings }),
    ...createTransferHandlers(transfer),
    ...createBackupHandlers(backup, () => codes.nowMs()),
  };
}
