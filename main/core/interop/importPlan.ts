/**
 * Import planning (core, pure): classifies what a file brings against what is stored — new,
 * already present, or conflicting — and turns the user's choice for conflicts into devices to
 * add and devices to replace (HOSTILE-INPUTS #37: never overwrite silently, never duplicate).
 *
 * "Present" means the same seed with the same parameters (type, algorithm, digits, period; an
 * HOTP counter moves with use and is not compared), or, for a Tessera restore, the same device
 * (id or content) with the same seed. A conflict is the same issuer + account with another seed,
 * the same seed with other parameters, or — for a restore — the same id with other content.
 * Candidates are classified in order against the stored devices *and* the earlier candidates,
 * so a file that lists an account twice adds it once, and applying a plan and planning the same
 * file again finds everything present.
 */
import { parseAwsLabel } from '../device/awsLabel';
import type { Device } from '../device/device';
import type { OtpParams } from '../otp/types';
import type { OtpSecret } from '../secret';
import type { ImportedEntry } from './types';

/** One thing a file brings: a foreign entry, or a whole device from a Tessera backup. */
export type Candidate =
  | { readonly kind: 'entry'; readonly entry: ImportedEntry }
  | { readonly kind: 'device'; readonly device: Device; readonly secret: OtpSecret };

export interface StoredDevice {
  readonly device: Device;
  /** Undefined when the keychain has no seed for it (then only its label can match). */
  readonly secret: OtpSecret | undefined;
}

export const CONFLICT_KINDS = [
  'same-id',
  'same-secret-other-params',
  'same-label-other-secret',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export type PlanItem =
  | { readonly index: number; readonly status: 'new' }
  | { readonly index: number; readonly status: 'present'; readonly existingId: string | undefined }
  | {
      readonly index: number;
      readonly status: 'conflict';
      readonly conflict: ConflictKind;
      readonly existingId: string;
    };

export const CONFLICT_CHOICES = ['skip', 'replace', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

interface Known {
  readonly id: string | undefined;
  readonly issuer: string;
  readonly accountName: string;
  readonly params: OtpParams | undefined;
  readonly secret: OtpSecret | undefined;
  readonly device: Device | undefined;
}

export function paramsOfDevice(device: Device): OtpParams {
  return device.type === 'totp'
    ? {
        type: 'totp',
        algorithm: device.algorithm,
        digits: device.digits,
        periodSeconds: device.periodSeconds,
      }
    : { type: 'hotp', algorithm: device.algorithm, digits: device.digits, counter: device.counter };
}

/** Same code-generating parameters (an HOTP counter is state, not a parameter). */
export function sameParams(a: OtpParams, b: OtpParams): boolean {
  if (a.type !== b.type || a.algorithm !== b.algorithm || a.digits !== b.digits) return false;
  return a.type === 'hotp' || b.type === 'hotp' || a.periodSeconds === b.periodSeconds;
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('en');

function sameLabel(
  a: { issuer: string; accountName: string },
  b: { issuer: string; accountName: string },
): boolean {
  return fold(a.issuer) === fold(b.issuer) && fold(a.accountName) === fold(b.accountName);
}

/** The user-visible content of a device: what a restore compares (not ids, order, or usage). */
function content(device: Device): string {
  const {
    id: _id,
    order: _order,
    createdAt: _created,
    updatedAt: _updated,
    lastUsedAt: _used,
    lastCopiedStep: _step,
    lastBackupAt: _backup,
    recovered: _recovered,
    ...rest
  } = device;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function candidateView(candidate: Candidate): Known {
  if (candidate.kind === 'entry') {
    const { entry } = candidate;
    return {
      id: undefined,
      issuer: entry.issuer,
      accountName: entry.accountName,
      params: entry.params,
      secret: entry.secret,
      device: undefined,
    };
  }
  const { device, secret } = candidate;
  return {
    id: device.id,
    issuer: device.issuer,
    accountName: device.accountName,
    params: paramsOfDevice(device),
    secret,
    device,
  };
}

function storedView({ device, secret }: StoredDevice): Known {
  return {
    id: device.id,
    issuer: device.issuer,
    accountName: device.accountName,
    params: paramsOfDevice(device),
    secret,
    device,
  };
}

function classify(index: number, incoming: Known, known: readonly Known[]): PlanItem {
  const seedMatches = known.filter(
    k =>
      k.secret !== undefined && incoming.secret !== undefined && k.secret.equals(incoming.secret),
  );
  const sameId = incoming.id === undefined ? undefined : known.find(k => k.id === incoming.id);
  if (incoming.device !== undefined) {
    const wanted = content(incoming.device);
    const identical = seedMatches.find(k => k.device !== undefined && content(k.device) === wanted);
    if (identical) return { index, status: 'present', existingId: identical.id };
    if (sameId?.id !== undefined)
      return { index, status: 'conflict', conflict: 'same-id', existingId: sameId.id };
  }
  const params = incoming.params;
  const present = seedMatches.find(
    k => k.params !== undefined && params !== undefined && sameParams(k.params, params),
  );
  if (present) return { index, status: 'present', existingId: present.id };
  const otherParams = seedMatches.find(k => k.id !== undefined);
  if (otherParams?.id !== undefined) {
    return {
      index,
      status: 'conflict',
      conflict: 'same-secret-other-params',
      existingId: otherParams.id,
    };
  }
  const label = known.find(k => k.id !== undefined && sameLabel(k, incoming));
  if (label?.id !== undefined) {
    return { index, status: 'conflict', conflict: 'same-label-other-secret', existingId: label.id };
  }
  return { index, status: 'new' };
}

/**
 * Classifies every candidate. A candidate matching an *earlier candidate* of the same file (and
 * nothing stored) is "present" with no existingId: it would be a duplicate within the file.
 */
export function planImport(
  stored: readonly StoredDevice[],
  candidates: readonly Candidate[],
): PlanItem[] {
  const known: Known[] = stored.map(storedView);
  return candidates.map((candidate, index) => {
    const view = candidateView(candidate);
    const item = classify(index, view, known);
    // Later candidates are compared with this one as if it were stored (without an id: a
    // conflict must always point at a stored device the user can look at).
    if (item.status !== 'present') known.push({ ...view, id: undefined });
    return item;
  });
}

export interface PlannedDevice {
  readonly device: Device;
  readonly secret: OtpSecret;
}

export interface AppliedPlan {
  /** New devices (ids fresh or, for a restore, kept from the backup when free). */
  readonly add: readonly PlannedDevice[];
  /** Stored devices whose content and seed are replaced; `device.id` is the stored id. */
  readonly replace: readonly PlannedDevice[];
  readonly skipped: number;
  readonly present: number;
}

export interface ApplyContext {
  readonly stored: readonly StoredDevice[];
  readonly nowMs: number;
  readonly newId: () => string;
  /** Ids that may not be reused (stored devices, and keychain deletes still pending). */
  readonly takenIds: ReadonlySet<string>;
}

/** A new Device for a foreign entry: AWS labels are recognised, the first group is kept. */
export function deviceFromEntry(entry: ImportedEntry, id: string, nowMs: number): Device {
  const aws = parseAwsLabel(entry.issuer, entry.accountName);
  const group = entry.groups[0];
  const common = {
    id,
    issuer: entry.issuer,
    accountName: entry.accountName,
    algorithm: entry.params.algorithm,
    digits: entry.params.digits,
    ...(aws === undefined ? {} : { aws }),
    ...(group === undefined ? {} : { group }),
    tags: [],
    favorite: entry.favorite,
    order: 0,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  return entry.params.type === 'totp'
    ? { ...common, type: 'totp', periodSeconds: entry.params.periodSeconds }
    : { ...common, type: 'hotp', counter: entry.params.counter };
}

/**
 * Turns a plan and the user's choice for each conflict into the devices to store. Replacing a
 * stored device keeps its id, order and creation time; for a foreign entry it also keeps the
 * stored AWS details, group and tags (the entry has none of Tessera's metadata).
 */
export function applyPlan(
  plan: readonly PlanItem[],
  candidates: readonly Candidate[],
  choose: (item: Extract<PlanItem, { status: 'conflict' }>) => ConflictChoice,
  context: ApplyContext,
): AppliedPlan {
  const taken = new Set(context.takenIds);
  const add: PlannedDevice[] = [];
  const replace: PlannedDevice[] = [];
  let skipped = 0;
  let present = 0;
  const freshId = (wanted: string | undefined): string => {
    let id = wanted !== undefined && !taken.has(wanted) ? wanted : context.newId();
    while (taken.has(id)) id = context.newId();
    taken.add(id);
    return id;
  };
  const build = (candidate: Candidate, id: string): PlannedDevice =>
    candidate.kind === 'entry'
      ? {
          device: deviceFromEntry(candidate.entry, id, context.nowMs),
          secret: candidate.entry.secret,
        }
      : { device: { ...candidate.device, id }, secret: candidate.secret };

  for (const item of plan) {
    const candidate = candidates[item.index];
    if (candidate === undefined) continue;
    if (item.status === 'present') {
      present += 1;
      continue;
    }
    const wantedId = candidate.kind === 'device' ? candidate.device.id : undefined;
    if (item.status === 'new') {
      add.push(build(candidate, freshId(wantedId)));
      continue;
    }
    const choice = choose(item);
    if (choice === 'skip') {
      skipped += 1;
      continue;
    }
    if (choice === 'keep-both') {
      add.push(build(candidate, freshId(undefined)));
      continue;
    }
    const existing = context.stored.find(s => s.device.id === item.existingId)?.device;
    if (existing === undefined) {
      skipped += 1;
      continue;
    }
    const incoming = build(candidate, existing.id);
    const keep = {
      id: existing.id,
      order: existing.order,
      createdAt: existing.createdAt,
      updatedAt: context.nowMs,
    };
    const merged: Device =
      candidate.kind === 'entry'
        ? {
            ...incoming.device,
            ...keep,
            tags: existing.tags,
            ...(existing.aws === undefined ? {} : { aws: existing.aws }),
            ...(existing.group === undefined ? {} : { group: existing.group }),
          }
        : { ...incoming.device, ...keep };
    replace.push({ device: merged, secret: incoming.secret });
  }
  return { add, replace, skipped, present };
}
