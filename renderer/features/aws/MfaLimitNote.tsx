/**
 * A warning under an AWS account's header when more devices are recorded for one user than
 * AWS allows (8 per IAM user or root user), so the user knows why AWS may refuse a new one.
 */
import type { DeviceView } from '../../../preload/contract/contract';
import { MFA_DEVICES_PER_USER, overLimitLine, usersOverMfaLimit } from '../../lib/awsText';
import { Icon } from '../../ui/Icon';

export function MfaLimitNote({ devices }: { readonly devices: readonly DeviceView[] }) {
  const over = usersOverMfaLimit(devices);
  if (over.length === 0) {
    return null;
  }
  return (
    <div className="group__note group__note--warning">
      <Icon name="warning" />
      <p>
        AWS allows at most {MFA_DEVICES_PER_USER} MFA devices per user.{' '}
        {over.map(overLimitLine).join(' ')} Delete the ones no longer assigned in IAM.
      </p>
    </div>
  );
}
