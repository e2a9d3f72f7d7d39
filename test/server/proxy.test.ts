/**
 * Behind a reverse proxy the rate limits of /lookup and /enrol count per client address, taken
 * from X-Forwarded-For only as far as TRUST_PROXY says: the proxies' addresses or their number,
 * never every hop. A client that writes its own X-Forwarded-For must not get a fresh budget.
 * The apps are built from loadConfig's reading of TRUST_PROXY, as `npm run server` builds them.
 */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../../server/config';
import { describeDrivers, type Bench } from './harness';

let clock = 0;
const PROXY = '10.0.0.2';
const LIMIT = 3;

const lookup = (b: Bench, remoteAddress: string, forwarded?: string) =>
  b.app.inject({
    method: 'GET',
    url: '/lookup/000.00.13.H31-260302-1001',
    remoteAddress,
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  });

const enrolAttempt = (b: Bench, remoteAddress: string, forwarded?: string) =>
  b.app.inject({
    method: 'POST',
    url: '/enrol',
    remoteAddress,
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    payload: { code: 'AAAA-BBBB-CCCC', deviceName: 'Máy lạ' },
  });

type Ask = (b: Bench, remoteAddress: string, forwarded?: string) => Promise<LightMyRequestResponse>;
const ENDPOINTS: [string, Ask][] = [
  ['lookup', lookup],
  ['enrol', enrolAttempt],
];

/** A different forged client address on every request. */
const forged = (i: number) => `198.18.${i >> 8}.${i & 255}`;

function limitedAfter(statuses: number[]): number {
  return statuses.findIndex((s) => s === 429);
}

describeDrivers(
  'rate limits behind a proxy named by address (TRUST_PROXY=10.0.0.2)',
  (bench) => {
    for (const [name, ask] of ENDPOINTS) {
      it(`${name}: a forged X-Forwarded-For from an untrusted peer does not escape the limit`, async () => {
        const b = bench();
        clock += 120_000; // a fresh minute for every test
        const statuses: number[] = [];
        for (let i = 0; i < LIMIT + 3; i++)
          statuses.push((await ask(b, '203.0.113.9', forged(i))).statusCode);
        expect(limitedAfter(statuses)).toBe(LIMIT);
        expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
      });

      it(`${name}: through the proxy, each client has its own budget and cannot forge another`, async () => {
        const b = bench();
        clock += 120_000;
        const statuses: number[] = [];
        // The client writes a forged address; the proxy appends the one it saw.
        for (let i = 0; i < LIMIT + 2; i++)
          statuses.push((await ask(b, PROXY, `${forged(i)}, 198.51.100.1`)).statusCode);
        expect(limitedAfter(statuses)).toBe(LIMIT);
        // Another client behind the same proxy is not held back.
        expect((await ask(b, PROXY, '198.51.100.2')).statusCode).not.toBe(429);
      });
    }
  },
  {
    trustProxy: loadConfig({ TRUST_PROXY: PROXY }).trustProxy,
    lookupPerMinute: LIMIT,
    enrolPerMinute: LIMIT,
    now: () => clock,
  },
);

describeDrivers(
  'rate limits behind one proxy given as a hop count (TRUST_PROXY=1)',
  (bench) => {
    for (const [name, ask] of ENDPOINTS) {
      it(`${name}: only the address the proxy appended counts, not what the client wrote`, async () => {
        const b = bench();
        clock += 120_000;
        const statuses: number[] = [];
        for (let i = 0; i < LIMIT + 2; i++)
          statuses.push((await ask(b, PROXY, `${forged(i)}, 198.51.100.7`)).statusCode);
        expect(limitedAfter(statuses)).toBe(LIMIT);
        expect((await ask(b, PROXY, '198.51.100.8')).statusCode).not.toBe(429);
      });
    }
  },
  {
    trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy,
    lookupPerMinute: LIMIT,
    enrolPerMinute: LIMIT,
    now: () => clock,
  },
);

describe('TRUST_PROXY', () => {
  it('takes addresses and CIDR ranges, a hop count, or nothing', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.0.2, 10.1.0.0/16 ,::1, fd00::/8, loopback' }).trustProxy,
    ).toEqual(['10.0.0.2', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses "true" (every hop) and what it cannot read, saying what to write', () => {
    const refused = (value: string) => {
      try {
        loadConfig({ TRUST_PROXY: value });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error(`TRUST_PROXY=${value} was accepted`);
    };
    expect(refused('true')).toMatch(/TRUST_PROXY: không nhận "true".*ví dụ 10\.0\.0\.2/s);
    expect(refused('10.0.0.300')).toMatch(/không hiểu "10\.0\.0\.300"/);
    expect(refused('10.0.0.0/33')).toMatch(/không hiểu "10\.0\.0\.0\/33"/);
    expect(refused('proxy.lan')).toMatch(/không hiểu "proxy\.lan"/);
    expect(refused('11')).toMatch(/từ 1 đến 10/);
    expect(refused(',')).toMatch(/không hiểu/);
  });
});
