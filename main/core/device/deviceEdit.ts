/**
 * Validation of the Edit dialog (core, pure): names, group, tags and AWS details, checked
 * together so that one refusal — with the field it is about — means nothing is written. Display
 * text is cleaned as for a new device (HOSTILE-INPUTS #19) and measured after cleaning, so a
 * value the contract let through can never fail the stored schema later.
 */
import type { DeviceEditInput, EditField } from '../../../preload/contract/editChannels';
import { validateAwsEdit } from '../aws/awsEdit';
import { normalizeDisplayText } from '../otp/otpauthUri';
import { TEXT_LIMITS, type AwsMetadata, type Device } from './device';

/** The cleaned, valid edit: apply it with {@link applyDeviceEdit}. */
export interface ValidDeviceEdit {
  readonly issuer: string;
  readonly accountName: string;
  /** undefined: no group of the user's own (the device groups by AWS account or issuer). */
  readonly group: string | undefined;
  readonly tags: readonly string[];
  /** undefined: not an AWS device. */
  readonly aws: AwsMetadata | undefined;
}

export type DeviceEditValidation =
  | { readonly ok: true; readonly edit: ValidDeviceEdit }
  | { readonly ok: false; readonly field: EditField | null; readonly message: string };

const fail = (field: EditField | null, message: string): DeviceEditValidation => ({
  ok: false,
  field,
  message,
});

const NUL = 'Names cannot contain NUL characters.';

export function validateDeviceEdit(input: DeviceEditInput): DeviceEditValidation {
  const issuer = normalizeDisplayText(input.issuer);
  if (issuer === undefined) return fail('issuer', NUL);
  const accountName = normalizeDisplayText(input.accountName);
  if (accountName === undefined) return fail('accountName', NUL);
  if (issuer === '' && accountName === '') {
    return fail('issuer', 'Give the device an issuer or an account name.');
  }
  if (issuer.length > TEXT_LIMITS.issuer) {
    return fail('issuer', `The issuer can be at most ${TEXT_LIMITS.issuer} characters long.`);
  }
  if (accountName.length > TEXT_LIMITS.accountName) {
    return fail(
      'accountName',
      `The account name can be at most ${TEXT_LIMITS.accountName} characters long.`,
    );
  }

  const group = normalizeDisplayText(input.group);
  if (group === undefined) return fail('group', NUL);
  if (group.length > TEXT_LIMITS.group) {
    return fail('group', `A group name can be at most ${TEXT_LIMITS.group} characters long.`);
  }

  const tags = cleanTags(input.tags);
  if (!tags.ok) return fail('tags', tags.message);

  let aws: AwsMetadata | undefined;
  if (input.aws !== null) {
    const validated = validateAwsEdit(input.aws);
    if (!validated.ok) return fail(validated.field, validated.message);
    if (validated.aws.deviceName.length > TEXT_LIMITS.accountName) {
      return fail(
        'deviceName',
        `The MFA device name can be at most ${TEXT_LIMITS.accountName} characters long.`,
      );
    }
    aws = validated.aws;
  }

  return {
    ok: true,
    edit: { issuer, accountName, group: group === '' ? undefined : group, tags: tags.tags, aws },
  };
}

/**
 * Tags as the user typed them: cleaned, empty ones dropped, duplicates (ignoring case) kept
 * once, in the order given.
 */
export function cleanTags(
  raw: readonly string[],
): { ok: true; tags: string[] } | { ok: false; message: string } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const text of raw) {
    const tag = normalizeDisplayText(text);
    if (tag === undefined) return { ok: false, message: 'Tags cannot contain NUL characters.' };
    if (tag === '') continue;
    if (tag.length > TEXT_LIMITS.tag) {
      return {
        ok: false,
        message: `A tag can be at most ${TEXT_LIMITS.tag} characters long (“${tag.slice(0, 20)}…”).`,
      };
    }
    const key = tag.toLocaleLowerCase('en');
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > TEXT_LIMITS.tags) {
    return { ok: false, message: `A device can have at most ${TEXT_LIMITS.tags} tags.` };
  }
  return { ok: true, tags };
}

/**
 * The device with a validated edit applied; `nowMs` becomes its `updatedAt`. A new issuer is
 * the user's own decision, so it also settles an issuer-mismatch warning from the label.
 */
export function applyDeviceEdit(device: Device, edit: ValidDeviceEdit, nowMs: number): Device {
  const next: Device = {
    ...device,
    issuer: edit.issuer,
    accountName: edit.accountName,
    tags: [...edit.tags],
    updatedAt: nowMs,
  };
  delete next.group;
  delete next.aws;
  if (edit.group !== undefined) next.group = edit.group;
  if (edit.aws !== undefined) next.aws = edit.aws;
  if (edit.issuer !== device.issuer) delete next.labelIssuer;
  return next;
}
