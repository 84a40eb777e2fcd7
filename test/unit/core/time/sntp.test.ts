/**
 * SNTP packets and arithmetic (core, pure): the client request, NTP timestamp conversion across
 * the 2036 era pivot, reply validation against hostile and broken servers, and fast-check
 * properties (any offset and delays come back out; no packet makes the parser throw).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_NEGATIVE_DELAY_MS,
  RANDOM_FRACTION_BITS,
  SNTP_PACKET_BYTES,
  buildSntpRequest,
  msToNtpTimestamp,
  ntpTimestampToMs,
  parseSntpReply,
  parseTimeServerAddress,
  readNtpTimestamp,
  type NtpTimestamp,
} from '../../../../main/core/time/sntp';
import { buildSntpReply, type SntpReplyFields } from '../../../support/sntpResponder';

/** 2026-01-01T00:00:10Z. */
const T1 = Date.UTC(2026, 0, 1, 0, 0, 10);
/** 2036-02-07T06:28:16Z: NTP era 0 ends, seconds wrap to 0. */
const ERA_1_START = Date.UTC(2036, 1, 7, 6, 28, 16);
const RANDOM_RANGE_MS = (2 ** RANDOM_FRACTION_BITS / 2 ** 32) * 1000;

/** A request at `t1`, the reply a server `offsetMs` ahead sends after the given delays, and T4. */
function exchange(
  t1: number,
  offsetMs: number,
  outboundMs: number,
  holdMs: number,
  returnMs: number,
  fields: SntpReplyFields = {},
  randomBits = 0x5a5a5,
) {
  const request = buildSntpRequest(t1, randomBits);
  const t2 = t1 + outboundMs + offsetMs;
  const t3 = t2 + holdMs;
  const t4 = t1 + outboundMs + holdMs + returnMs;
  const reply = buildSntpReply(request.bytes, t2, t3, fields);
  return { request, reply, t4 };
}

function rejection(outcome: ReturnType<typeof parseSntpReply>) {
  if (outcome.ok) throw new Error(`expected a rejection, got offset ${outcome.offsetMs}`);
  return outcome;
}

describe('buildSntpRequest', () => {
  it('builds a 48-byte SNTPv4 client request: LI 0, VN 4, mode 3, everything else zero but the transmit timestamp', () => {
    const { bytes, transmitTimestamp } = buildSntpRequest(T1, 0);
    expect(bytes).toHaveLength(SNTP_PACKET_BYTES);
    expect(bytes[0]).toBe(0b00_100_011);
    expect([...bytes.subarray(1, 40)].every(byte => byte === 0)).toBe(true);
    expect(readNtpTimestamp(bytes, 40)).toEqual(transmitTimestamp);
    expect(transmitTimestamp.seconds).toBe(T1 / 1000 + 2_208_988_800);
  });

  it('replaces the low fraction bits with the random bits and keeps T1 to within 0.25 ms', () => {
    const t1 = T1 + 123.456;
    const a = buildSntpRequest(t1, 0);
    const b = buildSntpRequest(t1, 0xfffff);
    const mask = 2 ** RANDOM_FRACTION_BITS - 1;
    expect(a.transmitTimestamp.fraction & mask).toBe(0);
    expect(b.transmitTimestamp.fraction & mask).toBe(mask);
    expect(a.transmitTimestamp.fraction >>> RANDOM_FRACTION_BITS).toBe(
      b.transmitTimestamp.fraction >>> RANDOM_FRACTION_BITS,
    );
    for (const request of [a, b]) {
      expect(Math.abs(ntpTimestampToMs(request.transmitTimestamp) - t1)).toBeLessThan(
        RANDOM_RANGE_MS,
      );
    }
  });

  it('uses only the low random bits, whatever number it is given', () => {
    const request = buildSntpRequest(T1, 0xffff_ffff);
    expect(request.transmitTimestamp.fraction).toBe(2 ** RANDOM_FRACTION_BITS - 1);
  });

  it('refuses a time an NTP timestamp cannot represent', () => {
    expect(() => buildSntpRequest(Number.NaN, 0)).toThrow(RangeError);
    expect(() => buildSntpRequest(Date.UTC(1960, 0, 1), 0)).toThrow(RangeError);
    expect(() => buildSntpRequest(Date.UTC(2110, 0, 1), 0)).toThrow(RangeError);
  });
});

describe('NTP timestamps', () => {
  it('maps the Unix epoch to 2,208,988,800 s since 1900', () => {
    expect(msToNtpTimestamp(0)).toEqual({ seconds: 2_208_988_800, fraction: 0 });
    expect(ntpTimestampToMs({ seconds: 2_208_988_800, fraction: 0 })).toBe(0);
  });

  it('encodes half a second as a fraction of 2^31', () => {
    expect(msToNtpTimestamp(T1 + 500).fraction).toBe(2 ** 31);
  });

  it('wraps to era 1 at 2036-02-07T06:28:16Z and reads it back by the MSB pivot rule', () => {
    expect(msToNtpTimestamp(ERA_1_START - 1000)).toEqual({ seconds: 0xffff_ffff, fraction: 0 });
    expect(msToNtpTimestamp(ERA_1_START)).toEqual({ seconds: 0, fraction: 0 });
    expect(ntpTimestampToMs({ seconds: 0, fraction: 0 })).toBe(ERA_1_START);
    expect(ntpTimestampToMs({ seconds: 0x7fff_ffff, fraction: 0 })).toBe(
      ERA_1_START + 0x7fff_ffff * 1000,
    );
    expect(ntpTimestampToMs({ seconds: 0x8000_0000, fraction: 0 })).toBe(
      Date.UTC(1968, 0, 20, 3, 14, 8),
    );
  });

  it('round-trips any time from 1968 to 2104 to within a nanosecond', () => {
    fc.assert(
      fc.property(
        fc.double({
          min: Date.UTC(1968, 0, 21),
          max: Date.UTC(2104, 0, 1),
          noNaN: true,
        }),
        ms => {
          expect(Math.abs(ntpTimestampToMs(msToNtpTimestamp(ms)) - ms)).toBeLessThan(1e-3);
        },
      ),
    );
  });
});

describe('parseSntpReply', () => {
  it('computes offset ((T2 − T1) + (T3 − T4)) / 2 and delay (T4 − T1) − (T3 − T2)', () => {
    const { request, reply, t4 } = exchange(T1, 7_000, 20, 1, 30, {}, 0);
    const outcome = parseSntpReply(reply, request.transmitTimestamp, t4);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // Asymmetric paths (20 ms out, 30 ms back) bias the offset by half the difference.
    expect(outcome.offsetMs).toBeCloseTo(7_000 - 5, 3);
    expect(outcome.roundTripMs).toBeCloseTo(50, 3);
    expect(outcome.stratum).toBe(2);
  });

  it('measures a negative offset (a computer clock ahead of the server)', () => {
    const { request, reply, t4 } = exchange(T1, -3_500, 10, 0, 10);
    const outcome = parseSntpReply(reply, request.transmitTimestamp, t4);
    expect(outcome.ok && outcome.offsetMs).toBeCloseTo(-3_500, 0);
  });

  it('measures correctly across the 2036 era rollover (server in era 1, client in era 0)', () => {
    const t1 = ERA_1_START - 2_000;
    const { request, reply, t4 } = exchange(t1, 6_000, 5, 0, 5, {}, 0);
    expect(request.transmitTimestamp.seconds).toBe(0xffff_fffe);
    expect(readNtpTimestamp(reply, 32).seconds).toBe(4);
    const outcome = parseSntpReply(reply, request.transmitTimestamp, t4);
    expect(outcome.ok && outcome.offsetMs).toBeCloseTo(6_000, 3);
  });

  it('accepts a reply with extension fields after the 48-byte header', () => {
    const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1);
    const longer = new Uint8Array(68);
    longer.set(reply);
    expect(parseSntpReply(longer, request.transmitTimestamp, t4).ok).toBe(true);
  });

  it('accepts an NTPv3 server that answers with version 3', () => {
    const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1, { version: 3 });
    expect(parseSntpReply(reply, request.transmitTimestamp, t4).ok).toBe(true);
  });

  it('reports the negative delay of slightly noisy timestamps as a zero round trip', () => {
    const { request, reply, t4 } = exchange(T1, 0, 0, 0.5, 0);
    const outcome = parseSntpReply(reply, request.transmitTimestamp, t4 - 0.4);
    expect(outcome.ok && outcome.roundTripMs).toBe(0);
  });

  describe('rejects', () => {
    const cases: [string, SntpReplyFields, string, RegExp][] = [
      ['a client-mode packet (mode 3)', { mode: 3 }, 'not-a-server-reply', /mode 3/],
      ['a broadcast packet (mode 5)', { mode: 5 }, 'not-a-server-reply', /mode 5/],
      ['version 0', { version: 0 }, 'unsupported-version', /version 0/],
      ['version 5', { version: 5 }, 'unsupported-version', /version 5/],
      ['an unsynchronised server (LI 3)', { leap: 3 }, 'unsynchronised', /not synchronised/],
      ['stratum 16', { stratum: 16 }, 'bad-stratum', /stratum 16/],
      ['stratum 255', { stratum: 255 }, 'bad-stratum', /stratum 255/],
    ];
    it.each(cases)('%s', (_label, fields, reason, message) => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1, fields);
      const outcome = rejection(parseSntpReply(reply, request.transmitTimestamp, t4));
      expect(outcome.reason).toBe(reason);
      expect(outcome.message).toMatch(message);
    });

    it('a packet shorter than 48 bytes', () => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1);
      const outcome = rejection(
        parseSntpReply(reply.subarray(0, 47), request.transmitTimestamp, t4),
      );
      expect(outcome.reason).toBe('too-short');
      expect(parseSntpReply(new Uint8Array(0), request.transmitTimestamp, t4).ok).toBe(false);
    });

    it('a reply whose originate timestamp differs from our transmit timestamp by one bit', () => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1);
      reply[47] = (reply[47] ?? 0) ^ 1; // T3 changes: still fine
      reply[31] = (reply[31] ?? 0) ^ 1; // originate: not ours
      expect(rejection(parseSntpReply(reply, request.transmitTimestamp, t4)).reason).toBe(
        'origin-mismatch',
      );
    });

    it('a reply to another request (same time, other random bits)', () => {
      const mine = buildSntpRequest(T1, 1);
      const { reply, t4 } = exchange(T1, 0, 1, 0, 1, {}, 2);
      expect(rejection(parseSntpReply(reply, mine.transmitTimestamp, t4)).reason).toBe(
        'origin-mismatch',
      );
    });

    it('a kiss-o’-death reply, naming its printable kiss code', () => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1, {
        stratum: 0,
        referenceId: new TextEncoder().encode('RATE'),
      });
      const outcome = rejection(parseSntpReply(reply, request.transmitTimestamp, t4));
      expect(outcome.reason).toBe('kiss-of-death');
      expect(outcome.kissCode).toBe('RATE');
      expect(outcome.message).toMatch(/RATE/);
    });

    it('a kiss-o’-death reply with an unprintable kiss code, without echoing the bytes', () => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1, {
        stratum: 0,
        referenceId: Uint8Array.of(0x1b, 0x5b, 0x32, 0x4a),
      });
      const outcome = rejection(parseSntpReply(reply, request.transmitTimestamp, t4));
      expect(outcome.reason).toBe('kiss-of-death');
      expect(outcome.kissCode).toBeUndefined();
      expect(outcome.message.includes('\u001b')).toBe(false);
    });

    it.each([
      ['transmit', 40],
      ['receive', 32],
    ])('a zero %s timestamp', (_label, offset) => {
      const { request, reply, t4 } = exchange(T1, 0, 1, 0, 1);
      reply.fill(0, offset, offset + 8);
      expect(rejection(parseSntpReply(reply, request.transmitTimestamp, t4)).reason).toBe(
        'zero-timestamp',
      );
    });

    it('a server that transmits before it receives', () => {
      const request = buildSntpRequest(T1, 0);
      const reply = buildSntpReply(request.bytes, T1 + 10, T1 + 5);
      expect(rejection(parseSntpReply(reply, request.transmitTimestamp, T1 + 20)).reason).toBe(
        'impossible-timestamps',
      );
    });

    it('a reply when T4 is not a finite time (never a non-finite offset)', () => {
      const { request, reply } = exchange(T1, 0, 1, 0, 1);
      for (const t4 of [Infinity, -Infinity, Number.NaN]) {
        expect(rejection(parseSntpReply(reply, request.transmitTimestamp, t4)).reason).toBe(
          'impossible-timestamps',
        );
      }
    });

    it('a server that held the packet longer than the whole round trip took', () => {
      const request = buildSntpRequest(T1, 0);
      const reply = buildSntpReply(request.bytes, T1, T1 + 1_000);
      const outcome = parseSntpReply(reply, request.transmitTimestamp, T1 + 10);
      expect(rejection(outcome).reason).toBe('impossible-timestamps');
      expect(1_000 - 10).toBeGreaterThan(MAX_NEGATIVE_DELAY_MS);
    });
  });

  describe('properties', () => {
    const offsets = fc.double({ min: -86_400_000, max: 86_400_000, noNaN: true });
    const leg = fc.double({ min: 0, max: 2_000, noNaN: true });
    const times = fc.double({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1), noNaN: true });

    it('gives back any true offset to within 1 ms when the network paths are symmetric', () => {
      fc.assert(
        fc.property(
          times,
          offsets,
          leg,
          fc.double({ min: 0, max: 50, noNaN: true }),
          fc.nat(),
          (t1, offset, oneWay, hold, random) => {
            const { request, reply, t4 } = exchange(t1, offset, oneWay, hold, oneWay, {}, random);
            const outcome = parseSntpReply(reply, request.transmitTimestamp, t4);
            expect(outcome.ok).toBe(true);
            if (!outcome.ok) return;
            expect(Math.abs(outcome.offsetMs - offset)).toBeLessThan(1);
            expect(Math.abs(outcome.roundTripMs - 2 * oneWay)).toBeLessThan(1);
          },
        ),
      );
    });

    it('errs by at most half the path asymmetry, as SNTP must', () => {
      fc.assert(
        fc.property(times, offsets, leg, leg, fc.nat(), (t1, offset, out, back, random) => {
          const { request, reply, t4 } = exchange(t1, offset, out, 0, back, {}, random);
          const outcome = parseSntpReply(reply, request.transmitTimestamp, t4);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          expect(Math.abs(outcome.offsetMs - offset)).toBeLessThan(Math.abs(out - back) / 2 + 1);
        }),
      );
    });

    it('never throws on arbitrary bytes, and rejects them unless they echo our timestamp', () => {
      const expected: NtpTimestamp = buildSntpRequest(T1, 7).transmitTimestamp;
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), fc.double(), (bytes, t4) => {
          const outcome = parseSntpReply(bytes, expected, t4);
          expect(outcome.ok).toBe(false);
        }),
      );
    });

    it('never throws on mutations of a genuine reply, and any result it accepts is finite', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat({ max: 47 }), fc.integer({ min: 0, max: 255 })), {
            maxLength: 12,
          }),
          fc.oneof(fc.constant(SNTP_PACKET_BYTES), fc.nat({ max: SNTP_PACKET_BYTES })),
          fc.oneof(fc.double(), fc.constant(T1 + 5), fc.constant(Infinity)),
          (edits, length, t4) => {
            const { request, reply } = exchange(T1, 1_234, 2, 0, 2);
            for (const [at, value] of edits) reply[at] = value;
            const truncated = reply.subarray(0, length);
            const outcome = parseSntpReply(truncated, request.transmitTimestamp, t4);
            if (outcome.ok) {
              expect(Number.isFinite(outcome.offsetMs)).toBe(true);
              expect(outcome.roundTripMs).toBeGreaterThanOrEqual(0);
            } else {
              expect(outcome.message.length).toBeGreaterThan(0);
            }
          },
        ),
      );
    });
  });
});

describe('parseTimeServerAddress', () => {
  it.each([
    ['time.aws.com', { host: 'time.aws.com', port: 123 }],
    ['  time.aws.com  ', { host: 'time.aws.com', port: 123 }],
    ['127.0.0.1:40123', { host: '127.0.0.1', port: 40_123 }],
    ['pool.ntp.org:123', { host: 'pool.ntp.org', port: 123 }],
    ['[::1]:1234', { host: '::1', port: 1234 }],
    ['[2001:db8::1]', { host: '2001:db8::1', port: 123 }],
    ['2001:db8::1', { host: '2001:db8::1', port: 123 }],
  ])('reads %j', (text, expected) => {
    expect(parseTimeServerAddress(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'time.aws.com:0',
    'time.aws.com:65536',
    'time.aws.com:',
    'ntp://time.aws.com',
    'time aws com',
    '[::1',
    '[::1]:',
    '-leading.dash',
    '.leading.dot',
    'a'.repeat(300),
    'host:12:34',
  ])('refuses %j', text => {
    expect(parseTimeServerAddress(text)).toBeUndefined();
  });
});
