/** What a row's menu can ask the window to open (renderer): the dialogs live in App. */
import type { DeviceView } from '../../../preload/contract/contract';
import type { EnrollmentMode } from '../../lib/enrollment';

export interface RowActions {
  /** The Edit dialog: names, group, tags, AWS details, and the secret (after confirmation). */
  readonly edit: (device: DeviceView) => void;
  readonly remove: (device: DeviceView) => void;
  /** The AWS enrollment or resync assistant. */
  readonly enroll: (device: DeviceView, mode: EnrollmentMode) => void;
  /** For a device whose secret is missing from the keychain: type it in again. */
  readonly reenterSecret: (device: DeviceView) => void;
}
