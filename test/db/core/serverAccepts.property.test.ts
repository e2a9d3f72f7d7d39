/**
 * Property: whatever the counter accepts, the server accepts. Random counter input (any UTF-16,
 * emoji, controls, huge and odd numbers, up to 120 components of up to 1,100 characters) goes
 * through the core; every event the core records, serialised as the outbox sends it, passes the
 * server's own check of a pushed event (server/sync/validate.ts) and fits in one push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEvent } from '../../../server/sync/validate';
import { readOutbox } from '../../../db/sync/outbox';
import { MAX_PUSH_BODY_BYTES } from '../../../shared/limits';
import { toApiError } from '../../../shared/api/errors';
import { makeCore, setUp, type TestCore } from './helpers';

let t: TestCore;
let procedureId: string;

beforeAll(async () => {
  t = makeCore();
  await setUp(t.core);
  procedureId = (await t.core.call('procedures.search', { query: 'mai tang' }))[0]!.id;
});
afterAll(async () => {
  await t.cleanup();
});

// Text an officer, a scanner or a hostile page could send: Vietnamese, digits, emoji, controls,
// lone surrogates, noncharacters, decomposed marks. Most values are good (so that many inputs
// pass), one in `odds` is anything at all.
const good = fc.constantFrom('Nguyễn', 'Thị', 'Ánh', ' ', 'e\u0301', 'Lê Lợi', 'Khánh Hòa');
const anything = fc.oneof(
  good,
  fc.constantFrom(
    '079085001234',
    '😀',
    '\ud800',
    '\udc00',
    '\u0000',
    '\uffff',
    '\u001b',
    '\u0085',
    '\n',
    '\u200b',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const mostly = <T>(ok: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, odds = 40) =>
  fc.oneof({ arbitrary: ok, weight: odds - 1 }, { arbitrary: bad, weight: 1 });
const text = (maxPieces: number, odds = 40) =>
  fc
    .array(mostly(good, anything, odds), { minLength: 1, maxLength: maxPieces })
    .map((p) => p.join(''));
const number = fc.oneof(
  fc.integer({ min: -5, max: 150 }),
  fc.constantFrom(1e308, 2 ** 64, 1_000_000_000_000, 1_000_000_000_001, 1500.5, -0, Number.NaN),
  fc.double(),
);
const count = (usual: number, odds = 40) => mostly(fc.constant(usual), number, odds);

const component = fc.record(
  {
    name: text(4),
    originals: count(1),
    certifiedCopies: count(0),
    copies: count(0),
    note: text(3),
  },
  { requiredKeys: ['name', 'originals', 'certifiedCopies', 'copies'] },
);

/** A component near the limits: name and note of up to 1,000 three-byte characters. */
const heavyComponent = fc.record({
  name: fc.integer({ min: 1, max: 1000 }).map((n) => 'ễ'.repeat(n)),
  originals: fc.constant(1),
  certifiedCopies: fc.constant(0),
  copies: fc.constant(0),
  note: fc.integer({ min: 0, max: 1000 }).map((n) => 'ữ'.repeat(n)),
});

const applicant = fc.record(
  {
    kind: fc.constantFrom('citizen', 'business', 'agency', 'organisation'),
    name: text(4),
    idNumber: mostly(fc.constant('079085001234'), text(3)),
    phone: mostly(fc.constant('0905123456'), text(2)),
    address: text(6),
    representative: fc.record({ name: text(4), relation: text(2) }, { requiredKeys: ['name'] }),
  },
  { requiredKeys: ['kind', 'name'] },
);

const receive = fc.record(
  {
    applicant,
    components: fc.oneof(
      fc.array(component, { minLength: 1, maxLength: 5 }),
      // Near the limits: about 100 components with long names and notes (3 bytes a character).
      fc.array(heavyComponent, { minLength: 60, maxLength: 102 }),
    ),
    sets: mostly(fc.constant(1), number),
    fee: mostly(fc.integer({ min: 0, max: 1_000_000_000_000 }), number),
    note: text(6),
    resultDelivery: fc.oneof(
      fc.constant({ method: 'counter' }),
      text(4).map((address) => ({ method: 'post', address })),
    ),
  },
  { requiredKeys: ['applicant', 'components'] },
);

/** The events recorded since `after`, exactly as the outbox would push them. */
function newEvents(after: string): unknown[] {
  return readOutbox(t.core.db, { maxEvents: 100, maxBytes: Number.MAX_SAFE_INTEGER }, after).map(
    (e) => JSON.parse(e.json) as unknown,
  );
}

const lastEventId = () =>
  t.core.db.prepare<[], { id: string }>('SELECT max(id) AS id FROM dossier_events').get()?.id ?? '';

describe('whatever the core accepts, the server accepts', () => {
  it('for receipts, supplement requests and the steps after them', async () => {
    let accepted = 0;
    let events = 0;
    let maxBytes = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(receive, text(6), text(6), async (input, reason, unit) => {
        const before = lastEventId();
        const attempt = async <T>(p: Promise<T>): Promise<T | null> => {
          try {
            const value = await p;
            accepted++;
            return value;
          } catch (err) {
            // A refusal is a Vietnamese validation message, never an internal error.
            expect(toApiError(err).code).toBe('validation');
            refused++;
            return null;
          }
        };
        const received = await attempt(
          t.core.call('dossiers.receive', { procedureId, ...input } as never),
        );
        await attempt(
          t.core.call('dossiers.requestSupplement', {
            procedureId,
            applicant: input.applicant,
            missing: (input.components as { name: string; note?: string }[]).map((c) => ({
              name: c.name,
              note: c.note,
            })),
            reason,
          } as never),
        );
        if (received) {
          await attempt(
            t.core.call('dossiers.handover', {
              dossierId: received.dossier.id,
              toUnit: unit,
              note: reason,
            }),
          );
        }
        for (const event of newEvents(before)) {
          events++;
          maxBytes = Math.max(maxBytes, Buffer.byteLength(JSON.stringify(event)));
          const checked = checkEvent(event);
          expect(checked, JSON.stringify(checked).slice(0, 500)).toMatchObject({ ok: true });
          expect(Buffer.byteLength(JSON.stringify({ events: [event] }))).toBeLessThan(
            MAX_PUSH_BODY_BYTES,
          );
        }
      }),
      { numRuns: 100 },
    );
    // The property saw both sides.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(events).toBeGreaterThanOrEqual(accepted);
    expect(maxBytes).toBeGreaterThan(100_000); // events near the limits were tried
  });
});
