/**
 * A plain list of otpauth:// URIs, one per line (core, pure): the format Aegis, Authenticator
 * Pro, Ente and others export as "plain text". Every line goes through the same parser as a
 * pasted URI (Key Uri Format, main/core/otp/otpauthUri.ts); a UTF-8 BOM, CRLF line ends, blank
 * lines and `#` comment lines are tolerated (HOSTILE-INPUTS #35). Each bad line is an entry error
 * naming its line; the URI itself is never repeated (it holds a secret). Nothing is lost on
 * import beyond what a URI cannot carry; on export, AWS details, groups and tags are not written.
 */
import type { Device } from '../device/device';
import { formatOtpauthUri, parseOtpauthUri } from '../otp/otpauthUri';
import type { OtpSecret } from '../secret';
import { utf8Text } from './json';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ENTRIES,
  type EntryError,
  type Importer,
  type ImportedEntry,
  type ImportOutcome,
} from './types';

function lines(bytes: Uint8Array): string[] | undefined {
  const text = utf8Text(bytes);
  return text?.replace(/^\uFEFF/u, '').split(/\r?\n|\r/u);
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function readList(bytes: Uint8Array): ImportOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      message: 'The file is far larger than any list of codes.',
    };
  }
  const all = lines(bytes);
  // A binary file (an encrypted export of another app, an image) is another format, not a damaged list.
  if (all === undefined) {
    return {
      ok: false,
      reason: 'wrong-format',
      message: 'This is not a list of otpauth:// links: the file is not text.',
    };
  }
  const content = all.filter(isContent);
  if (content.length === 0) {
    return { ok: false, reason: 'malformed', message: 'The file holds no otpauth:// lines.' };
  }
  if (!content.some(line => /^\s*otpauth(-migration)?:\/\//iu.test(line))) {
    return {
      ok: false,
      reason: 'wrong-format',
      message: 'This is not a list of otpauth:// links (no line starts with otpauth://).',
    };
  }
  if (content.length > MAX_IMPORT_ENTRIES) {
    return {
      ok: false,
      reason: 'too-large',
      message: `The file holds ${content.length} lines; Tessera imports at most ${MAX_IMPORT_ENTRIES} at a time.`,
    };
  }
  const entries: ImportedEntry[] = [];
  const errors: EntryError[] = [];
  all.forEach((line, index) => {
    if (!isContent(line)) return;
    const parsed = parseOtpauthUri(line.trim());
    if (!parsed.ok) {
      errors.push({ index, label: `line ${index + 1}`, reason: parsed.message });
      return;
    }
    const { issuer, accountName, secret, params, warnings } = parsed.value;
    entries.push({
      issuer,
      accountName,
      secret,
      params,
      groups: [],
      favorite: false,
      warnings: warnings.map(warning => warning.message),
    });
  });
  return { ok: true, value: { entries, errors } };
}

export const otpauthListImporter: Importer = {
  format: 'otpauth-list',
  title: 'List of otpauth:// links (.txt)',
  sniff(bytes) {
    const head = lines(bytes.subarray(0, 4096));
    const first = head?.find(isContent);
    return first !== undefined && /^\s*otpauth:\/\//iu.test(first);
  },
  isEncrypted: () => false,
  read: ({ bytes }) => Promise.resolve(readList(bytes)),
};

/**
 * The devices as otpauth:// lines (LF, final newline). SECURITY: plaintext seeds — only ever
 * written on an explicit user action, behind the "unencrypted" warning.
 */
export function exportOtpauthList(
  devices: readonly { device: Device; secret: OtpSecret }[],
): string {
  return devices
    .map(({ device, secret }) =>
      formatOtpauthUri({
        issuer: device.issuer,
        accountName: device.accountName,
        secret,
        params:
          device.type === 'totp'
            ? {
                type: 'totp',
                algorithm: device.algorithm,
                digits: device.digits,
                periodSeconds: device.periodSeconds,
              }
            : {
                type: 'hotp',
                algorithm: device.algorithm,
                digits: device.digits,
                counter: device.counter,
              },
      }),
    )
    .map(line => `${line}\n`)
    .join('');
}
