/**
 * FreeOTP+ JSON export (core, pure): {"tokenOrder": ["Issuer:label", …], "tokens": [{algo,
 * counter, digits, issuerExt, issuerInt, label, period, secret, type}]}, where `secret` is the
 * key as a list of signed bytes (-128…127), the token shape of FreeOTP 1.x. Not encrypted.
 * HOTP counters are imported as stored (FreeOTP keeps the next counter minus one, as Aegis reads
 * it). Lost on import: images, token order. Tokens are read in `tokens` order.
 */
import { headText } from './encoding';
import {
  collectEntries,
  fail,
  get,
  isRecord,
  labelOfFields,
  readJson,
  type ItemReading,
} from './importerKit';
import type { ImportInput, ImportOutcome, Importer } from './types';

/** Signed (Java) or unsigned byte list → bytes; undefined when any element is not a byte. */
function keyBytes(value: unknown): Uint8Array | undefined {
  if (!Array.isArray(value) || value.length > 1024) return undefined;
  const bytes = new Uint8Array(value.length);
  for (const [i, byte] of value.entries()) {
    if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < -128 || byte > 255)
      return undefined;
    bytes[i] = byte & 0xff;
  }
  return bytes;
}

function readToken(token: unknown): ItemReading {
  if (!isRecord(token)) return { skip: 'This entry is not a FreeOTP+ token.' };
  const bytes = keyBytes(get(token, 'secret'));
  if (bytes === undefined) return { skip: 'The secret is not a list of bytes.' };
  const issuerExt = get(token, 'issuerExt');
  return {
    type: get(token, 'type'),
    issuer: typeof issuerExt === 'string' && issuerExt !== '' ? issuerExt : get(token, 'issuerInt'),
    accountName: get(token, 'label'),
    secret: { bytes },
    algorithm: get(token, 'algo'),
    digits: get(token, 'digits'),
    period: get(token, 'period'),
    counter: get(token, 'counter'),
  };
}

function read({ bytes }: ImportInput): ImportOutcome {
  const json = readJson(bytes);
  if ('ok' in json) return json;
  const tokens = get(json.value, 'tokens');
  if (!Array.isArray(tokens)) {
    return fail('wrong-format', 'This is not a FreeOTP+ export (it has no "tokens" list).');
  }
  return collectEntries(tokens, readToken, token => labelOfFields(token, 'issuerExt', 'label'));
}

export const freeOtpPlusImporter: Importer = {
  format: 'freeotp-plus',
  title: 'FreeOTP+ export (.json)',
  sniff: bytes => {
    if (!/^\uFEFF?\s*\{/u.test(headText(bytes, 16))) return false;
    const json = readJson(bytes);
    return !('ok' in json) && Array.isArray(get(json.value, 'tokens'));
  },
  isEncrypted: () => false,
  read: input => Promise.resolve(read(input)),
};
