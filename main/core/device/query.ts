/**
 * Finding a device from what a person types on the command line (core, pure): an exact id,
 * an exact label (`issuer:account`, case-insensitive), an exact account or issuer name, or a
 * substring that matches exactly one device. Ambiguity is reported, never guessed.
 */
import type { Device } from './device';
import { deviceLabel } from './deviceView';

export type QueryOutcome =
  | { readonly kind: 'match'; readonly device: Device }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Device[] };

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('en');

export function findDevice(devices: readonly Device[], rawQuery: string): QueryOutcome {
  const query = fold(rawQuery.trim());
  if (query === '') return { kind: 'none' };

  // Tiers from most to least specific: the first tier with any hit decides.
  const tiers: ((d: Device) => boolean)[] = [
    d => d.id === query,
    d => fold(deviceLabel(d)) === query,
    d =>
      d.aws !== undefined &&
      fold(`${d.aws.deviceName}@${d.aws.alias ?? d.aws.accountId ?? ''}`) === query,
    d => fold(d.accountName) === query || fold(d.issuer) === query,
    d => d.id.startsWith(query) && query.length >= 8,
    d => fold(deviceLabel(d)).includes(query),
  ];
  for (const matches of tiers) {
    const hits = devices.filter(matches);
    if (hits.length === 1 && hits[0] !== undefined) return { kind: 'match', device: hits[0] };
    if (hits.length > 1) return { kind: 'ambiguous', candidates: hits };
  }
  return { kind: 'none' };
}
