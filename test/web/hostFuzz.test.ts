/**
 * The browser-mode host against hostile and malformed requests over raw TCP: broken request
 * lines and paths (invalid URLs, bad percent-encoding), wrong Host headers, broken and huge
 * headers, refused API calls, garbage bodies, truncated and slow requests, binary noise. The host
 * runs as its own process: after every request it must still be alive, and every request must
 * get a 4xx answer (never a dropped connection, a 5xx or a 2xx); well-formed API calls with a
 * random method and hostile input get the core's envelope (200) or a 4xx, never a 5xx. The counts
 * by status are printed for the record. FUZZ_SEED=n replays a run; FUZZ_RUNS=n changes its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exchange, startHostProcess, type HostProcess, type Outcome } from './hostProcess';
import { fuzzCase, type FuzzCase } from './fuzzCases';
import { openSession } from './session';
import { createHttpClient } from '../../shared/api/httpClient';
import { SETUP } from '../db/core/helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20260309);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_500);
const CONCURRENCY = 8;
/** The child's header timeout (its request timeout is twice that). */
const TIMEOUT_MS = 1_500;

let host: HostProcess;

beforeAll(async () => {
  host = await startHostProcess(TIMEOUT_MS);
});
afterAll(async () => {
  await host?.stop();
});

const crlf = (s: string) => Buffer.from(s.replace(/\n/g, '\r\n'), 'latin1');

async function healthy(): Promise<boolean> {
  const status = await exchange(host.port, {
    parts: [crlf(`GET / HTTP/1.1\nHost: 127.0.0.1:${host.port}\n\n`)],
    then: 'open',
  });
  return status === 200;
}

describe('browser-mode host under hostile requests', () => {
  it('GET //[ with the right Host header gets a 400 and the host lives on', async () => {
    const status = await exchange(host.port, {
      parts: [crlf(`GET //[ HTTP/1.1\nHost: 127.0.0.1:${host.port}\n\n`)],
      then: 'open',
    });
    expect(status).toBe(400);
    expect(host.alive(), host.output()).toBe(true);
    expect(await healthy()).toBe(true);
  });

  it(`answers ${RUNS} random malformed requests with a 4xx and stays up (seed ${SEED})`, async () => {
    const launch = new URL(host.url);
    const session = await openSession(host.url); // spends host.url's token
    // An office set up and its administrator signed in: random calls reach every method's checks.
    const api = createHttpClient({ baseUrl: `http://127.0.0.1:${host.port}`, session });
    await api.call('setup.initialize', SETUP);
    const cookie = `Cookie: motcua_session=${session}`;
    const cases: FuzzCase[] = fc.sample(
      fuzzCase({
        port: host.port,
        cookie,
        auth: `${cookie}\r\nX-Motcua-Request: 1`,
        spent: Buffer.from(`${launch.username}:${launch.password}`).toString('base64'),
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const byStatus = new Map<string, number>();
    const byKind = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        const outcome: Outcome = await exchange(
          host.port,
          c,
          c.slow ? TIMEOUT_MS * 4 + 3_000 : 10_000,
        );
        byStatus.set(String(outcome), (byStatus.get(String(outcome)) ?? 0) + 1);
        byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
        if (!host.alive()) {
          failures.push(`#${i} ${c.kind} killed the host: ${c.preview}\n${host.output()}`);
          return;
        }
        const refused = typeof outcome === 'number' && outcome >= 400 && outcome <= 499;
        if (!(refused || (c.expect === 'answer' && outcome === 200)))
          failures.push(`#${i} ${c.kind} → ${outcome}: ${c.preview}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const alive = host.alive() && (await healthy());
    // and the session opened before the storm still works
    expect(await api.call('setup.status')).toMatchObject({ initialized: true });

    const line = (m: Map<string, number>) =>
      [...m.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
    console.log(
      `host fuzz (seed ${SEED}): ${cases.length} requests sent ` +
        `(${cases.filter((c) => c.expect === '4xx').length} malformed or refused, ` +
        `${cases.filter((c) => c.expect === 'answer').length} well-formed API calls with random input); ` +
        `answers by status: ${line(byStatus)}\n` +
        `  by kind: ${line(byKind)}`,
    );
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect(alive).toBe(true);
  }, 600_000);
});
