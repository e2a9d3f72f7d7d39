import type { Migration } from '../migrate';
import { syncConflicts } from '../../shared/dossier/conflicts';
import { loadDossierEvents } from '../dossiers/projection';

/**
 * Xung đột đồng bộ (db/dossiers/syncConflicts.ts): the events sync set aside, what won over each,
 * and the head's decision on it; and which of them an officer has closed the header's notice of.
 *
 * dossier_conflicts is derived, like the dossiers projection and dossier_calendar_flags: a function
 * of a dossier's events (shared/dossier/conflicts.ts), rewritten with the projection. It is never
 * synced: each replica derives the same rows from the same events. Dossiers that already hold
 * set-aside events (conflict_count > 0) get their rows here.
 *
 * sync_conflict_notices_seen is this workstation's record of the officers who closed the notice
 * of a conflict; the conflict stays on the board until the head decides on it.
 */
export const m0012_sync_conflicts: Migration = {
  version: 12,
  name: 'sync-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_conflicts (
        event_id       TEXT PRIMARY KEY,   -- the event set aside (dossier_events.id)
        dossier_id     TEXT NOT NULL,      -- = dossiers.id
        from_state     TEXT,               -- the state it met (NULL: no dossier yet)
        winner_id      TEXT,               -- what won: the event that brought the dossier there
        resolution_id  TEXT                -- the head's conflict_resolved event (NULL: open)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dossier_conflicts_dossier ON dossier_conflicts (dossier_id);
      CREATE INDEX dossier_conflicts_open ON dossier_conflicts (dossier_id)
        WHERE resolution_id IS NULL;
      CREATE TRIGGER dossiers_conflicts_delete AFTER DELETE ON dossiers
      BEGIN
        DELETE FROM dossier_conflicts WHERE dossier_id = OLD.id;
      END;

      CREATE TABLE sync_conflict_notices_seen (
        officer_id  TEXT NOT NULL,
        event_id    TEXT NOT NULL,         -- the event set aside
        seen_at     TEXT NOT NULL,         -- ISO 8601 UTC
        PRIMARY KEY (officer_id, event_id)
      ) STRICT, WITHOUT ROWID;
    `);
    const held = db
      .prepare<[], { id: string }>('SELECT id FROM dossiers WHERE conflict_count > 0')
      .all();
    const insert = db.prepare(
      'INSERT INTO dossier_conflicts (event_id, dossier_id, from_state, winner_id) VALUES (?, ?, ?, ?)',
    );
    for (const { id } of held) {
      // No decision can exist yet: this version brings the event that records one.
      for (const c of syncConflicts(loadDossierEvents(db, id))) {
        insert.run(c.event.id, id, c.from, c.winner?.id ?? null);
      }
    }
  },
};
