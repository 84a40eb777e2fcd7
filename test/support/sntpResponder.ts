/**
 * A minimal SNTP server on 127.0.0.1 (test support): answers client requests with stratum-2
 * server replies whose clock runs `offsetMs` ahead of this computer's, for the integration
 * tests and the e2e harness. Loopback only: no test ever talks to a real time server.
 */
import dgram from 'node:dgram';
import {
  SNTP_PACKET_BYTES,
  msToNtpTimestamp,
  readNtpTimestamp,
  writeNtpTimestamp,
} from '../../main/core/time/sntp';

/** How the responder treats requests; tests switch it to provoke client failures. */
export type SntpResponderBehaviour =
  /** A correct reply. */
  | 'answer'
  /** Receives and never answers (a server behind a firewall that drops packets). */
  | 'silent'
  /** A reply whose originate timestamp is not the request's transmit timestamp. */
  | 'wrong-origin'
  /** A kiss-o'-death reply (stratum 0, kiss code RATE). */
  | 'kiss-of-death';

export interface SntpResponderOptions {
  /** How far the responder's clock runs ahead of this computer's (negative: behind). */
  readonly offsetMs?: number;
  readonly behaviour?: SntpResponderBehaviour;
}

export interface SntpResponder {
  /** `127.0.0.1:<port>`, ready to be used as the clock server setting. */
  readonly address: string;
  readonly port: number;
  /** How many client requests arrived so far. */
  readonly requests: number;
  setOffset(ms: number): void;
  setBehaviour(behaviour: SntpResponderBehaviour): void;
  stop(): Promise<void>;
}

/** Fields of a server reply that tests may want to get wrong on purpose. */
export interface SntpReplyFields {
  readonly leap?: number;
  readonly version?: number;
  readonly mode?: number;
  readonly stratum?: number;
  /** The reference identifier (a kiss code when stratum is 0); 4 bytes. */
  readonly referenceId?: Uint8Array;
  /** Overrides the originate timestamp (8 raw bytes); by default the request's transmit. */
  readonly originate?: Uint8Array;
}

/**
 * Builds a 48-byte server reply to `request` (pure, also used by the unit tests): T2 and T3 are
 * the server's receive and transmit times in Unix ms, the originate field echoes the request's
 * transmit timestamp byte for byte.
 */
export function buildSntpReply(
  request: Uint8Array,
  t2Ms: number,
  t3Ms: number,
  fields: SntpReplyFields = {},
): Uint8Array {
  const reply = new Uint8Array(SNTP_PACKET_BYTES);
  const version = fields.version ?? ((request[0] ?? 0) >> 3) & 0b111;
  reply[0] = ((fields.leap ?? 0) << 6) | (version << 3) | (fields.mode ?? 4);
  reply[1] = fields.stratum ?? 2;
  reply[2] = request[2] ?? 0; // poll: echoed
  reply[3] = 0xec; // precision: 2^-20 s
  reply.set(fields.referenceId ?? [127, 0, 0, 1], 12);
  writeNtpTimestamp(reply, 16, msToNtpTimestamp(t3Ms - 60_000)); // reference: a minute ago
  reply.set(fields.originate ?? request.subarray(40, 48), 24);
  writeNtpTimestamp(reply, 32, msToNtpTimestamp(t2Ms));
  writeNtpTimestamp(reply, 40, msToNtpTimestamp(t3Ms));
  return reply;
}

/**
 * Starts a responder on 127.0.0.1 on a random free port. Requests that are not 48+ byte client
 * (mode 3) packets are ignored.
 */
export async function startSntpResponder(
  options: SntpResponderOptions = {},
): Promise<SntpResponder> {
  let offsetMs = options.offsetMs ?? 0;
  let behaviour: SntpResponderBehaviour = options.behaviour ?? 'answer';
  let requests = 0;
  const wallBase = Date.now();
  const monotonicBase = performance.now();
  const serverNowMs = () => wallBase + (performance.now() - monotonicBase) + offsetMs;

  const socket = dgram.createSocket('udp4');
  socket.on('message', (request, remote) => {
    const t2 = serverNowMs();
    if (request.length < SNTP_PACKET_BYTES || ((request[0] ?? 0) & 0b111) !== 3) return;
    requests += 1;
    if (behaviour === 'silent') return;
    const fields: SntpReplyFields =
      behaviour === 'wrong-origin'
        ? { originate: wrongOrigin(request) }
        : behaviour === 'kiss-of-death'
          ? { stratum: 0, referenceId: new TextEncoder().encode('RATE') }
          : {};
    const reply = buildSntpReply(request, t2, serverNowMs(), fields);
    socket.send(reply, remote.port, remote.address);
  });
  // A client that vanished (ICMP unreachable) must not crash the test process.
  socket.on('error', () => undefined);
  await new Promise<void>(done => {
    socket.bind(0, '127.0.0.1', done);
  });
  const { port } = socket.address();
  let stopped: Promise<void> | undefined;

  return {
    address: `127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    setOffset(ms: number) {
      offsetMs = ms;
    },
    setBehaviour(next: SntpResponderBehaviour) {
      behaviour = next;
    },
    stop() {
      stopped ??= new Promise<void>(done => {
        socket.close(() => {
          done();
        });
      });
      return stopped;
    },
  };
}

/** The request's transmit timestamp with its last byte changed. */
function wrongOrigin(request: Uint8Array): Uint8Array {
  const timestamp = readNtpTimestamp(request, 40);
  const bytes = new Uint8Array(8);
  writeNtpTimestamp(bytes, 0, { seconds: timestamp.seconds, fraction: timestamp.fraction ^ 1 });
  return bytes;
}
