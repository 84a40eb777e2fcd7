/**
 * Display-text hygiene for issuer and account names (core, pure; HOSTILE-INPUTS #19–20):
 * NFC-normalised, C0/C1 control characters and bidirectional overrides removed (they let a
 * label pretend to be another one), surrounding white space trimmed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanDisplayText(text: string): string {
  return text.normalize('NFC').replace(UNSAFE, '').trim();
}
