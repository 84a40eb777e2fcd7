/**
 * The ways to add a device (renderer, pure): a small registry the Add dialog draws its source
 * tabs from. The URI and manual sources end in a Candidate — an otpauth:// URI or the manual
 * form's fields — which main previews before anything is stored; the scan sources (screen,
 * camera, image file or pasted image) preview and confirm in their own panel, because main
 * keeps the decoded text (renderer/features/scan).
 */
import type { ManualEntryInput } from '../../../preload/contract/contract';
import type { IconName } from '../../ui/Icon';

export type SourceId = 'screen' | 'camera' | 'file' | 'uri' | 'manual';

/** What a source hands over for preview. SECURITY: it holds a secret; keep it in state only. */
export type Candidate =
  | { readonly kind: 'uri'; readonly uri: string }
  | { readonly kind: 'manual'; readonly input: ManualEntryInput };

export interface AddSource {
  readonly id: SourceId;
  /** Tab label. */
  readonly label: string;
  /** One line under the tabs: what this source does. */
  readonly description: string;
  readonly icon: IconName;
  /** false hides a source's panel (a build without it); every source exists today. */
  readonly available: boolean;
}

export const ADD_SOURCES: readonly AddSource[] = [
  {
    id: 'screen',
    label: 'Scan screen',
    description: 'Find the setup QR code shown on your screen, e.g. in the AWS console.',
    icon: 'search',
    available: true,
  },
  {
    id: 'camera',
    label: 'Camera',
    description: 'Hold a printed or phone-displayed QR code up to your camera.',
    icon: 'shield',
    available: true,
  },
  {
    id: 'file',
    label: 'Image file',
    description: 'Open a screenshot or picture of a QR code, or paste a copied image.',
    icon: 'external',
    available: true,
  },
  {
    id: 'uri',
    label: 'Paste URI',
    description: 'Paste the text of a setup QR code, copied from a site or another app.',
    icon: 'copy',
    available: true,
  },
  {
    id: 'manual',
    label: 'Manual entry',
    description: 'Type the issuer, account and secret key the site shows (“Show secret key”).',
    icon: 'key',
    available: true,
  },
];

/**
 * The source the dialog opens on: Paste URI when available (the field takes focus, so a copied
 * setup link is added with Ctrl+V and Enter), otherwise the first available source.
 */
export function defaultSource(sources: readonly AddSource[] = ADD_SOURCES): SourceId {
  if (sources.some(source => source.id === 'uri' && source.available)) return 'uri';
  return sources.find(source => source.available)?.id ?? 'manual';
}
