import type { Migration } from '../migrate';

/**
 * Pulled events kept aside (sync_unapplied) are tried again in small steps, not all at every
 * pull: each row says when it is due again (retry_at, '' = at the next round) after how many
 * tries, with an index to find the due ones and one to find a dossier's (when events of that
 * dossier arrive, its kept events are due at once).
 */
export const m0007_sync_unapplied_retry: Migration = {
  version: 7,
  name: 'sync-unapplied-retry',
  up(db) {
    db.exec(`
      ALTER TABLE sync_unapplied ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1);
      -- ISO 8601 UTC of the next try; '' = at the next round (rows kept by earlier versions too).
      ALTER TABLE sync_unapplied ADD COLUMN retry_at TEXT NOT NULL DEFAULT '';
      CREATE INDEX sync_unapplied_due ON sync_unapplied (retry_at, event_id);
      CREATE INDEX sync_unapplied_dossier ON sync_unapplied (dossier_id) WHERE dossier_id IS NOT NULL;
    `);
  },
};
