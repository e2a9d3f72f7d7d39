/**
 * Validation messages an officer can act on: Vietnamese, and pointing at the field by its path in
 * the file ("durations[0].unit: đơn vị thời gian không hợp lệ …").
 *
 * Pass vietnameseErrorMap to safeParse(x, { error: vietnameseErrorMap }): messages written on a
 * schema win, this map covers the generic cases (missing field, wrong type, too short …). The one
 * Vietnamese map: the core, the central server, catalogue and holiday files all pass this one.
 */
import type { z } from 'zod';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách […]',
  object: 'đối tượng {…}',
  null: 'null',
};

function sizeUnit(origin: string): string {
  return origin === 'string' ? ' ký tự' : origin === 'array' || origin === 'set' ? ' phần tử' : '';
}

export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu (bắt buộc phải có)';
      return `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return 'không được để trống';
      if (issue.origin === 'array' && min <= 1) return 'cần ít nhất một phần tử';
      return `phải ${issue.inclusive ? '≥' : '>'} ${min}${sizeUnit(issue.origin)}`;
    }
    case 'too_big':
      return `phải ${issue.inclusive ? '≤' : '<'} ${Number(issue.maximum)}${sizeUnit(issue.origin)}`;
    case 'invalid_value':
      return `giá trị không hợp lệ (chấp nhận: ${issue.values.map(String).join(', ')})`;
    case 'invalid_format':
      return issue.format === 'url' ? 'địa chỉ web không hợp lệ' : 'sai định dạng';
    case 'not_multiple_of':
      return `phải là bội số của ${issue.divisor}`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    default:
      return 'giá trị không hợp lệ';
  }
};

/** ['durations', 0, 'unit'] → "durations[0].unit". */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

/** One readable line per issue: "<path>: <message>", or the message alone at the top level. */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string[] {
  return issues.map((i) => {
    const path = issuePath(i.path);
    return path ? `${path}: ${i.message}` : i.message;
  });
}
