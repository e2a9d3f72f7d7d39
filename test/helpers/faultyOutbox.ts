/**
 * A faulty device's outbox, for tests: no vitest here, so the e2e specs (Playwright) use it too.
 */
import type { Db } from '../../db/open';

/**
 * What a faulty or hostile device holds in its outbox: the stored payload of one of its own local
 * events replaced (the counter's checks are not run; JSON.stringify escapes lone surrogates and
 * U+0000, as any JSON writer does). `raw` puts in a text as it is ("NaN", "1e999").
 */
export function corruptPayload(
  s: { db: Db },
  eventId: string,
  change: ((payload: Record<string, unknown>) => unknown) | { raw: string },
): void {
  const row = s.db
    .prepare<[string], { payload: string }>('SELECT payload FROM dossier_events WHERE id = ?')
    .get(eventId);
  if (!row) throw new Error(`no event ${eventId}`);
  const text =
    'raw' in change
      ? change.raw
      : JSON.stringify(change(JSON.parse(row.payload) as Record<string, unknown>));
  // Events are immutable (a trigger says so): lift it for this one write, as a broken copy would.
  const trigger = s.db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'dossier_events_no_update'",
    )
    .get()!;
  s.db.transaction(() => {
    s.db.exec('DROP TRIGGER dossier_events_no_update');
    s.db.prepare('UPDATE dossier_events SET payload = ? WHERE id = ?').run(text, eventId);
    s.db.exec(trigger.sql);
  })();
}
