/**
 * A TimeServerClient for unit tests of ClockService: answers with a set offset, or fails like an
 * unreachable server. The real client is tested against a loopback SNTP responder.
 */
import { TimeServerError, type TimeSample, type TimeServerClient } from '../../main/core/ports';

export class FakeTimeServer implements TimeServerClient {
  offsetMs = 0;
  reachable = true;
  readonly queries: string[] = [];

  query(server: string): Promise<TimeSample> {
    this.queries.push(server);
    if (!this.reachable) return Promise.reject(new TimeServerError('no answer'));
    return Promise.resolve({ offsetMs: this.offsetMs, roundTripMs: 2 });
  }
}
