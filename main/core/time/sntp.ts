/**
 * SNTPv4 packets (core, pure; RFC 4330): the 48-byte client request, the validation of a server
 * reply, the offset/delay arithmetic and NTP timestamp conversion. No sockets and no clock: the
 * adapter (main/node/sntpClient.ts) passes T1/T4 and the random bits in.
 */

/** Size of an SNTP header without extension fields or MAC. */
export const SNTP_PACKET_BYTES = 48;
/** The NTP port, used when a server address names none. */
export const NTP_DEFAULT_PORT = 123;
/**
 * How many low bits of the transmit timestamp's fraction are random (2^20 × 2^-32 s ≈ 244 µs,
 * below what a UDP round trip can resolve), so an off-path attacker cannot predict the
 * originate timestamp a genuine reply must echo.
 */
export const RANDOM_FRACTION_BITS = 20;
/**
 * A reply whose server hold time (T3 − T2) exceeds the client's round trip (T4 − T1) by more
 * than this is impossible and is rejected; smaller negative delays are timestamp noise.
 */
export const MAX_NEGATIVE_DELAY_MS = 100;

/** Seconds from the NTP prime epoch (1900-01-01) to the Unix epoch (1970-01-01). */
const NTP_UNIX_DELTA_SECONDS = 2_208_988_800;
const TWO_POW_32 = 2 ** 32;
const MSB = 0x8000_0000;
const RANDOM_MASK = (1 << RANDOM_FRACTION_BITS) - 1;
/**
 * The span the pivot rule (RFC 4330 §3) can represent: from 1968-01-20T03:14:08Z (era 0 seconds
 * 0x80000000) to just before 2104-02-26 (era 1 seconds 0x7FFFFFFF).
 */
const MIN_NTP_MS = (MSB - NTP_UNIX_DELTA_SECONDS) * 1000;
const MAX_NTP_MS = (TWO_POW_32 + MSB - NTP_UNIX_DELTA_SECONDS) * 1000;

const LEAP_NONE = 0;
const MODE_CLIENT = 3;
const MODE_SERVER = 4;
const VERSION = 4;
const LEAP_UNSYNCHRONISED = 3;
const MAX_STRATUM = 15;

const ORIGINATE_OFFSET = 24;
const RECEIVE_OFFSET = 32;
const TRANSMIT_OFFSET = 40;
const REFERENCE_ID_OFFSET = 12;

/** A 64-bit NTP timestamp: unsigned 32-bit seconds since the era start, and a 2^-32 s fraction. */
export interface NtpTimestamp {
  readonly seconds: number;
  readonly fraction: number;
}

/**
 * Unix milliseconds → NTP timestamp, with seconds wrapped into 32 bits as RFC 4330 §3 requires
 * (times from 2036-02-07T06:28:16Z on fall in era 1 and have the most significant bit clear).
 * @throws RangeError outside 1968-01-20 … 2104-02-26, which the pivot rule cannot represent.
 */
export function msToNtpTimestamp(ms: number): NtpTimestamp {
  if (!Number.isFinite(ms) || ms < MIN_NTP_MS || ms >= MAX_NTP_MS) {
    throw new RangeError('time outside the range an NTP timestamp can represent');
  }
  const unixSeconds = Math.floor(ms / 1000);
  const fractionMs = ms - unixSeconds * 1000;
  const fraction = Math.min(TWO_POW_32 - 1, Math.floor((fractionMs * TWO_POW_32) / 1000));
  return { seconds: (unixSeconds + NTP_UNIX_DELTA_SECONDS) % TWO_POW_32, fraction };
}

/**
 * NTP timestamp → Unix milliseconds by the pivot rule of RFC 4330 §3: with the most significant
 * bit of the seconds set the time is in era 0 (1968–2036), otherwise in era 1 (2036–2104).
 */
export function ntpTimestampToMs(timestamp: NtpTimestamp): number {
  const eraSeconds = timestamp.seconds >= MSB ? timestamp.seconds : timestamp.seconds + TWO_POW_32;
  return (eraSeconds - NTP_UNIX_DELTA_SECONDS) * 1000 + (timestamp.fraction * 1000) / TWO_POW_32;
}

/** Reads a big-endian NTP timestamp; bytes beyond the end read as zero (never throws). */
export function readNtpTimestamp(bytes: Uint8Array, offset: number): NtpTimestamp {
  return { seconds: readUint32(bytes, offset), fraction: readUint32(bytes, offset + 4) };
}

/** Writes a big-endian NTP timestamp at `offset` (which must leave 8 bytes). */
export function writeNtpTimestamp(
  bytes: Uint8Array,
  offset: number,
  timestamp: NtpTimestamp,
): void {
  writeUint32(bytes, offset, timestamp.seconds);
  writeUint32(bytes, offset + 4, timestamp.fraction);
}

/** Whether two timestamps are bit-for-bit equal (the origin check). */
export function sameNtpTimestamp(a: NtpTimestamp, b: NtpTimestamp): boolean {
  return a.seconds === b.seconds && a.fraction === b.fraction;
}

/** A client request and the transmit timestamp a genuine reply must echo as its originate. */
export interface SntpRequest {
  readonly bytes: Uint8Array;
  readonly transmitTimestamp: NtpTimestamp;
}

/**
 * Builds the 48-byte SNTPv4 client request of RFC 4330 §5: LI 0, VN 4, mode 3, every field zero
 * except the transmit timestamp, which is T1 with its low RANDOM_FRACTION_BITS replaced by
 * `randomBits`.
 * @param t1Ms the local time the request is sent (Unix ms, sub-millisecond precision welcome).
 * @param randomBits an unsigned random integer; only its low RANDOM_FRACTION_BITS are used.
 *   SECURITY: it must come from a CSPRNG, or replies become easier to spoof.
 * @throws RangeError when `t1Ms` is outside what an NTP timestamp can represent.
 */
export function buildSntpRequest(t1Ms: number, randomBits: number): SntpRequest {
  const t1 = msToNtpTimestamp(t1Ms);
  const transmitTimestamp: NtpTimestamp = {
    seconds: t1.seconds,
    fraction: ((t1.fraction & ~RANDOM_MASK) | (randomBits & RANDOM_MASK)) >>> 0,
  };
  const bytes = new Uint8Array(SNTP_PACKET_BYTES);
  bytes[0] = (LEAP_NONE << 6) | (VERSION << 3) | MODE_CLIENT;
  writeNtpTimestamp(bytes, TRANSMIT_OFFSET, transmitTimestamp);
  return { bytes, transmitTimestamp };
}

/** Why a reply was rejected. */
export type SntpRejection =
  /** Fewer than 48 bytes. */
  | 'too-short'
  /** The originate timestamp is not our transmit timestamp: not an answer to our request. */
  | 'origin-mismatch'
  /** Mode other than 4 (server). */
  | 'not-a-server-reply'
  /** Version 0 or above 4. */
  | 'unsupported-version'
  /** Leap indicator 3: the server's own clock is not synchronised. */
  | 'unsynchronised'
  /** Stratum 0: the server refuses to serve us (rate limit, access denied, …). */
  | 'kiss-of-death'
  /** Stratum 16 or more: the server is not synchronised. */
  | 'bad-stratum'
  /** A zero receive or transmit timestamp. */
  | 'zero-timestamp'
  /** The timestamps contradict each other (the server held the packet longer than it travelled). */
  | 'impossible-timestamps';

/** The outcome of checking a reply; failures carry a short message a user can read. */
export type SntpReplyOutcome =
  | {
      readonly ok: true;
      /** Server time minus local time: ((T2 − T1) + (T3 − T4)) / 2, in ms. */
      readonly offsetMs: number;
      /** Round-trip network delay: (T4 − T1) − (T3 − T2), in ms (never negative). */
      readonly roundTripMs: number;
      readonly stratum: number;
    }
  | {
      readonly ok: false;
      readonly reason: SntpRejection;
      readonly message: string;
      /** The kiss code of a kiss-o'-death reply ("RATE", "DENY", …) when it is printable. */
      readonly kissCode?: string;
    };

/**
 * Validates a reply against the request it should answer and computes the clock offset.
 * T1 is the request's transmit timestamp (the reply's originate), T2/T3 the server's receive
 * and transmit timestamps, T4 the local arrival time. Checks follow RFC 4330 §5; the origin is
 * checked first, so a reply that fails only later checks is known to answer our request.
 * SECURITY: `bytes` come from the network; this never throws, whatever they hold.
 * @param expectedOriginTimestamp the `transmitTimestamp` of the request sent.
 * @param t4Ms the local time the reply arrived (Unix ms).
 */
export function parseSntpReply(
  bytes: Uint8Array,
  expectedOriginTimestamp: NtpTimestamp,
  t4Ms: number,
): SntpReplyOutcome {
  if (bytes.length < SNTP_PACKET_BYTES) {
    return reject('too-short', `${bytes.length} bytes, expected at least ${SNTP_PACKET_BYTES}`);
  }
  if (!sameNtpTimestamp(readNtpTimestamp(bytes, ORIGINATE_OFFSET), expectedOriginTimestamp)) {
    return reject('origin-mismatch', 'it does not answer our request');
  }
  const first = bytes[0] ?? 0;
  const leap = first >> 6;
  const version = (first >> 3) & 0b111;
  const mode = first & 0b111;
  if (mode !== MODE_SERVER) {
    return reject('not-a-server-reply', `mode ${mode}, expected ${MODE_SERVER} (server)`);
  }
  if (version === 0 || version > VERSION) {
    return reject('unsupported-version', `NTP version ${version}`);
  }
  if (leap === LEAP_UNSYNCHRONISED) {
    return reject('unsynchronised', 'the server’s clock is not synchronised');
  }
  const stratum = bytes[1] ?? 0;
  if (stratum === 0) {
    const kissCode = printableKissCode(
      bytes.subarray(REFERENCE_ID_OFFSET, REFERENCE_ID_OFFSET + 4),
    );
    return kissCode === undefined
      ? reject('kiss-of-death', 'the server refused to answer (kiss-o’-death)')
      : {
          ...reject('kiss-of-death', `the server refused to answer (kiss-o’-death ${kissCode})`),
          kissCode,
        };
  }
  if (stratum > MAX_STRATUM) {
    return reject('bad-stratum', `stratum ${stratum}: the server is not synchronised`);
  }
  const receive = readNtpTimestamp(bytes, RECEIVE_OFFSET);
  const transmit = readNtpTimestamp(bytes, TRANSMIT_OFFSET);
  if (isZero(transmit) || isZero(receive)) {
    return reject('zero-timestamp', 'the server sent an empty timestamp');
  }
  const t1 = ntpTimestampToMs(expectedOriginTimestamp);
  const t2 = ntpTimestampToMs(receive);
  const t3 = ntpTimestampToMs(transmit);
  const t4 = t4Ms;
  const delay = t4 - t1 - (t3 - t2);
  const offset = (t2 - t1 + (t3 - t4)) / 2;
  if (
    !(t3 >= t2) ||
    !(delay >= -MAX_NEGATIVE_DELAY_MS) ||
    !Number.isFinite(delay) ||
    !Number.isFinite(offset)
  ) {
    return reject('impossible-timestamps', 'its timestamps contradict each other');
  }
  return { ok: true, offsetMs: offset, roundTripMs: Math.max(0, delay), stratum };
}

function reject(
  reason: SntpRejection,
  message: string,
): { readonly ok: false; readonly reason: SntpRejection; readonly message: string } {
  return { ok: false, reason, message };
}

function isZero(timestamp: NtpTimestamp): boolean {
  return timestamp.seconds === 0 && timestamp.fraction === 0;
}

/** The four ASCII characters of a kiss code (trailing NULs/spaces allowed), or undefined. */
function printableKissCode(bytes: Uint8Array): string | undefined {
  const text = String.fromCharCode(...bytes).replace(/[\0 ]+$/, '');
  return /^[\x21-\x7e]{1,4}$/.test(text) ? text : undefined;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] ?? 0) * 0x100_0000 +
    (bytes[offset + 1] ?? 0) * 0x1_0000 +
    (bytes[offset + 2] ?? 0) * 0x100 +
    (bytes[offset + 3] ?? 0)
  );
}

function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 24) & 0xff;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

/** A time server as written in the settings: a host or IP address and a UDP port. */
export interface TimeServerAddress {
  /** A host name, an IPv4 address or an IPv6 address (without brackets). */
  readonly host: string;
  readonly port: number;
}

/**
 * Parses `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address (default port 123).
 * Returns undefined for anything else (spaces, a bad port, URL syntax): settings.json can be
 * hand-edited, so the text is not trusted to be well-formed.
 */
export function parseTimeServerAddress(text: string): TimeServerAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 260) return undefined;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(trimmed);
  if (bracketed) return withPort(bracketed[1] ?? '', bracketed[2]);
  if (/^[0-9A-Fa-f:.]+$/.test(trimmed) && (trimmed.match(/:/g) ?? []).length >= 2) {
    return withPort(trimmed, undefined);
  }
  const hostPort = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(trimmed);
  if (!hostPort) return undefined;
  const host = hostPort[1] ?? '';
  if (host.length > 253 || host.startsWith('.') || host.startsWith('-')) return undefined;
  return withPort(host, hostPort[2]);
}

function withPort(host: string, portText: string | undefined): TimeServerAddress | undefined {
  if (host.length === 0) return undefined;
  const port = portText === undefined ? NTP_DEFAULT_PORT : Number(portText);
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? { host, port } : undefined;
}
