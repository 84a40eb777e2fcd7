/**
 * Wrong picker choices (HOSTILE #35): every third-party fixture is recognised by its own sniffer
 * only, and every other importer refuses it as another format (or asks for a password, for
 * binary encrypted files that carry no signature) without reading any entry.
 */
import { describe, expect, it } from 'vitest';
import { IMPORTERS, sniffFormats } from '../../../../main/core/interop/registry';
import type { ImportFormat } from '../../../../main/core/interop/types';
import { fixtureBytes, loadExpectations } from '../../../support/importExpectations';

const FOLDERS: Partial<Record<ImportFormat, string>> = {
  '2fas': '2fas',
  andotp: 'andotp',
  'authenticator-pro': 'authenticator-pro',
  bitwarden: 'bitwarden',
  ente: 'ente-auth',
  'freeotp-plus': 'freeotp-plus',
};
const NOT_COPIED = new Set(['stratum_internal.db', 'freeotp_plus_internal.xml']);
/** No header, no structure: nothing to recognise it by. */
const UNSNIFFABLE = new Set(['andotp_encrypted_old.bin']);

const files = Object.entries(FOLDERS).flatMap(([format, folder]) =>
  loadExpectations(folder)
    .filter(file => !NOT_COPIED.has(file.file))
    .map(file => [format as ImportFormat, file.file, file] as const),
);

describe('sniffing third-party exports', () => {
  it.each(files)('recognises a %s file (%s) as that format only', (format, name, file) => {
    const formats = sniffFormats(fixtureBytes(file)).filter(found => found !== 'otpauth-list');
    expect(formats).toEqual(UNSNIFFABLE.has(name) ? [] : [format]);
  });

  it.each(files)('refuses a %s file (%s) in every other importer', async (format, _name, file) => {
    const bytes = fixtureBytes(file);
    for (const importer of Object.values(IMPORTERS)) {
      if (importer.format === format) continue;
      const outcome = await importer.read({ bytes });
      expect(outcome.ok, `${importer.format} read a ${format} file`).toBe(false);
      if (!outcome.ok)
        expect(['wrong-format', 'password-required'], importer.format).toContain(outcome.reason);
    }
  });
});
