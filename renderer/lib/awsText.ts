/**
 * AWS details as the renderer shows and suggests them (renderer, pure): the serial ARN
 * suggestion, the console sign-in link, and the 8-devices-per-user limit. Main validates
 * whatever is saved; these only help the user fill the form and read the list.
 */
import type { AwsView, DeviceView } from '../../preload/contract/contract';

/** AWS allows at most this many MFA devices per user (root or IAM user). */
export const MFA_DEVICES_PER_USER = 8;

const ACCOUNT_ID = /^\d{12}$/;
/** IAM account alias rules (CreateAccountAlias); the same pattern main checks. */
const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/** Accepts the ways people write account IDs: `1234-5678-9012`, `1234 5678 9012`. */
export function normalizeAccountId(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/** Whether `text` (as typed) is a 12-digit AWS account ID. */
export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(normalizeAccountId(text));
}

/**
 * The serial ARN AWS gives a virtual MFA device created with the default path,
 * `arn:aws:iam::<account id>:mfa/<device name>`, or null without a valid account ID and a name.
 */
export function suggestSerialArn(accountId: string, deviceName: string): string | null {
  const account = normalizeAccountId(accountId);
  const name = deviceName.trim();
  if (!ACCOUNT_ID.test(account) || name === '') {
    return null;
  }
  return `arn:aws:iam::${account}:mfa/${name}`;
}

type AccountRef = Pick<AwsView, 'accountId' | 'alias'>;

/**
 * The account's console sign-in page, `https://<account id or alias>.signin.aws.amazon.com/console`,
 * or null when neither is a valid host label (so user data never shapes another host name).
 */
export function consoleSignInUrl({ accountId, alias }: AccountRef): string | null {
  const account =
    accountId !== null && ACCOUNT_ID.test(accountId)
      ? accountId
      : alias !== null && ACCOUNT_ALIAS.test(alias)
        ? alias
        : null;
  return account === null ? null : `https://${account}.signin.aws.amazon.com/console`;
}

/** The account a group of AWS devices belongs to: the first known ID and alias among them. */
export function groupAccount(devices: readonly DeviceView[]): AccountRef {
  return {
    accountId: devices.find(device => device.aws?.accountId != null)?.aws?.accountId ?? null,
    alias: devices.find(device => device.aws?.alias != null)?.aws?.alias ?? null,
  };
}

export interface PrincipalCount {
  /** The IAM user name, or null for the root user. */
  readonly iamUser: string | null;
  readonly count: number;
}

/**
 * Users with more MFA devices recorded than AWS allows, among devices of one account: IAM
 * users by name, and the root user. Devices whose user is not set are not counted.
 */
export function usersOverMfaLimit(devices: readonly DeviceView[]): PrincipalCount[] {
  const counts = new Map<string | null, number>();
  for (const { aws } of devices) {
    if (aws === null || (!aws.root && aws.iamUser === null)) {
      continue;
    }
    const key = aws.root ? null : aws.iamUser;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > MFA_DEVICES_PER_USER)
    .map(([iamUser, count]) => ({ iamUser, count }));
}

/** "IAM user alice has 9 MFA devices here", "The root user has 9 MFA devices here". */
export function overLimitLine({ iamUser, count }: PrincipalCount): string {
  const who = iamUser === null ? 'The root user' : `IAM user ${iamUser}`;
  return `${who} has ${count} MFA devices recorded here.`;
}
