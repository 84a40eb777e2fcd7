/**
 * TimeServerClient over SNTP (node adapter layer: node:dgram and node:dns). One request per
 * query, one deadline for the name lookup and the reply together, and the socket is closed on
 * every path. Failures become a TimeServerError with a short message; nothing is ever logged.
 */
import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { TimeServerError, type TimeSample, type TimeServerClient } from '../core/ports';
import { buildSntpRequest, parseSntpReply, parseTimeServerAddress } from '../core/time/sntp';

/** Resolves a host name to one address (node:dns `lookup` by default; injectable for tests). */
export type HostLookup = (host: string) => Promise<{ address: string; family: number }>;

export interface SntpTimeServerClientOptions {
  /** Replaces the system resolver (tests use it to simulate "name not found" offline). */
  readonly lookup?: HostLookup;
}

const systemLookup: HostLookup = host => dns.promises.lookup(host);

/**
 * The production time-server client. Stateless between queries: each `query` opens its own
 * socket (udp4 or udp6 by the resolved address), so concurrent queries never mix replies.
 */
export class SntpTimeServerClient implements TimeServerClient {
  readonly #lookup: HostLookup;

  constructor(options: SntpTimeServerClientOptions = {}) {
    this.#lookup = options.lookup ?? systemLookup;
  }

  /**
   * Sends one SNTP request to `server` (`host`, `host:port`, `[v6]:port`; port 123 by default)
   * and waits up to `timeoutMs`, name lookup included, for the reply that answers it. Replies
   * that do not echo our transmit timestamp are ignored (a spoofed packet cannot end the
   * exchange early); if only such replies came, the timeout reports the last one as invalid.
   * @throws TimeServerError "name not found", "refused", "no answer within 3 s",
   *   "invalid reply: …", "not a valid server address", …; never any other error.
   */
  query(server: string, timeoutMs: number): Promise<TimeSample> {
    const address = parseTimeServerAddress(server);
    if (address === undefined) {
      return Promise.reject(new TimeServerError('not a valid server address'));
    }
    const limitMs = Number.isFinite(timeoutMs) ? Math.max(0, timeoutMs) : 0;
    // Wall time at sub-millisecond precision: one Date.now() reading, then monotonic deltas.
    const wallBase = Date.now();
    const monotonicBase = performance.now();
    const nowMs = () => wallBase + (performance.now() - monotonicBase);

    return new Promise<TimeSample>((resolve, reject) => {
      let settled = false;
      let socket: dgram.Socket | undefined;
      let lastInvalid: string | undefined;

      const finish = (outcome: { sample: TimeSample } | { error: TimeServerError }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (socket !== undefined) closeQuietly(socket);
        if ('sample' in outcome) resolve(outcome.sample);
        else reject(outcome.error);
      };
      const fail = (message: string) => {
        finish({ error: new TimeServerError(message) });
      };

      const timer = setTimeout(() => {
        fail(
          lastInvalid === undefined
            ? `no answer within ${formatSeconds(limitMs)}`
            : `invalid reply: ${lastInvalid}`,
        );
      }, limitMs);

      const send = (ip: string, family: 4 | 6) => {
        try {
          exchange(ip, family);
        } catch (error) {
          fail(describeNetworkError(error));
        }
      };
      const exchange = (ip: string, family: 4 | 6) => {
        const udp = dgram.createSocket({ type: family === 6 ? 'udp6' : 'udp4' });
        socket = udp;
        let expected: ReturnType<typeof buildSntpRequest>['transmitTimestamp'] | undefined;
        udp.on('error', error => {
          fail(describeNetworkError(error));
        });
        udp.on('message', (message: Buffer) => {
          const t4 = nowMs();
          if (expected === undefined) return;
          const outcome = parseSntpReply(message, expected, t4);
          if (outcome.ok) {
            finish({ sample: { offsetMs: outcome.offsetMs, roundTripMs: outcome.roundTripMs } });
          } else if (outcome.reason === 'too-short' || outcome.reason === 'origin-mismatch') {
            lastInvalid = outcome.message; // not provably from the server: keep waiting
          } else {
            fail(`invalid reply: ${outcome.message}`);
          }
        });
        // A connected socket only accepts datagrams from the server's address and port, and
        // receives the ICMP "port unreachable" as ECONNREFUSED instead of waiting for the timeout.
        udp.connect(address.port, ip, () => {
          if (settled) return;
          let request: ReturnType<typeof buildSntpRequest>;
          try {
            // SECURITY: random low bits from the CSPRNG make the originate check unguessable.
            request = buildSntpRequest(nowMs(), randomInt(0, 2 ** 32 - 1));
          } catch {
            fail('this computer’s clock is set to an impossible date');
            return;
          }
          expected = request.transmitTimestamp;
          udp.send(request.bytes, error => {
            if (error) fail(describeNetworkError(error));
          });
        });
      };

      const family = net.isIP(address.host);
      if (family === 4 || family === 6) {
        send(address.host, family);
        return;
      }
      this.#lookup(address.host).then(
        found => {
          if (settled) return;
          if (found.family !== 4 && found.family !== 6) {
            fail('name not found');
            return;
          }
          send(found.address, found.family);
        },
        (error: unknown) => {
          fail(describeLookupError(error));
        },
      );
    }).catch((error: unknown) => {
      // Belt and braces: the port promises TimeServerError and nothing else.
      throw error instanceof TimeServerError ? error : new TimeServerError('network error');
    });
  }
}

function closeQuietly(socket: dgram.Socket): void {
  socket.removeAllListeners('message');
  // Errors after close (a late ICMP) must not surface as an unhandled 'error' event.
  socket.on('error', () => undefined);
  try {
    socket.close();
  } catch {
    // Already closed (ERR_SOCKET_DGRAM_NOT_RUNNING): nothing to release.
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function describeLookupError(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'EAI_NONAME':
      return 'name not found';
    case 'EAI_AGAIN':
      return 'name lookup failed (offline?)';
    case undefined:
    default:
      return 'name lookup failed';
  }
}

function describeNetworkError(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return 'network unreachable';
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return 'host unreachable';
    case 'EACCES':
    case 'EPERM':
      return 'blocked by the system (firewall?)';
    case undefined:
    default:
      return 'network error';
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
