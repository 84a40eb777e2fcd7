import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveDevice, movedIds } from '../../../../main/core/device/ordering';
import { emptyVault, VaultEditError } from '../../../../main/core/vault/vaultDocument';
import type { Device } from '../../../../main/core/device/device';

const id = (i: number) => `11111111-1111-4111-8111-${i.toString().padStart(12, '0')}`;
const list = (orders: number[]) => orders.map((order, i) => ({ id: id(i), order }));

describe('movedIds', () => {
  it('moves a device before, after, or to an index', () => {
    const devices = list([0, 1, 2, 3]);
    expect(movedIds(devices, id(3), { before: id(1) })).toEqual([id(0), id(3), id(1), id(2)]);
    expect(movedIds(devices, id(0), { after: id(2) })).toEqual([id(1), id(2), id(0), id(3)]);
    expect(movedIds(devices, id(2), { toIndex: 0 })).toEqual([id(2), id(0), id(1), id(3)]);
    expect(movedIds(devices, id(0), { toIndex: 99 })).toEqual([id(1), id(2), id(3), id(0)]);
  });

  it('orders ties by id, so every process sees the same sequence', () => {
    expect(movedIds(list([5, 5, 1]), id(2), { toIndex: 2 })).toEqual([id(0), id(1), id(2)]);
  });

  it('refuses an unknown device or anchor', () => {
    expect(() => movedIds(list([0, 1]), id(7), { toIndex: 0 })).toThrow(VaultEditError);
    expect(() => movedIds(list([0, 1]), id(0), { before: id(7) })).toThrow(VaultEditError);
  });

  it('is a permutation that puts the device where asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (orders, pick, to) => {
          const devices = list(orders);
          const moved = id(pick % devices.length);
          const result = movedIds(devices, moved, { toIndex: to % (devices.length + 1) });
          expect([...result].sort()).toEqual(devices.map(d => d.id).sort());
          expect(result.indexOf(moved)).toBe(
            Math.min(to % (devices.length + 1), devices.length - 1),
          );
        },
      ),
    );
  });
});

describe('moveDevice', () => {
  it('renumbers 0…n-1, stamps only the devices whose order changed, and bumps the generation', () => {
    const devices = [0, 1, 2].map(
      i =>
        ({
          id: id(i),
          type: 'totp',
          issuer: 'I',
          accountName: `a${i}`,
          algorithm: 'SHA1',
          digits: 6,
          periodSeconds: 30,
          tags: [],
          favorite: false,
          order: i,
          createdAt: 0,
          updatedAt: 0,
        }) satisfies Device,
    );
    const document = { ...emptyVault(), devices };
    const moved = moveDevice(document, id(2), { before: id(1) }, 42);
    expect(moved.generation).toBe(1);
    expect(moved.devices.map(d => [d.id, d.order, d.updatedAt])).toEqual([
      [id(0), 0, 0],
      [id(1), 2, 42],
      [id(2), 1, 42],
    ]);
    expect(moveDevice(document, id(0), { toIndex: 0 }, 42)).toBe(document);
  });
});
