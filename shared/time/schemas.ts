/**
 * Wall-clock values as zod schemas, written once for the API's inputs (shared/api/schemas.ts) and
 * the events' payloads (shared/dossier/events.ts).
 */
import { z } from 'zod';
import { isLocalDate, isLocalDateTime } from './wallClock';

/** Office-local wall-clock time 'YYYY-MM-DDTHH:mm'. */
export const localDateTime = z
  .string({ error: 'Thời điểm phải có dạng YYYY-MM-DDTHH:mm' })
  .refine(isLocalDateTime, {
    message: 'Thời điểm phải có dạng YYYY-MM-DDTHH:mm và là ngày có thật',
  });

/** 'YYYY-MM-DD'. */
export const localDate = z
  .string({ error: 'Ngày phải có dạng YYYY-MM-DD' })
  .refine(isLocalDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });

/** A clock time of the office day, 'HH:mm'. */
export const hhmm = z
  .string({ error: 'Giờ phải có dạng HH:mm' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm, ví dụ 07:30');
