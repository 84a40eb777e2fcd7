/** What a row's menu can ask the window to open (renderer): the dialogs live in App. */
import type { DeviceView } from '../../../preload/contract/contract';
import type { EnrollmentMode } from '../../lib/enrollment';

export interface RowActions {
  readonly rename: (device: DeviceView) => void;
  readonly remove: (device: DeviceView) => void;
  /** The AWS enrollment or resync assistant. */
  readonly enroll: (device: DeviceView, mode: EnrollmentMode) => void;
  readonly editAws: (device: DeviceView) => void;
}
