/**
 * The Edit dialog's form state (renderer, pure): from a DeviceView to what the fields show, and
 * from the fields to the one `devices.edit` input main validates. Main decides what is valid;
 * this only shapes text (tags are typed comma-separated, blanks mean "not set").
 */
import type { DeviceView } from '../../../preload/contract/contract';
import type { DeviceEditInput } from '../../../preload/contract/editChannels';
import type { PrincipalKind } from './PrincipalChoice';

export interface EditFormState {
  readonly issuer: string;
  readonly accountName: string;
  readonly group: string;
  /** Tags as typed: separated by commas. */
  readonly tags: string;
  /** Whether the AWS details are kept (an AWS virtual MFA device). */
  readonly isAws: boolean;
  readonly accountId: string;
  readonly alias: string;
  readonly principal: PrincipalKind;
  readonly userName: string;
  readonly deviceName: string;
  readonly serialArn: string;
}

const AWS_ISSUER = /^amazon web services$/iu;

export function initialEditForm(device: DeviceView): EditFormState {
  const aws = device.aws;
  return {
    issuer: device.issuer,
    accountName: device.accountName,
    group: device.group.kind === 'custom' ? device.group.label : '',
    tags: device.tags.join(', '),
    isAws: aws !== null || (device.type === 'totp' && AWS_ISSUER.test(device.issuer.trim())),
    accountId: aws?.accountId ?? '',
    alias: aws?.alias ?? '',
    principal: aws?.root === true ? 'root' : aws?.iamUser != null ? 'iam-user' : 'unknown',
    userName: aws?.iamUser ?? '',
    deviceName: aws?.deviceName ?? defaultDeviceName(device.accountName),
    serialArn: aws?.serialArn ?? '',
  };
}

/** For an AWS label `name@account`, the MFA device name is the part before the last '@'. */
function defaultDeviceName(accountName: string): string {
  const at = accountName.lastIndexOf('@');
  return at > 0 ? accountName.slice(0, at) : accountName;
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map(tag => tag.trim())
    .filter(tag => tag !== '');
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toEditInput(form: EditFormState): DeviceEditInput {
  return {
    issuer: form.issuer,
    accountName: form.accountName,
    group: form.group,
    tags: splitTags(form.tags),
    aws: form.isAws
      ? {
          accountId: orNull(form.accountId),
          alias: orNull(form.alias),
          deviceName: form.deviceName,
          principal:
            form.principal === 'iam-user'
              ? { kind: 'iam-user', userName: form.userName }
              : form.principal === 'root'
                ? { kind: 'root' }
                : { kind: 'unknown' },
          serialArn: orNull(form.serialArn),
        }
      : null,
  };
}
