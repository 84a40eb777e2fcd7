/**
 * What a decoded QR code is (core, pure): an authenticator setup code (`otpauth://`, with a
 * preview to confirm), a Google Authenticator transfer code (`otpauth-migration://`, a batch for
 * the migration importer), a damaged or unsupported authenticator code, or something else, named
 * in words ("a web link") with a message for the user. SECURITY: no result carries the secret or
 * the text itself; only the scheme of a foreign code is kept (HOSTILE #1). The caller keeps the
 * text in main to add the device later (DeviceService.addFromUri).
 */
import { parseAwsLabel } from '../device/awsLabel';
import { parseOtpauthUri, type ParseWarning, type UriRejection } from '../otp/otpauthUri';
import type { HashAlgorithm, OtpType } from '../otp/types';

/** Everything a user checks before adding a device; the same shape as the scan contract's preview. */
export interface OtpauthPreview {
  readonly type: OtpType;
  readonly issuer: string;
  readonly accountName: string;
  /** The label's issuer prefix when it disagreed with the issuer parameter. */
  readonly labelIssuer: string | null;
  readonly algorithm: HashAlgorithm;
  readonly digits: number;
  readonly periodSeconds: number | null;
  readonly counter: number | null;
  /** From an AWS label (`Amazon Web Services:<device>@<account>`). */
  readonly aws: {
    readonly accountId: string | null;
    readonly alias: string | null;
    readonly deviceName: string;
  } | null;
}

export type QrContent =
  | {
      readonly kind: 'otpauth';
      readonly preview: OtpauthPreview;
      readonly warnings: readonly ParseWarning[];
    }
  | {
      /** Decode the batch with main/core/interop/googleMigration.ts (readMigrationUri). */
      readonly kind: 'google-migration';
      readonly message: string;
    }
  | {
      /** An otpauth code Tessera cannot add (damaged, unsupported type, bad parameters). */
      readonly kind: 'invalid-otpauth';
      readonly reason: UriRejection;
      readonly message: string;
    }
  | {
      readonly kind: 'other';
      /** What it is, in words: "a web link", "Wi-Fi network settings", "plain text", … */
      readonly what: string;
      /** The URI scheme, lower case, when the text has one (never more of the text). */
      readonly scheme: string | null;
      readonly message: string;
    };

const KINDS: Readonly<Record<string, string>> = {
  http: 'a web link',
  https: 'a web link',
  wifi: 'Wi-Fi network settings',
  mailto: 'an e-mail address',
  matmsg: 'an e-mail message',
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

/** Classifies the text of one decoded QR code. Never throws. */
export function classifyQrText(text: string): QrContent {
  const scheme = schemeOf(text);
  if (scheme === 'otpauth-migration') {
    return {
      kind: 'google-migration',
      message:
        'This is a Google Authenticator transfer code: it holds a batch of devices to import.',
    };
  }
  if (scheme === 'otpauth' || scheme === 'steam' || scheme === 'motp' || scheme === 'yandex') {
    return classifyOtpauth(text);
  }
  const what = describe(text, scheme);
  return {
    kind: 'other',
    what,
    scheme: scheme ?? null,
    message: `This QR code isn't a 2FA setup code: it is ${what}.`,
  };
}

function classifyOtpauth(text: string): QrContent {
  const parsed = parseOtpauthUri(text);
  if (!parsed.ok)
    return { kind: 'invalid-otpauth', reason: parsed.reason, message: parsed.message };
  const { secret, params, issuer, accountName, labelIssuer, warnings } = parsed.value;
  // The preview needs no key material; the device is added later from the text itself.
  secret.wipe();
  const aws = parseAwsLabel(issuer, accountName);
  return {
    kind: 'otpauth',
    preview: {
      type: params.type,
      issuer,
      accountName,
      labelIssuer: labelIssuer ?? null,
      algorithm: params.algorithm,
      digits: params.digits,
      periodSeconds: params.type === 'totp' ? params.periodSeconds : null,
      counter: params.type === 'hotp' ? params.counter : null,
      aws:
        aws === undefined
          ? null
          : {
              accountId: aws.accountId ?? null,
              alias: aws.alias ?? null,
              deviceName: aws.deviceName,
            },
    },
    warnings,
  };
}

/** The scheme of a URI-like text, lower case (bounded: only the first 33 characters are read). */
function schemeOf(text: string): string | undefined {
  return /^\s*([A-Za-z][A-Za-z0-9+.-]{0,31}):/u.exec(text.slice(0, 40))?.[1]?.toLowerCase();
}

function describe(text: string, scheme: string | undefined): string {
  const start = text.trimStart().slice(0, 16).toUpperCase();
  if (start.startsWith('BEGIN:VCARD')) return 'a contact card';
  if (start.startsWith('BEGIN:VCALENDAR') || start.startsWith('BEGIN:VEVENT')) {
    return 'a calendar event';
  }
  if (scheme !== undefined) {
    const known = KINDS[scheme];
    if (known !== undefined) return known;
    if (
      text
        .trimStart()
        .slice(scheme.length + 1)
        .startsWith('//')
    )
      return `a "${scheme}:" link`;
  }
  if (/^\s*[^\s@]+@[^\s@]+\.[A-Za-z]{2,}\s*$/u.test(text.slice(0, 320))) return 'an e-mail address';
  const short = text.slice(0, 40);
  if (/^\s*\+?[\d ()-]{7,20}\s*$/u.test(short) && short.replace(/\D/gu, '').length >= 7) {
    return 'a phone number';
  }
  if (/^\s*www\.\S+\s*$/iu.test(text.slice(0, 2048))) return 'a web link';
  if (text.trim() === '') return 'an empty code';
  return 'plain text';
}
