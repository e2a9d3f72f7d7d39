/**
 * import-catalogue: publish the procedure catalogue (the format of
 * build/seed/procedures-sample.json: { procedures: [...] }, or the bare array). Every record
 * keeps all its fields; the server checks what the desktop app cannot do without, with the
 * published envelope the workstations read (shared/sync/reference.ts): the procedure's codes and
 * names held to the one text rule of what is printed (one line, no emoji).
 */
import type { Db } from '../db/types';
import { AdminError } from './errors';
import { publishReference, readPublished } from './publish';
import { CATALOGUE_KEY, publishedCatalogueSchema } from '../../shared/sync/reference';

export async function importCatalogue(
  db: Db,
  input: { source: unknown },
): Promise<{ version: number; procedures: number }> {
  const source = input.source as { procedures?: unknown } | null;
  const list = Array.isArray(source) ? source : source?.procedures;
  const body = readPublished('catalogue', publishedCatalogueSchema, { procedures: list });

  const seen = new Set<string>();
  for (const p of body.procedures) {
    const key = p.code ?? p.localCode;
    if (!key) continue;
    if (seen.has(key)) throw new AdminError(`Mã thủ tục ${key} xuất hiện hai lần trong danh mục.`);
    seen.add(key);
  }
  const version = await publishReference(db, 'catalogue', CATALOGUE_KEY, body);
  return { version, procedures: body.procedures.length };
}
