/**
 * The ways to add a device (renderer, pure): a small registry the Add dialog draws its source
 * tabs from. Every source ends in a Candidate — an otpauth:// URI (scanned, pasted) or the
 * manual form's fields — which main previews before anything is stored. The scan sources
 * (screen, camera, image file, pasted image) come with the scanning issue: until their
 * components are plugged in here, `available: false` shows a "not available yet" panel.
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
  /** false until the source's component exists (the scan sources, issue 3). */
  readonly available: boolean;
}

export const ADD_SOURCES: readonly AddSource[] = [
  {
    id: 'screen',
    label: 'Scan screen',
    description: 'Find the setup QR code shown on your screen, e.g. in the AWS console.',
    icon: 'search',
    available: false,
  },
  {
    id: 'camera',
    label: 'Camera',
    description: 'Hold a printed or phone-displayed QR code up to your camera.',
    icon: 'shield',
    available: false,
  },
  {
    id: 'file',
    label: 'Image file',
    description: 'Open a screenshot or picture of a QR code, or paste a copied image.',
    icon: 'external',
    available: false,
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

/** The source the dialog opens on: the first available one. */
export function defaultSource(sources: readonly AddSource[] = ADD_SOURCES): SourceId {
  return sources.find(source => source.available)?.id ?? 'manual';
}
