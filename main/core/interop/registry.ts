/**
 * Every importer, by format name (core, pure). Each format module adds one line here.
 */
import { andOtpImporter } from './andotp';
import { authenticatorProImporter } from './authenticatorPro';
import { bitwardenImporter } from './bitwarden';
import { enteImporter } from './ente';
import { freeOtpPlusImporter } from './freeotpPlus';
import { googleMigrationImporter } from './googleMigration';
import { twoFasImporter } from './twofas';
import type { ImportFormat, Importer } from './types';

export const IMPORTERS: Partial<Record<ImportFormat, Importer>> = {
  // 'aegis': aegisImporter,  (one line per format module)
  'google-migration': googleMigrationImporter,
  '2fas': twoFasImporter,
  andotp: andOtpImporter,
  'freeotp-plus': freeOtpPlusImporter,
  'authenticator-pro': authenticatorProImporter,
  ente: enteImporter,
  bitwarden: bitwardenImporter,
};

export function importerFor(format: ImportFormat): Importer | undefined {
  return IMPORTERS[format];
}

/** The formats whose sniffers accept these bytes (for "which app is this from?"). */
export function sniffFormats(bytes: Uint8Array): ImportFormat[] {
  const found: ImportFormat[] = [];
  for (const importer of Object.values(IMPORTERS)) {
    if (importer.sniff(bytes)) found.push(importer.format);
  }
  return found;
}
