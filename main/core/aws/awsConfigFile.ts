/**
 * The AWS shared config file, `~/.aws/config` (core, pure): just enough INI to find the MFA
 * serial of a profile, read the way the AWS CLI (botocore) and the SDKs' shared-file format
 * read it — `[default]` and `[profile name]` sections, `=` or `:` between key and value, keys in
 * any case, `#` / `;` comment lines, inline comments after white space, indented continuation
 * lines and sub-properties (`s3 =` followed by indented settings), CRLF and a UTF-8 BOM.
 * Reading the file (and finding it) is the CLI's job; this module only parses text.
 */

/** Settings of one profile: lower-cased key → value (the last one wins when repeated). */
export type AwsProfileSettings = ReadonlyMap<string, string>;

/** Profiles of a config file by name: `[default]` is `default`, `[profile dev]` is `dev`. */
export type AwsConfigProfiles = ReadonlyMap<string, AwsProfileSettings>;

const SECTION = /^\[(.*)\]$/u;
const PROPERTY = /^([^=:]+?)\s*[=:]\s*(.*)$/u;

/**
 * Splits a config file into profiles. Sections that are not profiles (`[sso-session …]`,
 * `[services …]`, a bare `[name]`, which the AWS CLI ignores in the config file) are skipped;
 * `[profile default]` wins over `[default]` when both exist, as the SDKs specify; sections that
 * repeat are merged. Lines it cannot read are ignored rather than fatal: the caller only needs
 * one value and says which profile lacks it.
 */
export function parseAwsConfig(text: string): AwsConfigProfiles {
  const sections = new Map<string, Map<string, string>>();
  // Keys: `default`, or `profile:<name>`; `[profile default]` and `[default]` are kept apart
  // until the end, where the former wins.
  let current: Map<string, string> | undefined;
  let currentKeyIndent: number | undefined;

  for (const rawLine of text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)) {
    const indent = rawLine.length - rawLine.trimStart().length;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;

    // An indented line under a property continues it (a multi-line value or sub-properties).
    if (currentKeyIndent !== undefined && indent > currentKeyIndent) continue;

    const header = SECTION.exec(stripInlineComment(line));
    if (header !== null) {
      const key = sectionKey(header[1] ?? '');
      currentKeyIndent = undefined;
      if (key === undefined) {
        current = undefined;
        continue;
      }
      current = sections.get(key) ?? new Map<string, string>();
      sections.set(key, current);
      continue;
    }

    const property = PROPERTY.exec(line);
    if (property === null || current === undefined) {
      currentKeyIndent = undefined;
      continue;
    }
    const name = (property[1] ?? '').trim().toLowerCase();
    current.set(name, stripInlineComment(property[2] ?? ''));
    currentKeyIndent = indent;
  }

  const profiles = new Map<string, AwsProfileSettings>();
  for (const [key, settings] of sections) {
    if (key === SECTION_DEFAULT) {
      if (!sections.has(sectionKeyOf('default'))) profiles.set('default', settings);
    } else {
      profiles.set(key.slice(PROFILE_PREFIX.length), settings);
    }
  }
  return profiles;
}

const SECTION_DEFAULT = 'default';
const PROFILE_PREFIX = 'profile:';
const sectionKeyOf = (profile: string) => `${PROFILE_PREFIX}${profile}`;

/** `default` → the default section; `profile name` (any spacing, optional quotes) → `profile:name`. */
function sectionKey(inside: string): string | undefined {
  const header = inside.trim();
  if (header === 'default') return SECTION_DEFAULT;
  const named = /^profile\s+(.+)$/u.exec(header);
  if (named === null) return undefined;
  const name = (named[1] ?? '').trim();
  // Quotes allow white space in a name (botocore splits the header like a shell would).
  const quoted = /^"(.+)"$|^'(.+)'$/u.exec(name);
  if (quoted !== null) return sectionKeyOf(quoted[1] ?? quoted[2] ?? '');
  return /\s|["']/u.test(name) ? undefined : sectionKeyOf(name);
}

/** Drops a comment that follows white space: `value # note` → `value` (`a#b` stays). */
function stripInlineComment(text: string): string {
  const comment = /\s[#;]/u.exec(text);
  return (comment === null ? text : text.slice(0, comment.index)).trim();
}

export type MfaSerialLookup =
  | {
      readonly ok: true;
      readonly serialArn: string;
      /** The profile that holds `mfa_serial` (the asked one, or one reached by `source_profile`). */
      readonly from: string;
      /** The profiles visited, starting with the asked one. */
      readonly chain: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'no-profile'; readonly chain: readonly string[] }
  | { readonly ok: false; readonly reason: 'no-mfa-serial'; readonly chain: readonly string[] }
  | { readonly ok: false; readonly reason: 'loop'; readonly chain: readonly string[] };

/**
 * The `mfa_serial` of `profile`: its own, or — when it has none — that of the profile named by
 * its `source_profile`, followed as far as needed (aws-vault reads role profiles the same way).
 * A chain that comes back to a profile already visited stops as a `loop`. For `no-profile`, the
 * last name of `chain` is the profile that does not exist.
 */
export function findMfaSerial(profiles: AwsConfigProfiles, profile: string): MfaSerialLookup {
  const chain: string[] = [];
  let name = profile;
  for (;;) {
    if (chain.includes(name)) return { ok: false, reason: 'loop', chain: [...chain, name] };
    chain.push(name);
    const settings = profiles.get(name);
    if (settings === undefined) return { ok: false, reason: 'no-profile', chain };
    const serialArn = settings.get('mfa_serial');
    if (serialArn !== undefined && serialArn !== '') {
      return { ok: true, serialArn, from: name, chain };
    }
    const source = settings.get('source_profile');
    if (source === undefined || source === '') {
      return { ok: false, reason: 'no-mfa-serial', chain };
    }
    name = source;
  }
}
