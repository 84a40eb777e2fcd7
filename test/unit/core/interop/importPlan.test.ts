/**
 * Import planning: classification examples (HOSTILE-INPUTS #37) and fast-check properties —
 * importing the same file twice never adds anything the second time, and no choice other than an
 * explicit "keep both" ever stores the same seed with the same parameters twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Device } from '../../../../main/core/device/device';
import {
  applyPlan,
  CONFLICT_CHOICES,
  paramsOfDevice,
  planImport,
  sameParams,
  type Candidate,
  type ConflictChoice,
  type StoredDevice,
} from '../../../../main/core/interop/importPlan';
import type { ImportedEntry } from '../../../../main/core/interop/types';
import { OtpSecret } from '../../../../main/core/secret';
import { deviceArbitrary, seedArbitrary } from '../../../support/deviceArbitrary';
import { makeDevice } from '../../../support/vaultFixtures';

const seed = (n: number) =>
  OtpSecret.fromBytes(Uint8Array.from({ length: 20 }, (_, i) => (i * n + n) & 0xff));

function entry(
  issuer: string,
  accountName: string,
  secret: OtpSecret,
  periodSeconds = 30,
): Candidate {
  const value: ImportedEntry = {
    issuer,
    accountName,
    secret,
    params: { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds },
    groups: [],
    favorite: false,
    warnings: [],
  };
  return { kind: 'entry', entry: value };
}

const stored: StoredDevice[] = [
  {
    device: Device.parse({
      ...makeDevice('11111111-1111-4111-8111-111111111111'),
      issuer: 'GitHub',
      accountName: 'alice',
    }),
    secret: seed(1),
  },
];

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${(++counter).toString().padStart(12, '0')}`;

describe('planImport', () => {
  it('classifies new, present and each kind of conflict', () => {
    const candidates = [
      entry('GitHub', 'alice', seed(1)), // same seed, same params
      entry('github', 'ALICE', seed(2)), // same label, other seed
      entry('Other', 'x', seed(1), 60), // same seed, other period
      entry('New', 'y', seed(3)),
      entry('New', 'y', seed(3)), // duplicate within the file
    ];
    expect(
      planImport(stored, candidates).map(i => (i.status === 'conflict' ? i.conflict : i.status)),
    ).toEqual(['present', 'same-label-other-secret', 'same-secret-other-params', 'new', 'present']);
  });

  it('for a restore, flags the same id with other content, and finds an unchanged device present', () => {
    const renamed = { ...stored[0]!.device, accountName: 'alice (old)' };
    const same = { ...stored[0]!.device, order: 9, lastUsedAt: 5 };
    const plan = planImport(stored, [
      { kind: 'device', device: same, secret: seed(1) },
      { kind: 'device', device: renamed, secret: seed(1) },
    ]);
    expect(plan.map(i => (i.status === 'conflict' ? i.conflict : i.status))).toEqual([
      'present',
      'same-id',
    ]);
  });

  it('applies skip, replace and keep-both as chosen', () => {
    const candidates = [entry('GitHub', 'alice', seed(2)), entry('New', 'y', seed(3))];
    const plan = planImport(stored, candidates);
    const context = { stored, nowMs: 1000, newId, takenIds: new Set([stored[0]!.device.id]) };
    expect(applyPlan(plan, candidates, () => 'skip', context)).toMatchObject({
      skipped: 1,
      replace: [],
    });
    const replaced = applyPlan(plan, candidates, () => 'replace', context);
    expect(replaced.replace[0]?.device.id).toBe(stored[0]!.device.id);
    expect(replaced.replace[0]?.secret.equals(seed(2))).toBe(true);
    const both = applyPlan(plan, candidates, () => 'keep-both', context);
    expect(both.add).toHaveLength(2);
    expect(new Set(both.add.map(a => a.device.id)).has(stored[0]!.device.id)).toBe(false);
  });
});

/** The stored list after applying a plan (what DeviceService.storeMany writes). */
function afterApply(
  current: readonly StoredDevice[],
  candidates: readonly Candidate[],
  choice: ConflictChoice,
): StoredDevice[] {
  const plan = planImport(current, candidates);
  const applied = applyPlan(plan, candidates, () => choice, {
    stored: current,
    nowMs: 1,
    newId,
    takenIds: new Set(current.map(s => s.device.id)),
  });
  const replaced = new Map(applied.replace.map(r => [r.device.id, r]));
  return [...current.map(s => replaced.get(s.device.id) ?? s), ...applied.add];
}

const storedArb = fc
  .uniqueArray(fc.tuple(deviceArbitrary, seedArbitrary), { maxLength: 6, selector: ([d]) => d.id })
  .map(pairs => pairs.map(([device, bytes]) => ({ device, secret: OtpSecret.fromBytes(bytes) })));

/** Candidates: copies of stored devices (maybe renamed or re-parameterised) and fresh ones. */
const scenario = storedArb.chain(storedList =>
  fc
    .array(
      fc.oneof(
        fc
          .tuple(fc.nat(), fc.boolean(), fc.boolean())
          .map(([i, rename, reperiod]): Candidate | undefined => {
            const source = storedList[i % Math.max(1, storedList.length)];
            if (source?.secret === undefined) return undefined;
            const params = paramsOfDevice(source.device);
            return {
              kind: 'entry',
              entry: {
                issuer: rename ? `${source.device.issuer}!` : source.device.issuer,
                accountName: source.device.accountName,
                secret: source.secret,
                params:
                  reperiod && params.type === 'totp'
                    ? { ...params, periodSeconds: params.periodSeconds === 30 ? 60 : 30 }
                    : params,
                groups: [],
                favorite: false,
                warnings: [],
              },
            };
          }),
        fc.tuple(deviceArbitrary, seedArbitrary).map(([device, bytes]): Candidate => ({
          kind: 'device',
          device,
          secret: OtpSecret.fromBytes(bytes),
        })),
        fc.tuple(fc.nat(), fc.boolean()).map(([i, rename]): Candidate | undefined => {
          const source = storedList[i % Math.max(1, storedList.length)];
          if (source?.secret === undefined) return undefined;
          return {
            kind: 'device',
            device: rename
              ? { ...source.device, issuer: `${source.device.issuer}?` }
              : source.device,
            secret: source.secret,
          };
        }),
      ),
      { maxLength: 8 },
    )
    .map(list => ({
      stored: storedList,
      candidates: list.filter((c): c is Candidate => c !== undefined),
    })),
);

describe('import planning properties', () => {
  it('importing the same file twice adds nothing the second time', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...CONFLICT_CHOICES),
        ({ stored: initial, candidates }, choice) => {
          const once = afterApply(initial, candidates, choice);
          const twice = afterApply(once, candidates, choice);
          expect(twice.map(s => s.device.id)).toEqual(once.map(s => s.device.id));
          const again = planImport(once, candidates);
          expect(again.filter(i => i.status === 'new')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never stores the same seed and parameters twice unless the user chose "keep both"', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom<ConflictChoice>('skip', 'replace'),
        ({ stored: initial, candidates }, choice) => {
          const before = duplicatePairs(initial);
          const after = duplicatePairs(afterApply(initial, candidates, choice));
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function duplicatePairs(list: readonly StoredDevice[]): number {
  let pairs = 0;
  list.forEach((a, i) => {
    list.slice(i + 1).forEach(b => {
      if (
        a.secret &&
        b.secret &&
        a.secret.equals(b.secret) &&
        sameParams(paramsOfDevice(a.device), paramsOfDevice(b.device))
      )
        pairs += 1;
    });
  });
  return pairs;
}
