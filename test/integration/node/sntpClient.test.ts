/**
 * SntpTimeServerClient over real UDP sockets against the loopback responder (integration):
 * measured offsets, and every failure becoming a prompt TimeServerError. Loopback only: no test
 * talks to a real time server, and name lookups are injected.
 */
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeServerError } from '../../../main/core/ports';
import { SntpTimeServerClient } from '../../../main/node/sntpClient';
import { startSntpResponder, type SntpResponder } from '../../support/sntpResponder';

let responder: SntpResponder | undefined;
afterEach(async () => {
  await responder?.stop();
  responder = undefined;
});

async function start(offsetMs: number): Promise<SntpResponder> {
  responder = await startSntpResponder({ offsetMs });
  return responder;
}

/** A loopback UDP port with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>(done => probe.bind(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise<void>(done => probe.close(done));
  return port;
}

/** Awaits a rejection, with how long it took. */
async function failure(promise: Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, elapsedMs: performance.now() - started };
  }
  throw new Error('expected the query to fail');
}

describe('SntpTimeServerClient', () => {
  it.each([7_000, -3_500, 0])(
    'measures a server %i ms ahead to within 50 ms, with a small round trip',
    async offsetMs => {
      const server = await start(offsetMs);
      const sample = await new SntpTimeServerClient().query(server.address, 3_000);
      expect(Math.abs(sample.offsetMs - offsetMs)).toBeLessThan(50);
      expect(sample.roundTripMs).toBeGreaterThanOrEqual(0);
      expect(sample.roundTripMs).toBeLessThan(200);
      expect(server.requests).toBe(1);
    },
  );

  it('follows a change of the server clock between queries', async () => {
    const server = await start(0);
    const client = new SntpTimeServerClient();
    server.setOffset(12_345);
    const sample = await client.query(server.address, 3_000);
    expect(Math.abs(sample.offsetMs - 12_345)).toBeLessThan(50);
  });

  it('answers concurrent queries each with its own reply', async () => {
    const server = await start(2_000);
    const client = new SntpTimeServerClient();
    const samples = await Promise.all(
      Array.from({ length: 5 }, () => client.query(server.address, 3_000)),
    );
    for (const sample of samples) expect(Math.abs(sample.offsetMs - 2_000)).toBeLessThan(50);
    expect(server.requests).toBe(5);
  });

  it('resolves a host name through the lookup (localhost → the responder)', async () => {
    const server = await start(1_000);
    const client = new SntpTimeServerClient({
      lookup: host => {
        expect(host).toBe('time.example.test');
        return Promise.resolve({ address: '127.0.0.1', family: 4 });
      },
    });
    const sample = await client.query(`time.example.test:${server.port}`, 3_000);
    expect(Math.abs(sample.offsetMs - 1_000)).toBeLessThan(50);
  });

  it('fails at once with "refused" when nothing listens on the port', async () => {
    const port = await closedPort();
    const { error, elapsedMs } = await failure(
      new SntpTimeServerClient().query(`127.0.0.1:${port}`, 3_000),
    );
    expect(error).toBeInstanceOf(TimeServerError);
    expect((error as Error).message).toBe('refused');
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('fails with "no answer within …" after the timeout, not later, when the server stays silent', async () => {
    const server = await start(0);
    server.setBehaviour('silent');
    const { error, elapsedMs } = await failure(
      new SntpTimeServerClient().query(server.address, 400),
    );
    expect(error).toBeInstanceOf(TimeServerError);
    expect((error as Error).message).toBe('no answer within 0.4 s');
    expect(elapsedMs).toBeGreaterThanOrEqual(390);
    expect(elapsedMs).toBeLessThan(700);
    expect(server.requests).toBe(1);
  });

  it('words a 3 s timeout as "no answer within 3 s"', async () => {
    const server = await start(0);
    server.setBehaviour('silent');
    const { error, elapsedMs } = await failure(
      new SntpTimeServerClient().query(server.address, 3_000),
    );
    expect((error as Error).message).toBe('no answer within 3 s');
    expect(elapsedMs).toBeLessThan(3_400);
  });

  it('ignores a reply that does not echo our timestamp, and reports it as invalid at the timeout', async () => {
    const server = await start(0);
    server.setBehaviour('wrong-origin');
    const { error, elapsedMs } = await failure(
      new SntpTimeServerClient().query(server.address, 400),
    );
    expect(error).toBeInstanceOf(TimeServerError);
    expect((error as Error).message).toBe('invalid reply: it does not answer our request');
    expect(elapsedMs).toBeLessThan(700);
  });

  it('fails at once with the kiss code when the server sends a kiss-o’-death', async () => {
    const server = await start(0);
    server.setBehaviour('kiss-of-death');
    const { error, elapsedMs } = await failure(
      new SntpTimeServerClient().query(server.address, 3_000),
    );
    expect(error).toBeInstanceOf(TimeServerError);
    expect((error as Error).message).toMatch(/^invalid reply: .*RATE/);
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('maps a failed name lookup to "name not found"', async () => {
    const client = new SntpTimeServerClient({
      lookup: () => Promise.reject(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' })),
    });
    const { error } = await failure(client.query('no-such-host.invalid', 3_000));
    expect(error).toBeInstanceOf(TimeServerError);
    expect((error as Error).message).toBe('name not found');
  });

  it('times out a name lookup that never finishes', async () => {
    const client = new SntpTimeServerClient({ lookup: () => new Promise(() => undefined) });
    const { error, elapsedMs } = await failure(client.query('slow.example.test', 300));
    expect((error as Error).message).toBe('no answer within 0.3 s');
    expect(elapsedMs).toBeLessThan(600);
  });

  it.each(['', 'ntp://time.aws.com', 'time.aws.com:99999', 'a b'])(
    'refuses the server address %j without sending anything',
    async server => {
      const lookups: string[] = [];
      const client = new SntpTimeServerClient({
        lookup: host => {
          lookups.push(host);
          return Promise.resolve({ address: '127.0.0.1', family: 4 });
        },
      });
      const { error } = await failure(client.query(server, 3_000));
      expect(error).toBeInstanceOf(TimeServerError);
      expect((error as Error).message).toBe('not a valid server address');
      expect(lookups).toEqual([]);
    },
  );

  it('closes its socket on every path (no handle outlives a query)', async () => {
    const server = await start(0);
    const client = new SntpTimeServerClient();
    const sockets = () =>
      process.getActiveResourcesInfo().filter(name => name === 'UDPWrap').length;
    const before = sockets();
    await client.query(server.address, 3_000);
    server.setBehaviour('silent');
    await client.query(server.address, 200).catch(() => undefined);
    await client.query(`127.0.0.1:${await closedPort()}`, 3_000).catch(() => undefined);
    await new Promise(resolve => setTimeout(resolve, 50)); // closes complete on the next tick
    expect(sockets()).toBe(before);
  });
});
