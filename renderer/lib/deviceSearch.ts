/**
 * Instant search over the device list (renderer, pure): every word of the query must appear in
 * a device's issuer, account name, group label, AWS account ID, alias, MFA device name, IAM
 * user, serial ARN or tags, ignoring case and accents. The folded text of each device is built
 * once per DeviceView object (views are replaced, never mutated, when main pushes a change),
 * so a keystroke over 1,000 devices is a thousand `includes` calls.
 */
import type { DeviceView } from '../../preload/contract/contract';

/** Folds case and accents so `gïthub` finds `GitHub`. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const haystacks = new WeakMap<DeviceView, string>();

function haystackOf(device: DeviceView): string {
  let text = haystacks.get(device);
  if (text === undefined) {
    const aws = device.aws;
    text = foldText(
      [
        device.issuer,
        device.accountName,
        device.group.label,
        aws?.alias,
        aws?.accountId,
        aws?.deviceName,
        aws?.iamUser,
        aws?.root === true ? 'root' : undefined,
        aws?.serialArn,
        ...device.tags,
      ]
        .filter((part): part is string => typeof part === 'string' && part !== '')
        .join('\n'),
    );
    haystacks.set(device, text);
  }
  return text;
}

/** The query's words, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export function deviceMatches(device: DeviceView, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = haystackOf(device);
  return words.every(word => haystack.includes(word));
}

/** Ids of the devices matching `query`, or null when the query is blank (everything shows). */
export function matchingIds(
  devices: readonly DeviceView[],
  query: string,
): ReadonlySet<string> | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const ids = new Set<string>();
  for (const device of devices) {
    if (deviceMatches(device, words)) ids.add(device.id);
  }
  return ids;
}

/**
 * Builds the search text of `devices` while the page is idle, so the first keystroke after
 * loading (or after main pushes changed devices) does not pay for a thousand of them.
 * Returns a cancel function.
 */
export function warmSearch(devices: readonly DeviceView[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  let next = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    while (next < devices.length && deadline.timeRemaining() > 1) {
      const device = devices[next];
      if (device !== undefined) haystackOf(device);
      next += 1;
    }
    if (next < devices.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => {
    cancelIdleCallback(handle);
  };
}
