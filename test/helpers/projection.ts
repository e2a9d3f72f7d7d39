/** Comparing replicas of the local database in the tests. */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';

/** The projection as one hash: every dossiers row and component, ordered by id. */
export function projectionHash(db: Db): string {
  const rows = db.prepare('SELECT * FROM dossiers ORDER BY id').all();
  const components = db
    .prepare('SELECT * FROM dossier_components ORDER BY dossier_id, position')
    .all();
  return createHash('sha256')
    .update(JSON.stringify([rows, components]))
    .digest('hex');
}
