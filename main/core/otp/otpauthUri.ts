/**
 * otpauth:// URIs (core, pure): parsing and canonical formatting of Google's Key Uri Format
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format), plus the same checks for
 * the "type the secret" form. Every rejection is a value with a reason from the contract's
 * AddFailure list and a message a user can act on; no message ever echoes the URI or the secret.
 */
import {
  MAX_URI_LENGTH,
  type AddFailure,
  type DeviceWarning,
  type ManualEntryInput,
} from '../../../preload/contract/contract';
import { TEXT_LIMITS } from '../device/device';
import type { OtpSecret } from '../secret';
import { decodeBase32Secret, encodeBase32 } from './base32';
import { HASH_ALGORITHMS, OTP_LIMITS, type HashAlgorithm, type OtpParams } from './types';

/*
 * Decisions (HOSTILE-INPUTS.md rows in brackets; each one has a test):
 * - Parsing is ours, not `otpauth`'s `URI.parse`: that one silently keeps the last of duplicate
 *   parameters [#14], rejects `%20` inside secrets [#7] and throws untyped errors we could not
 *   turn into reasons. `otpauth` still computes the codes (codes.ts).
 * - Scheme and type are case-insensitive [#3]. Leading/trailing whitespace (a pasted newline) is
 *   trimmed. A `#fragment` is dropped, as in any URI.
 * - Label: split on the first *literal* ':' of the raw label, before percent-decoding, so an
 *   issuer or account containing an encoded ':' (%3A) survives a round trip; only when the label
 *   has no literal ':' does a `%3A` act as the separator (the spec allows either). Spaces after
 *   the separator are dropped (the spec allows `Issuer: account`).
 * - '+' in the label (path) is a literal '+' [#18]; '+' in a query value is a space, as in
 *   application/x-www-form-urlencoded (PHP's http_build_query and Python's urlencode write
 *   `issuer=ACME+Co`). A literal '+' in the issuer parameter must therefore be written `%2B`,
 *   which formatOtpauthUri does. In the secret either way is harmless: spaces are ignored.
 * - Issuer: the `issuer` parameter wins; a label prefix that differs from it (ignoring case) is
 *   kept as `labelIssuer` with an 'issuer-mismatch' warning [#16]; a prefix alone is the issuer.
 *   An empty label, ':' or 'Issuer:' are accepted with empty fields [#15].
 * - Display text (issuer, account): a NUL rejects the input ('bad-encoding'); other C0/C1
 *   controls, bidi embeddings/overrides/isolates/marks and invisible format characters
 *   (zero-width space, word joiner, BOM) are removed; lone surrogates become U+FFFD; then NFC and
 *   trim [#19]. ZWJ/ZWNJ stay: emoji sequences and several scripts need them. What is stored is
 *   the cleaned text; the original bytes are not kept (simpler, and exports stay clean).
 * - Algorithm: SHA1/SHA256/SHA512 in any case; `SHA-1`, `SHA-256`, `SHA-512` are accepted as the
 *   same names (their meaning is unambiguous); MD5, SHA3-*, anything else is refused [#12].
 * - digits 6–8 and period 1–300 (OTP_LIMITS) must be plain decimal integers; nothing is clamped,
 *   and an empty value is refused rather than defaulted [#10, #11]. The counter must be a decimal
 *   integer 0..2^53-1 [#13]. `period` on an HOTP URI and `counter` on a TOTP URI are ignored.
 * - Duplicate known parameters with different values are refused; identical repeats are fine
 *   [#14]. Unknown parameters (`image=`, `icon=`) are dropped unread, never fetched [#21].
 */

/** The AddFailure reasons this module can produce (checked against the contract at compile time). */
export const URI_REJECTIONS = [
  'not-otpauth',
  'google-migration',
  'unsupported-type',
  'malformed-uri',
  'bad-encoding',
  'uri-too-long',
  'missing-secret',
  'bad-base32',
  'secret-too-short',
  'secret-too-long',
  'unsupported-algorithm',
  'bad-digits',
  'bad-period',
  'missing-counter',
  'bad-counter',
  'duplicate-parameter',
  'field-too-long',
] as const satisfies readonly AddFailure[];
export type UriRejection = (typeof URI_REJECTIONS)[number];

/** Warnings this module can attach to an accepted device (a subset of the contract's WARNINGS). */
export const PARSE_WARNINGS = [
  'weak-secret',
  'issuer-mismatch',
] as const satisfies readonly DeviceWarning[];
export type ParseWarningKind = (typeof PARSE_WARNINGS)[number];

export interface ParseWarning {
  readonly kind: ParseWarningKind;
  readonly message: string;
}

/**
 * A device read from a URI or the manual form. The caller owns `secret` and must hand it to the
 * keychain (or wipe it); everything else is metadata, safe to show.
 */
export interface ParsedOtpDevice {
  readonly secret: OtpSecret;
  readonly params: OtpParams;
  /** Cleaned display text (see the module notes); '' when the URI names no issuer. */
  readonly issuer: string;
  readonly accountName: string;
  /** The label's issuer prefix, only when it disagreed with the `issuer` parameter. */
  readonly labelIssuer?: string;
  readonly warnings: readonly ParseWarning[];
}

export interface UriRejectionOutcome {
  readonly ok: false;
  readonly reason: UriRejection;
  /** For the user; never contains the URI or the secret. */
  readonly message: string;
}

export type UriParseOutcome =
  { readonly ok: true; readonly value: ParsedOtpDevice } | UriRejectionOutcome;

type Checked<T> = { readonly ok: true; readonly value: T } | UriRejectionOutcome;

function reject(reason: UriRejection, message: string): UriRejectionOutcome {
  return { ok: false, reason, message };
}

function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

const DEFAULT_DIGITS = 6;
const DEFAULT_PERIOD_SECONDS = 30;
const KNOWN_PARAMETERS = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter']);

// ---------------------------------------------------------------------------------------------
// Display text

/** Code points removed from display text: C0/C1 controls, bidi controls, invisible formatters. */
function isStrippedCodePoint(cp: number): boolean {
  return (
    (cp >= 0x01 && cp <= 0x1f) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x061c || // Arabic letter mark
    cp === 0x200b || // zero-width space
    cp === 0x200e || // LRM
    cp === 0x200f || // RLM
    (cp >= 0x202a && cp <= 0x202e) || // LRE, RLE, PDF, LRO, RLO
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x2069) || // LRI, RLI, FSI, PDI
    cp === 0xfeff // BOM / zero-width no-break space
  );
}

/** Replaces lone UTF-16 surrogates with U+FFFD (String.prototype.toWellFormed, ES2024). */
function wellFormed(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\uFFFD' : char;
  }
  return out;
}

/**
 * Cleans an issuer or account name for storage and display (HOSTILE #19): removes control, bidi
 * and invisible format characters, replaces lone surrogates, NFC-normalises and trims. Returns
 * undefined when the text contains a NUL, which is refused rather than cleaned. Idempotent.
 */
export function normalizeDisplayText(text: string): string | undefined {
  if (text.includes('\u0000')) return undefined;
  let out = '';
  for (const char of wellFormed(text)) {
    if (!isStrippedCodePoint(char.codePointAt(0) ?? 0)) out += char;
  }
  return out.normalize('NFC').trim();
}

const NUL_MESSAGE =
  'The issuer or account name contains a NUL character, which is not allowed in a name.';

function checkLengths(fields: {
  issuer: string;
  accountName: string;
  labelIssuer?: string;
}): UriRejectionOutcome | undefined {
  if (
    fields.issuer.length > TEXT_LIMITS.issuer ||
    (fields.labelIssuer?.length ?? 0) > TEXT_LIMITS.issuer
  ) {
    return reject(
      'field-too-long',
      `The issuer name is longer than ${TEXT_LIMITS.issuer} characters.`,
    );
  }
  if (fields.accountName.length > TEXT_LIMITS.accountName) {
    return reject(
      'field-too-long',
      `The account name is longer than ${TEXT_LIMITS.accountName} characters.`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parameters (shared by the URI and the manual form)

function checkDigits(digits: number): Checked<number> {
  return Number.isInteger(digits) &&
    digits >= OTP_LIMITS.minDigits &&
    digits <= OTP_LIMITS.maxDigits
    ? accept(digits)
    : reject(
        'bad-digits',
        `Codes must have ${OTP_LIMITS.minDigits} to ${OTP_LIMITS.maxDigits} digits; this one asks for something else.`,
      );
}

function checkPeriod(periodSeconds: number): Checked<number> {
  return Number.isInteger(periodSeconds) &&
    periodSeconds >= OTP_LIMITS.minPeriodSeconds &&
    periodSeconds <= OTP_LIMITS.maxPeriodSeconds
    ? accept(periodSeconds)
    : reject(
        'bad-period',
        `The code period must be a whole number of seconds from ${OTP_LIMITS.minPeriodSeconds} to ${OTP_LIMITS.maxPeriodSeconds}.`,
      );
}

function checkCounter(counter: number): Checked<number> {
  return Number.isInteger(counter) && counter >= 0 && counter <= OTP_LIMITS.maxCounter
    ? accept(counter)
    : reject(
        'bad-counter',
        `The HOTP counter must be a whole number from 0 to ${OTP_LIMITS.maxCounter}.`,
      );
}

const MISSING_COUNTER = reject(
  'missing-counter',
  'This HOTP (counter-based) code has no counter value, which it needs.',
);

/** Decimal digits only: rejects '', '-1', '29.5', '30s', '1e2', '0x1e', ' 6' and friends. */
function decimal(raw: string, maxLength: number): number {
  return raw.length <= maxLength && /^[0-9]+$/u.test(raw) ? Number(raw) : Number.NaN;
}

/** Accepted spellings, after upper-casing and turning `SHA-` into `SHA`. */
const ALGORITHMS: ReadonlyMap<string, HashAlgorithm> = new Map(
  HASH_ALGORITHMS.map(name => [name, name]),
);

function parseAlgorithm(raw: string | undefined): Checked<HashAlgorithm> {
  if (raw === undefined) return accept('SHA1');
  // ASCII check first: toUpperCase maps some non-ASCII letters to ASCII ('ſ' -> 'S').
  const plain = /^[A-Za-z0-9-]{1,12}$/u.test(raw);
  const algorithm = plain ? ALGORITHMS.get(raw.toUpperCase().replace(/^SHA-/u, 'SHA')) : undefined;
  if (algorithm !== undefined) return accept(algorithm);
  // Name the algorithm only when it looks like one (it is short and harmless then).
  return reject(
    'unsupported-algorithm',
    `The hash algorithm${plain ? ` "${raw}"` : ''} is not supported; codes can use SHA1, SHA256 or SHA512.`,
  );
}

function weakSecretWarnings(secret: OtpSecret): ParseWarning[] {
  if (secret.byteLength >= OTP_LIMITS.recommendedSecretBytes) return [];
  return [
    {
      kind: 'weak-secret',
      message: `This secret is only ${secret.byteLength * 8} bits long; RFC 4226 asks for at least ${OTP_LIMITS.recommendedSecretBytes * 8}. The codes work, but if the site offers a new, longer key, prefer it.`,
    },
  ];
}

/** Last step of both entry points: decode the secret (after everything else passed). */
function finish(
  secretText: string | undefined,
  params: OtpParams,
  fields: { issuer: string; accountName: string; labelIssuer?: string },
  warnings: readonly ParseWarning[],
): UriParseOutcome {
  if (secretText === undefined || secretText.trim() === '') {
    return reject(
      'missing-secret',
      'This code has no secret key, so no codes can be made from it.',
    );
  }
  const decoded = decodeBase32Secret(secretText);
  if (!decoded.ok) return decoded;
  const { secret } = decoded;
  const value: ParsedOtpDevice = {
    secret,
    params,
    issuer: fields.issuer,
    accountName: fields.accountName,
    ...(fields.labelIssuer === undefined ? {} : { labelIssuer: fields.labelIssuer }),
    warnings: [...weakSecretWarnings(secret), ...warnings],
  };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// URIs

/** decodeURIComponent without the throw: malformed escapes and invalid UTF-8 give undefined. */
function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

/** Words for what a non-otpauth code is, by scheme (HOSTILE #1). Shown instead of the text. */
const FOREIGN_KINDS: Readonly<Record<string, string>> = {
  http: 'a web link',
  https: 'a web link',
  wifi: 'a Wi-Fi network login',
  mailto: 'an email address',
  matmsg: 'an email message',
  tel: 'a phone number',
  sms: 'a text message',
  smsto: 'a text message',
  mms: 'a text message',
  mmsto: 'a text message',
  geo: 'a location',
  mecard: 'a contact card',
  bizcard: 'a contact card',
  bitcoin: 'a payment request',
  ethereum: 'a payment request',
  lightning: 'a payment request',
  fido: 'a passkey sign-in code',
  market: 'an app store link',
  itms: 'an app store link',
  'itms-apps': 'an app store link',
};

/** Types we know of but do not (yet) compute codes for, by their URI type or scheme. */
const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  steam: 'Steam Guard codes',
  motp: 'mOTP codes',
  yandex: 'Yandex Key codes',
};

function unsupportedType(type: string): UriRejectionOutcome {
  const known = UNSUPPORTED_TYPES[type];
  if (known !== undefined) {
    return reject(
      'unsupported-type',
      `${known} are not supported yet; Tessera makes TOTP and HOTP codes.`,
    );
  }
  const named = /^[a-z0-9-]{1,12}$/u.test(type) ? ` ("${type}")` : '';
  return reject(
    'unsupported-type',
    `This kind of code${named} is not supported yet; Tessera makes TOTP and HOTP codes.`,
  );
}

/** The rejection for text whose scheme is not otpauth. Names only the scheme or kind. */
function foreign(text: string, scheme: string | undefined): UriRejectionOutcome {
  if (scheme === 'otpauth-migration') {
    return reject(
      'google-migration',
      'This is a Google Authenticator transfer code; import it as a batch with the Google Authenticator import.',
    );
  }
  if (scheme !== undefined && UNSUPPORTED_TYPES[scheme] !== undefined) {
    return unsupportedType(scheme);
  }
  if (text === '') {
    return reject('not-otpauth', 'There is no text here to read as an authenticator code.');
  }
  let kind = 'plain text';
  if (scheme === 'begin') {
    const upper = text.slice(0, 16).toUpperCase();
    if (upper.startsWith('BEGIN:VCARD')) kind = 'a contact card (vCard)';
    else if (upper.startsWith('BEGIN:VCALENDAR') || upper.startsWith('BEGIN:VEVENT')) {
      kind = 'a calendar event';
    }
  } else if (scheme !== undefined) {
    const known = FOREIGN_KINDS[scheme];
    if (known !== undefined) kind = known;
    else if (text.slice(scheme.length + 1).startsWith('//')) kind = `a "${scheme}:" link`;
  }
  return reject('not-otpauth', `This is ${kind}, not an authenticator code.`);
}

/** Splits a raw (still percent-encoded) label into issuer prefix and account. */
function splitLabel(rawLabel: string): { prefix?: string; account: string } {
  const literal = rawLabel.indexOf(':');
  if (literal >= 0) {
    return { prefix: rawLabel.slice(0, literal), account: rawLabel.slice(literal + 1) };
  }
  const encoded = rawLabel.search(/%3a/iu);
  if (encoded >= 0) {
    return { prefix: rawLabel.slice(0, encoded), account: rawLabel.slice(encoded + 3) };
  }
  return { account: rawLabel };
}

/** Known query parameters, percent-decoded ('+' = space), duplicates checked. */
function parseQuery(query: string): Checked<ReadonlyMap<string, string>> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = percentDecode(rawKey.replaceAll('+', ' '))?.toLowerCase();
    // SECURITY: unknown parameters (image=, icon=, …) are dropped without being decoded or
    // looked at any further; nothing here or downstream fetches them (HOSTILE #21).
    if (key === undefined || !KNOWN_PARAMETERS.has(key)) continue;
    const value = percentDecode(rawValue.replaceAll('+', ' '));
    if (value === undefined) {
      return reject('bad-encoding', `The "${key}" value is not correctly percent-encoded.`);
    }
    const previous = params.get(key);
    if (previous !== undefined && previous !== value) {
      return reject(
        'duplicate-parameter',
        `The "${key}" parameter appears twice with different values, so it is unclear which one is meant.`,
      );
    }
    params.set(key, value);
  }
  return accept(params);
}

/** Issuer, account and (on disagreement) label issuer from the label and `issuer` parameter. */
function resolveNames(
  rawLabel: string,
  issuerParam: string | undefined,
): Checked<{ issuer: string; accountName: string; labelIssuer?: string; mismatch: boolean }> {
  const { prefix: rawPrefix, account: rawAccount } = splitLabel(rawLabel);
  // In the path '+' is a literal plus: decodeURIComponent leaves it alone (HOSTILE #18).
  const prefixText = rawPrefix === undefined ? '' : percentDecode(rawPrefix);
  const accountText = percentDecode(rawAccount);
  if (prefixText === undefined || accountText === undefined) {
    return reject('bad-encoding', 'The account label is not correctly percent-encoded.');
  }
  const prefix = normalizeDisplayText(prefixText);
  const accountName = normalizeDisplayText(accountText);
  const fromParam = normalizeDisplayText(issuerParam ?? '');
  if (prefix === undefined || accountName === undefined || fromParam === undefined) {
    return reject('bad-encoding', NUL_MESSAGE);
  }

  if (fromParam === '') return accept({ issuer: prefix, accountName, mismatch: false });
  if (prefix === '' || prefix.toLowerCase() === fromParam.toLowerCase()) {
    return accept({ issuer: fromParam, accountName, mismatch: false });
  }
  return accept({ issuer: fromParam, accountName, labelIssuer: prefix, mismatch: true });
}

/**
 * Parses an `otpauth://TYPE/LABEL?PARAMETERS` URI (Key Uri Format) as found in a QR code or
 * pasted by a user. Never throws; see the module notes for every leniency and refusal. The
 * returned `secret` belongs to the caller.
 */
export function parseOtpauthUri(uri: string): UriParseOutcome {
  // HOSTILE #9: bound the work before looking at anything.
  if (uri.length > MAX_URI_LENGTH) {
    return reject(
      'uri-too-long',
      `This code is longer than ${MAX_URI_LENGTH} characters, far more than an authenticator code needs.`,
    );
  }
  const text = uri.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/u.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'otpauth') return foreign(text, scheme);

  const afterScheme = text.slice('otpauth:'.length);
  if (!afterScheme.startsWith('//')) {
    return reject(
      'malformed-uri',
      'This authenticator link is damaged: it should start with otpauth://totp/ or otpauth://hotp/.',
    );
  }
  const hash = afterScheme.indexOf('#');
  const body = afterScheme.slice(2, hash < 0 ? undefined : hash);
  const question = body.indexOf('?');
  const path = question < 0 ? body : body.slice(0, question);
  const query = question < 0 ? '' : body.slice(question + 1);
  const slash = path.indexOf('/');
  const type = (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
  const rawLabel = slash < 0 ? '' : path.slice(slash + 1);

  if (type === '') {
    return reject(
      'malformed-uri',
      'This authenticator link is damaged: it does not say whether it is a TOTP or HOTP code.',
    );
  }
  if (type !== 'totp' && type !== 'hotp') return unsupportedType(type);

  const parsedQuery = parseQuery(query);
  if (!parsedQuery.ok) return parsedQuery;
  const params = parsedQuery.value;

  const names = resolveNames(rawLabel, params.get('issuer'));
  if (!names.ok) return names;
  const { mismatch, ...fields } = names.value;
  const tooLong = checkLengths(fields);
  if (tooLong !== undefined) return tooLong;

  const algorithm = parseAlgorithm(params.get('algorithm'));
  if (!algorithm.ok) return algorithm;
  const rawDigits = params.get('digits');
  const digits = checkDigits(rawDigits === undefined ? DEFAULT_DIGITS : decimal(rawDigits, 3));
  if (!digits.ok) return digits;

  let otpParams: OtpParams;
  if (type === 'totp') {
    const rawPeriod = params.get('period');
    const period = checkPeriod(
      rawPeriod === undefined ? DEFAULT_PERIOD_SECONDS : decimal(rawPeriod, 6),
    );
    if (!period.ok) return period;
    otpParams = {
      type,
      algorithm: algorithm.value,
      digits: digits.value,
      periodSeconds: period.value,
    };
  } else {
    const rawCounter = params.get('counter');
    if (rawCounter === undefined || rawCounter === '') return MISSING_COUNTER;
    // Values above 2^53-1 become >= 2^53 as numbers, so the range check still refuses them.
    const counter = checkCounter(decimal(rawCounter, 20));
    if (!counter.ok) return counter;
    otpParams = { type, algorithm: algorithm.value, digits: digits.value, counter: counter.value };
  }

  const warnings: ParseWarning[] = [];
  if (mismatch && fields.labelIssuer !== undefined) {
    warnings.push({
      kind: 'issuer-mismatch',
      message: `The label says "${fields.labelIssuer}" but the issuer is "${fields.issuer}". Tessera shows "${fields.issuer}"; make sure this code really comes from them.`,
    });
  }
  return finish(params.get('secret'), otpParams, fields, warnings);
}

/**
 * Validates the manual-entry form ("type the secret") with the same rules as a URI: cleaned and
 * length-checked names, base32 secret, digits, period (default 30 s) or counter (required).
 */
export function parseManualEntry(input: ManualEntryInput): UriParseOutcome {
  const issuer = normalizeDisplayText(input.issuer);
  const accountName = normalizeDisplayText(input.accountName);
  if (issuer === undefined || accountName === undefined) return reject('bad-encoding', NUL_MESSAGE);
  const fields = { issuer, accountName };
  const tooLong = checkLengths(fields);
  if (tooLong !== undefined) return tooLong;

  const digits = checkDigits(input.digits);
  if (!digits.ok) return digits;

  let params: OtpParams;
  if (input.type === 'totp') {
    const period = checkPeriod(input.periodSeconds ?? DEFAULT_PERIOD_SECONDS);
    if (!period.ok) return period;
    params = {
      type: 'totp',
      algorithm: input.algorithm,
      digits: digits.value,
      periodSeconds: period.value,
    };
  } else {
    if (input.counter === undefined) return MISSING_COUNTER;
    const counter = checkCounter(input.counter);
    if (!counter.ok) return counter;
    params = {
      type: 'hotp',
      algorithm: input.algorithm,
      digits: digits.value,
      counter: counter.value,
    };
  }
  return finish(input.secret, params, fields, []);
}

/** What formatOtpauthUri needs: a device's names, parameters and secret. */
export interface FormattableDevice {
  readonly issuer: string;
  readonly accountName: string;
  readonly params: OtpParams;
  readonly secret: OtpSecret;
}

/**
 * The canonical otpauth:// URI of a device, for export to a phone or an `otpauth://` list (an
 * explicit user action: the result contains the secret, so never log it).
 *
 * Label `Issuer:account` with both parts percent-encoded (so a ':' inside them is `%3A` and the
 * literal ':' is always the separator), or just the account when the issuer is '' (prefixed with
 * ':' if the account itself contains ':', so that a reader cannot take part of it for an issuer).
 * Parameters: secret (unpadded base32), issuer when non-empty, algorithm, digits, and period or
 * counter, always explicit. `parseOtpauthUri(formatOtpauthUri(d))` gives back `d` for every
 * device the parser or parseManualEntry can produce.
 */
export function formatOtpauthUri(device: FormattableDevice): string {
  const { issuer, accountName, params } = device;
  const encode = (text: string): string => encodeURIComponent(wellFormed(text));
  let label: string;
  if (issuer !== '') label = `${encode(issuer)}:${encode(accountName)}`;
  else label = accountName.includes(':') ? `:${encode(accountName)}` : encode(accountName);

  const query = [`secret=${device.secret.use(encodeBase32)}`];
  if (issuer !== '') query.push(`issuer=${encode(issuer)}`);
  query.push(`algorithm=${params.algorithm}`, `digits=${params.digits}`);
  query.push(
    params.type === 'totp' ? `period=${params.periodSeconds}` : `counter=${params.counter}`,
  );
  return `otpauth://${params.type}/${label}?${query.join('&')}`;
}
