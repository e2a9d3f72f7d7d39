/**
 * Importing a catalogue file: every record is validated, each bad one is reported with its
 * reasons in Vietnamese, the rest are written in one transaction. Importing the same file twice
 * changes nothing.
 */
import type { Db } from '../open';
import { checkCatalogueFile, type RejectedProcedure } from '../../shared/catalogue';
import { forgetListings } from './listing';
import { optimiseSearchIndex, writeProcedure } from './store';

export interface CatalogueImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedProcedure[];
}

/**
 * `json` is the file's text or its parsed value. Throws CatalogueFileError when the file as a
 * whole is not a catalogue (not JSON, no list of procedures); then nothing is written.
 */
export function importCatalogue(
  db: Db,
  json: unknown,
  opts: { now?: Date } = {},
): CatalogueImportReport {
  const { valid, rejected } = checkCatalogueFile(json);
  const now = (opts.now ?? new Date()).toISOString();
  const report: CatalogueImportReport = { imported: 0, updated: 0, unchanged: 0, rejected };
  try {
    db.transaction(() => {
      for (const { key, record } of valid) report[writeProcedure(db, key, record, now)]++;
      if (report.imported + report.updated > 0) optimiseSearchIndex(db);
    }).immediate();
  } finally {
    // Also after a rollback: nothing read inside the transaction may outlive it.
    forgetListings(db);
  }
  return report;
}
