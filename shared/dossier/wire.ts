/**
 * What an event must be as a whole before its fields are read: JSON any store can hold (every
 * string and key well-formed, every number finite, nested at most MAX_EVENT_DEPTH) and at most
 * MAX_EVENT_BYTES once serialised. The server checks every pushed event with it, and the counter
 * every event it appends, so the counter never records an event the server would refuse.
 */
import { findJsonProblem, jsonPathText, utf8Length } from '../text/wellFormed';
import { MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from '../limits';

/** Bytes of the event as JSON (UTF-8), the measure of MAX_EVENT_BYTES. */
export function eventBytes(event: unknown): number {
  return utf8Length(JSON.stringify(event) ?? '');
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('vi-VN')} KB`;

/** Why the event cannot travel, in Vietnamese ("payload.applicant.name: …"), or null. */
export function eventStructureProblem(event: unknown): string | null {
  const problem = findJsonProblem(event, { maxDepth: MAX_EVENT_DEPTH });
  if (problem) {
    const where = jsonPathText(problem.path);
    return where ? `${where}: ${problem.message}` : problem.message;
  }
  const bytes = eventBytes(event);
  if (bytes > MAX_EVENT_BYTES) {
    return (
      `dung lượng ${kib(bytes)}, quá mức tối đa ${kib(MAX_EVENT_BYTES)}: ` +
      'hãy rút gọn ghi chú hoặc bớt thành phần hồ sơ'
    );
  }
  return null;
}
