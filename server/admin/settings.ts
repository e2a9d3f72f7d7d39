/**
 * publish-settings: office settings (counter hours, due-date rule, …) as a JSON object, for
 * every unit ('default') or for one unit, which a device merges over the default.
 */
import type { Db } from '../db/types';
import { DEFAULT_SETTINGS_KEY } from '../../shared/sync/reference';
import { AdminError } from './errors';
import { requireUnit } from './units';
import { publishReference } from './publish';

export async function publishSettings(
  db: Db,
  input: { source: unknown; unit?: string | undefined },
): Promise<{ key: string; version: number }> {
  const { source, unit } = input;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new AdminError('Tệp cấu hình phải là một đối tượng JSON { ... }.');
  }
  if (unit) await requireUnit(db, unit);
  const key = unit ?? DEFAULT_SETTINGS_KEY;
  return { key, version: await publishReference(db, 'settings', key, source) };
}
