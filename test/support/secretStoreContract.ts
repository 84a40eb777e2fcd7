/**
 * The behaviour every SecretStore must have (test support: a shared vitest suite). Run against
 * the in-memory fake (unit) and the real OS keychain (integration), so the fake that service
 * tests rely on cannot drift from the adapter the app uses.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../main/core/ports';
import { OtpSecret } from '../../main/core/secret';

export interface SecretStoreFixture {
  readonly store: SecretStore;
  /** Removes every item the store holds; called after each test. */
  cleanup(): Promise<void>;
}

/** Deterministic, non-repeating test bytes of the given length (never a real seed). */
export function seedBytes(length: number, salt = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11 + salt) & 0xff);
}

function bytesOf(secret: OtpSecret | undefined): number[] | undefined {
  return secret?.use(bytes => Array.from(bytes));
}

/**
 * Registers the contract suite. `make` must return a store over a fresh, empty namespace (for
 * the keychain: a new service name) each time it is called.
 */
export function secretStoreContract(name: string, make: () => Promise<SecretStoreFixture>): void {
  describe(`SecretStore contract: ${name}`, () => {
    let fixtures: SecretStoreFixture[] = [];
    let store: SecretStore;

    async function makeTracked(): Promise<SecretStoreFixture> {
      const fixture = await make();
      fixtures.push(fixture);
      return fixture;
    }

    beforeEach(async () => {
      fixtures = [];
      store = (await makeTracked()).store;
    });

    afterEach(async () => {
      await Promise.all(fixtures.map(fixture => fixture.cleanup()));
    });

    it('returns undefined for a device id that holds nothing', async () => {
      expect(await store.get(randomUUID())).toBeUndefined();
    });

    it('returns the seed that was put under a device id', async () => {
      const id = randomUUID();
      await store.put(id, OtpSecret.fromBytes(seedBytes(20)));
      expect(bytesOf(await store.get(id))).toEqual(Array.from(seedBytes(20)));
    });

    it('replaces the seed when the same device id is put again', async () => {
      const id = randomUUID();
      await store.put(id, OtpSecret.fromBytes(seedBytes(20, 1)));
      await store.put(id, OtpSecret.fromBytes(seedBytes(32, 2)));
      expect(bytesOf(await store.get(id))).toEqual(Array.from(seedBytes(32, 2)));
      expect((await store.getAll()).size).toBe(1);
    });

    it('deletes an item, resolving true, after which get returns undefined', async () => {
      const id = randomUUID();
      await store.put(id, OtpSecret.fromBytes(seedBytes(20)));
      expect(await store.delete(id)).toBe(true);
      expect(await store.get(id)).toBeUndefined();
    });

    it('resolves false when deleting a device id that holds nothing', async () => {
      expect(await store.delete(randomUUID())).toBe(false);
    });

    it('returns an empty map from getAll when nothing is stored', async () => {
      expect((await store.getAll()).size).toBe(0);
    });

    it('returns every item from getAll, keyed by device id', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const [index, id] of ids.entries()) {
        await store.put(id, OtpSecret.fromBytes(seedBytes(20, index)));
      }
      const all = await store.getAll();
      expect([...all.keys()].sort()).toEqual([...ids].sort());
      for (const [index, id] of ids.entries()) {
        expect(bytesOf(all.get(id))).toEqual(Array.from(seedBytes(20, index)));
      }
    });

    it('returns the requested items from getMany and leaves absent ones out', async () => {
      const ids = [randomUUID(), randomUUID()];
      for (const [index, id] of ids.entries()) {
        await store.put(id, OtpSecret.fromBytes(seedBytes(20, index)));
      }
      const absent = randomUUID();
      const some = await store.getMany([ids[1] ?? '', absent]);
      expect([...some.keys()]).toEqual([ids[1]]);
      expect(bytesOf(some.get(ids[1] ?? ''))).toEqual(Array.from(seedBytes(20, 1)));
      expect((await store.getMany([])).size).toBe(0);
    });

    it('keeps stores for different namespaces (service names) apart', async () => {
      const other = (await makeTracked()).store;
      const id = randomUUID();
      await store.put(id, OtpSecret.fromBytes(seedBytes(20)));
      expect(await other.get(id)).toBeUndefined();
      expect((await other.getAll()).size).toBe(0);
      expect(await other.delete(id)).toBe(false);
      expect(bytesOf(await store.get(id))).toEqual(Array.from(seedBytes(20)));
    });

    it('stores plain ASCII device ids other than uuids unchanged', async () => {
      const id = 'device-0001_recovered.A';
      await store.put(id, OtpSecret.fromBytes(seedBytes(10)));
      expect([...(await store.getAll()).keys()]).toEqual([id]);
    });

    it('round-trips a 64-byte (SHA-512 sized) seed byte for byte', async () => {
      const id = randomUUID();
      await store.put(id, OtpSecret.fromBytes(seedBytes(64)));
      expect(bytesOf(await store.get(id))).toEqual(Array.from(seedBytes(64)));
    });

    it('round-trips seeds of every length from 1 to 40 bytes, including 0x00 and 0xff bytes', async () => {
      const lengths = Array.from({ length: 40 }, (_, i) => i + 1);
      const extremes = [new Uint8Array(16), new Uint8Array(16).fill(0xff)];
      const ids = lengths.map(() => randomUUID());
      const extremeIds = extremes.map(() => randomUUID());
      for (const [index, id] of ids.entries()) {
        await store.put(id, OtpSecret.fromBytes(seedBytes(lengths[index]!)));
      }
      for (const [index, id] of extremeIds.entries()) {
        await store.put(id, OtpSecret.fromBytes(extremes[index]!));
      }
      const all = await store.getAll();
      for (const [index, id] of ids.entries()) {
        expect(bytesOf(all.get(id)), `length ${lengths[index]!}`).toEqual(
          Array.from(seedBytes(lengths[index]!)),
        );
      }
      for (const [index, id] of extremeIds.entries()) {
        expect(bytesOf(all.get(id))).toEqual(Array.from(extremes[index]!));
      }
    });

    it('keeps its own copy: wiping the secret that was put does not change what is stored', async () => {
      const id = randomUUID();
      const secret = OtpSecret.fromBytes(seedBytes(20));
      await store.put(id, secret);
      secret.wipe();
      expect(bytesOf(await store.get(id))).toEqual(Array.from(seedBytes(20)));
    });

    it('returns 100 items from one getAll', async () => {
      const ids = Array.from({ length: 100 }, () => randomUUID());
      for (const [index, id] of ids.entries()) {
        await store.put(id, OtpSecret.fromBytes(seedBytes(20, index)));
      }
      const all = await store.getAll();
      expect(all.size).toBe(100);
      for (const [index, id] of ids.entries()) {
        expect(bytesOf(all.get(id))).toEqual(Array.from(seedBytes(20, index)));
      }
    });
  });
}
