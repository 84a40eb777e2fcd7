/** The contract's format names and the core's lists are the same (the contract cannot import main). */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../../../main/core/interop/types';
import { IMPORTERS } from '../../../../main/core/interop/registry';
import { ExportFormatName, ImportFormatName } from '../../../../preload/contract/backupChannels';

describe('format names', () => {
  it('are the same in the contract and in the core', () => {
    expect(ImportFormatName.options).toEqual([...IMPORT_FORMATS]);
    expect(ExportFormatName.options).toEqual([...EXPORT_FORMATS]);
  });

  it('registers each importer under its own name', () => {
    for (const [name, importer] of Object.entries(IMPORTERS)) expect(importer.format).toBe(name);
  });
});
