/**
 * Checking a catalogue file record by record, so one bad record never blocks the others and
 * every bad one is reported with its reasons. Pure: the import screen can preview with it.
 */
import { catalogueEnvelopeSchema, procedureKey, procedureSchema, type Procedure } from './schema';
import { describeIssues, vietnameseErrorMap } from './issues';
import { replaceBadCharacters } from '../text/wellFormed';

/** The file as a whole is unusable (not JSON, not a list of procedures). */
export class CatalogueFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueFileError';
  }
}

export interface ValidProcedure {
  /** Position in the file, from 0. */
  index: number;
  key: string;
  record: Procedure;
}

export interface RejectedProcedure {
  /** Position in the file, from 0 (shown to people as #index+1). */
  index: number;
  key?: string;
  name?: string;
  reasons: string[];
}

export interface CheckedCatalogue {
  valid: ValidProcedure[];
  rejected: RejectedProcedure[];
}

/** Parse a JSON text, or take an already parsed value. */
function parseJson(json: unknown): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as unknown;
  } catch (err) {
    throw new CatalogueFileError(
      `Tệp danh mục thủ tục không phải JSON hợp lệ (${(err as Error).message}). ` +
        'Hãy kiểm tra lại tệp hoặc xuất lại từ Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
    );
  }
}

/** Best-effort identity of a record that failed validation, for the report. */
function looseIdentity(raw: unknown): { key?: string; name?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  // Quoted in the report: a refused character shows as U+FFFD, never as itself.
  const str = (v: unknown) =>
    typeof v === 'string' && v.trim() ? replaceBadCharacters(v.trim()) : undefined;
  const name = str(r.name);
  const code = str(r.code) ?? str(r.localCode);
  const key = code ?? (name ? procedureKey({ name }) : undefined);
  return { ...(key ? { key } : {}), ...(name ? { name } : {}) };
}

/**
 * Validate a catalogue file (`{ "procedures": [ … ] }` or a bare array; a JSON text or a parsed
 * value). Throws CatalogueFileError when the file as a whole has the wrong shape; otherwise
 * returns the valid records and, for each bad one, its reasons. A record whose identity repeats
 * an earlier record's is rejected too.
 */
export function checkCatalogueFile(json: unknown): CheckedCatalogue {
  const envelope = catalogueEnvelopeSchema.safeParse(parseJson(json));
  if (!envelope.success) {
    throw new CatalogueFileError(
      'Tệp danh mục thủ tục không đúng cấu trúc: cần một đối tượng có trường "procedures" là danh sách ' +
        'thủ tục, hoặc một danh sách thủ tục.',
    );
  }
  const valid: ValidProcedure[] = [];
  const rejected: RejectedProcedure[] = [];
  const firstIndexOfKey = new Map<string, number>();
  envelope.data.forEach((raw, index) => {
    const parsed = procedureSchema.safeParse(raw, { error: vietnameseErrorMap });
    if (!parsed.success) {
      const reasons = describeIssues(parsed.error.issues);
      rejected.push({ index, ...looseIdentity(raw), reasons });
      return;
    }
    const record = parsed.data;
    const key = procedureKey(record);
    const first = firstIndexOfKey.get(key);
    if (first !== undefined) {
      rejected.push({
        index,
        key,
        name: record.name,
        reasons: [
          `trùng mã "${key}" với thủ tục #${first + 1}: mỗi thủ tục chỉ được có một bản ghi`,
        ],
      });
      return;
    }
    firstIndexOfKey.set(key, index);
    valid.push({ index, key, record });
  });
  return { valid, rejected };
}

/** At most `max` characters, cut at a word boundary. */
function shortName(name: string, max = 40): string {
  if (name.length <= max) return name;
  const space = name.slice(0, max + 1).lastIndexOf(' ');
  return (
    (space > max / 2 ? name.slice(0, space) : name.slice(0, max)).replace(/[\s,;:.-]+$/, '') + '…'
  );
}

/** "thủ tục #3 (Chứng thực bản sao…): durations[0].unit: đơn vị thời gian không hợp lệ …", one line per reason. */
export function describeRejection(r: RejectedProcedure): string[] {
  const who =
    `thủ tục #${r.index + 1}` + (r.name ? ` (${shortName(r.name)})` : r.key ? ` (${r.key})` : '');
  return r.reasons.map((reason) => `${who}: ${reason}`);
}
