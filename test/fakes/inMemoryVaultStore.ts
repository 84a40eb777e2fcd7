/**
 * In-memory VaultStore for unit tests of services (test fake; never used by the app). Mirrors
 * FsVaultStore's rules: `change` throwing or producing an invalid document writes nothing, the
 * generation always increases on a write, and stored documents are copies the caller cannot
 * mutate. Can simulate a recovered load and a failing disk.
 */
import type { VaultLoadResult, VaultStore } from '../../main/core/ports';
import { VaultDocument, emptyVault } from '../../main/core/vault/vaultDocument';
import { VaultFileError } from '../../main/node/fsVaultStore';

export class InMemoryVaultStore implements VaultStore {
  /** When true, `update` rejects with VaultFileError('write-failed'), like a full disk. */
  failWrites = false;
  /** When set, `load` reports it, like FsVaultStore after falling back to vault.prev.json. */
  recoveredFrom: VaultLoadResult['recoveredFrom'];
  /** Number of successful writes (for assertions). */
  writes = 0;
  #document: VaultDocument;

  constructor(initial: VaultDocument = emptyVault()) {
    this.#document = VaultDocument.parse(structuredClone(initial));
  }

  /** The stored document (a copy). */
  get document(): VaultDocument {
    return structuredClone(this.#document);
  }

  load(): Promise<VaultLoadResult> {
    const document = structuredClone(this.#document);
    return Promise.resolve(
      this.recoveredFrom === undefined
        ? { document }
        : { document, recoveredFrom: this.recoveredFrom },
    );
  }

  update(change: (current: VaultDocument) => VaultDocument): Promise<VaultDocument> {
    try {
      const current = structuredClone(this.#document);
      const proposed = change(current);
      if (proposed === current) {
        return Promise.resolve(structuredClone(current));
      }
      if (this.failWrites) {
        throw new VaultFileError(
          'write-failed',
          'memory:vault.json',
          'Simulated write failure (the disk is full). The previous vault.json was left untouched.',
        );
      }
      const parsed = VaultDocument.safeParse(structuredClone(proposed));
      if (!parsed.success) {
        throw new VaultFileError(
          'invalid-change',
          'memory:vault.json',
          'Tessera refused to save a vault that does not match the expected layout. Nothing was written.',
        );
      }
      const checked = parsed.data;
      const next =
        checked.generation > current.generation
          ? checked
          : { ...checked, generation: current.generation + 1 };
      this.#document = next;
      this.writes += 1;
      return Promise.resolve(structuredClone(next));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
