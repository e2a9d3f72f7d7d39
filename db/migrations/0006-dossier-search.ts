import type { Migration } from '../migrate';

/**
 * Free-text search of the board (applicant name, ID number, phone, dossier code) through FTS5
 * instead of LIKE over a million rows (db/dossiers/search.ts has the query side).
 *
 * dossier_fts indexes dossiers.applicant_search, which the projection already folds with
 * foldVietnamese (đ → d; unicode61 does not fold đ). Contentless with detail=none: only which
 * document holds which token (and token prefix) is stored, so the index is small; the exact
 * match is checked afterwards on applicant_search (GLOB), the index only finds the candidates.
 * unicode61 splits codes at '.' and '-', so each segment of 000.00.13.H31-260310-1012 is a token.
 * Prefix indexes of 1–6 characters make every prefix a Vietnamese syllable can have, and the
 * short prefixes of numbers, a single doclist read instead of a merge of many terms.
 *
 * The FTS rowid is dossier_search_rowids.rid, an INTEGER PRIMARY KEY: dossiers has a TEXT
 * primary key, so its implicit rowid may change on VACUUM and cannot be the link. Triggers keep
 * both in the transaction that writes the projection, whichever path writes it (intents, remote
 * events, rebuilds).
 */
export const m0006_dossier_search: Migration = {
  version: 6,
  name: 'dossier-search',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_search_rowids (
        rid         INTEGER PRIMARY KEY,        -- = dossier_fts.rowid
        dossier_id  TEXT NOT NULL UNIQUE        -- = dossiers.id
      ) STRICT;

      CREATE VIRTUAL TABLE dossier_fts USING fts5 (
        folded,                                 -- = dossiers.applicant_search
        content = '',
        contentless_delete = 1,
        detail = none,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );

      -- Backfill, oldest first, so rids follow receipt order.
      INSERT INTO dossier_search_rowids (dossier_id) SELECT id FROM dossiers ORDER BY received_at, id;
      INSERT INTO dossier_fts (rowid, folded)
      SELECT k.rid, d.applicant_search
      FROM dossier_search_rowids k JOIN dossiers d ON d.id = k.dossier_id
      ORDER BY k.rid;
      INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize');

      -- The deadline lists with a free-text filter: the text is checked on the index entry, so
      -- only matching rows are read from the table (as dossiers_received does for the others).
      CREATE INDEX dossiers_open_due_search ON dossiers (due_at, id, applicant_search)
      WHERE in_progress = 1 AND paused_since IS NULL;

      CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers
      BEGIN
        INSERT INTO dossier_search_rowids (dossier_id) VALUES (NEW.id);
        -- in a trigger, last_insert_rowid() is the rowid of the insert just above
        INSERT INTO dossier_fts (rowid, folded) VALUES (last_insert_rowid(), NEW.applicant_search);
      END;
      CREATE TRIGGER dossiers_search_update AFTER UPDATE OF id, applicant_search ON dossiers
      WHEN NEW.id IS NOT OLD.id OR NEW.applicant_search IS NOT OLD.applicant_search
      BEGIN
        UPDATE dossier_search_rowids SET dossier_id = NEW.id
        WHERE dossier_id = OLD.id AND NEW.id IS NOT OLD.id;
        UPDATE dossier_fts SET folded = NEW.applicant_search
        WHERE rowid = (SELECT rid FROM dossier_search_rowids WHERE dossier_id = NEW.id);
      END;
      CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers
      BEGIN
        DELETE FROM dossier_fts
        WHERE rowid = (SELECT rid FROM dossier_search_rowids WHERE dossier_id = OLD.id);
        DELETE FROM dossier_search_rowids WHERE dossier_id = OLD.id;
      END;
    `);
  },
};
