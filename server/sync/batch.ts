/** The body of a push: { events: [...] }, at most MAX_EVENTS_PER_BATCH of them. */
import { HttpError } from '../http/errors';
import { MAX_EVENTS_PER_BATCH } from '../../shared/limits';

export function eventsOfBatch(body: unknown): unknown[] {
  const events =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>).events
      : undefined;
  if (!Array.isArray(events)) {
    throw new HttpError(400, 'bad_request', 'Nội dung gửi lên phải có dạng { "events": [ ... ] }.');
  }
  if (events.length > MAX_EVENTS_PER_BATCH) {
    throw new HttpError(
      413,
      'too_many_events',
      `Gói có ${events.length} sự kiện, vượt quá ${MAX_EVENTS_PER_BATCH}. ` +
        'Hãy chia thành nhiều gói nhỏ hơn rồi gửi lại.',
    );
  }
  return events;
}
