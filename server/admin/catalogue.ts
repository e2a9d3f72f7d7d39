/**
 * import-catalogue: publish the procedure catalogue (the format of
 * build/seed/procedures-sample.json: { procedures: [...] }, or the bare array). Every record
 * keeps all its fields; the server checks only what the desktop app cannot do without.
 */
import { z } from 'zod';
import type { Db } from '../db/types';
import { AdminError } from './errors';
import { issuesText } from '../validation';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';
import { publishReference } from './publish';

const procedureSchema = z.looseObject({
  code: z.string().trim().min(1).nullable().optional(), // national code d.dddddd; some have none
  localCode: z.string().trim().min(1).nullable().optional(), // the office's own code when there is no national one
  name: z.string().trim().min(1, 'thiếu tên thủ tục'),
});

const catalogueSchema = z.array(procedureSchema).min(1, 'danh mục không có thủ tục nào');

export const CATALOGUE_KEY = 'procedures';

export async function importCatalogue(
  db: Db,
  input: { source: unknown },
): Promise<{ version: number; procedures: number }> {
  const source = input.source as { procedures?: unknown } | null;
  const list = Array.isArray(source) ? source : source?.procedures;
  const parsed = catalogueSchema.safeParse(list, { error: vietnameseErrorMap });
  if (!parsed.success)
    throw new AdminError(`Danh mục thủ tục không hợp lệ: ${issuesText(parsed.error)}`);

  const seen = new Set<string>();
  for (const p of parsed.data) {
    const key = p.code ?? p.localCode;
    if (!key) continue;
    if (seen.has(key)) throw new AdminError(`Mã thủ tục ${key} xuất hiện hai lần trong danh mục.`);
    seen.add(key);
  }
  const version = await publishReference(db, 'catalogue', CATALOGUE_KEY, {
    procedures: parsed.data,
  });
  return { version, procedures: parsed.data.length };
}
