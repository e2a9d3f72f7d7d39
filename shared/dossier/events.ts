/**
 * Dossier events: the truth about every dossier, and the unit of sync.
 *
 * Each change to a dossier is one event appended to dossier_events with a UUIDv7 id, the device
 * (workstation), the officer, the office-local business time `at`, and a payload. The dossiers
 * table is a projection of these events (see lifecycle.ts). Two replicas holding the same events
 * show the same state, because the fold orders events by (at, id).
 */
import { z } from 'zod';
import {
  CALENDAR_DAYS_DUE_TIMES,
  COUNTING_RULES,
  type CalendarDaysDueTime,
  type CountingRule,
} from '../calendar/options';
import { reasonMissing } from './actions';
import { wireText } from '../text/textSchema';
import { PRINT_FORMS } from '../print/forms';
import { formatThousands } from '../text/money';
import {
  MAX_BOOK_NO,
  MAX_COMPONENTS,
  MAX_COPIES,
  MAX_DURATION_VALUE,
  MAX_ENTRY_NO,
  MAX_FEE_DONG,
  MAX_SETS,
  TEXT_MAX,
} from '../limits';

import { hhmm, localDateTime as localDateTimeSchema } from '../time/schemas';

export { localDateTimeSchema };

/** The hand-over's receiving unit left empty: the event's and the API input's message. */
export const HANDOVER_UNIT_MISSING = 'Chưa chọn đơn vị nhận hồ sơ';

export const durationSchema = z.object({
  value: z.number().nonnegative().max(MAX_DURATION_VALUE).nullable(),
  unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'same_day', 'none']),
  cutoff: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'Giờ chốt phải có dạng HH:mm')
    .optional(),
});

/** Người nộp hồ sơ: a citizen or an organisation. */
export const applicantSchema = z.object({
  kind: z.enum(['citizen', 'business', 'agency', 'organisation']),
  name: wireText(TEXT_MAX.personName).trim().min(1, 'Chưa nhập họ tên người nộp hồ sơ'),
  idNumber: wireText(TEXT_MAX.idNumber).trim().optional(), // CCCD, passport or tax code
  idKind: z.enum(['cccd', 'cmnd', 'passport', 'tax_code', 'other']).optional(),
  birthDate: wireText(20).optional(), // 'YYYY-MM-DD'
  phone: wireText(TEXT_MAX.phone).trim().optional(),
  email: wireText(TEXT_MAX.email).trim().optional(),
  address: wireText(TEXT_MAX.address).trim().optional(),
  /** Người được ủy quyền, when someone files on the applicant's behalf. */
  representative: z
    .object({
      name: wireText(TEXT_MAX.personName).trim().min(1),
      idNumber: wireText(TEXT_MAX.idNumber).trim().optional(),
      phone: wireText(TEXT_MAX.phone).trim().optional(),
      relation: wireText(TEXT_MAX.relation).trim().optional(),
    })
    .optional(),
});

/**
 * A whole number from `min` to `max`, its messages naming what it is (an officer reads them in the
 * list of refused events): one message per fault, "Số thứ tự tối đa 999.999.999", not zod's
 * "expected int <= 9007199254740991" as well.
 */
const wholeNumber = (what: string, min: 0 | 1, max: number) =>
  z
    .number({ error: `${what} phải là số` })
    .min(min, min === 0 ? `${what} không được âm` : `${what} phải từ 1 trở lên`)
    .max(max, { error: `${what} tối đa ${formatThousands(max)}`, abort: true })
    .int(`${what} phải là số nguyên`);

const copies = wholeNumber('Số bản', 0, MAX_COPIES);

/**
 * The office's counting settings a due time was computed with (office hours, working weekdays,
 * counting rule, due time of calendar days), recorded as those that differ from the defaults (a
 * missing key is its default: shared/calendar/countingSettings.ts): with them the due time can be
 * counted again under a new holiday calendar, the way it was counted at the time
 * (shared/dossier/appointment.ts).
 */
export const countingSettingsSchema = z.object({
  officeHours: z
    .array(z.tuple([hhmm, hhmm]))
    .min(1)
    .max(6)
    .optional(),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  countingRule: z.enum(COUNTING_RULES as [CountingRule, ...CountingRule[]]).optional(),
  calendarDaysDueTime: z
    .enum(CALENDAR_DAYS_DUE_TIMES as [CalendarDaysDueTime, ...CalendarDaysDueTime[]])
    .optional(),
});

/** One line of the component checklist as received at the counter. */
export const receivedComponentSchema = z.object({
  componentId: wireText(TEXT_MAX.componentId).optional(),
  name: wireText(TEXT_MAX.componentName).trim().min(1),
  originals: copies, // bản chính
  certifiedCopies: copies, // bản sao chứng thực
  copies: copies, // bản sao, bản photo
  presentOnly: z.boolean().default(false), // chỉ xuất trình, không lưu
  note: wireText(TEXT_MAX.componentNote).optional(),
});

const missingComponentSchema = z.object({
  name: wireText(TEXT_MAX.componentName).trim().min(1),
  originals: copies.default(0),
  certifiedCopies: copies.default(0),
  copies: copies.default(0),
  note: wireText(TEXT_MAX.componentNote).optional(),
});

/** What the counter knows of the procedure when it receives: a snapshot, so the event stands alone. */
const procedureRefSchema = z.object({
  procedureId: wireText(TEXT_MAX.procedureId).min(1),
  procedureCode: wireText(TEXT_MAX.procedureCode).nullable(),
  procedureName: wireText(TEXT_MAX.procedureName).min(1),
  field: wireText(TEXT_MAX.procedureField).optional(),
  agency: wireText(TEXT_MAX.procedureAgency).optional(), // cơ quan có thẩm quyền giải quyết
  caseLabel: wireText(TEXT_MAX.caseLabel).optional(),
});

/** The reason of an action, its message when empty the action's (shared/dossier/actions.ts). */
const reasonText = (event: string) => wireText(TEXT_MAX.reason).trim().min(1, reasonMissing(event));
const noteText = wireText(TEXT_MAX.note).optional();
const docNo = wireText(TEXT_MAX.docNo).min(1);

/**
 * The head's decisions on an event sync set aside (conflict_resolved): confirm the outcome as it
 * stands, record the set-aside action again, or apologise with a new appointment.
 */
export const CONFLICT_DECISIONS = ['confirmed', 'rerecorded', 'apology'] as const;
export type ConflictDecision = (typeof CONFLICT_DECISIONS)[number];

export const eventPayloadSchemas = {
  /** Tiếp nhận: a complete, valid dossier. The clock starts. */
  received: procedureRefSchema.extend({
    code: wireText(TEXT_MAX.dossierCode).min(1),
    applicant: applicantSchema,
    components: z.array(receivedComponentSchema).max(MAX_COMPONENTS),
    channel: z.enum(['in_person', 'online', 'postal']).default('in_person'),
    sets: wholeNumber('Số bộ hồ sơ', 1, MAX_SETS).default(1),
    resultDelivery: z.object({
      method: z.enum(['counter', 'post']),
      address: wireText(TEXT_MAX.address).optional(),
    }),
    fee: wholeNumber('Phí, lệ phí (đồng)', 0, MAX_FEE_DONG).default(0),
    duration: durationSchema,
    dueAt: localDateTimeSchema.nullable(),
    /** The officer set the appointment by hand (dueAtOverride): it is not counted again. */
    dueAtSetByHand: z.boolean().optional(),
    /** The counting settings dueAt was computed with (absent in events before they were kept). */
    countedWith: countingSettingsSchema.optional(),
    bookNo: wholeNumber('Quyển số', 1, MAX_BOOK_NO),
    entryNo: wholeNumber('Số thứ tự', 1, MAX_ENTRY_NO),
    note: noteText,
  }),
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at the counter (the dossier is not received yet),
   *  or a department asking for more papers during processing (the clock pauses). */
  supplement_requested: z.object({
    docNo, // Số: …/HDHS
    missing: z.array(missingComponentSchema).max(MAX_COMPONENTS),
    reason: reasonText('supplement_requested'),
    // at the counter only: who and what, since there is no received event
    applicant: applicantSchema.optional(),
    procedure: procedureRefSchema.optional(),
  }),
  /**
   * The papers came: the clock resumes. dueAt is the appointment from then on (the due time moved
   * later by the working time paused), counted by the workstation that recorded it, so that every
   * replica keeps the appointment given (absent in events before it was kept: then counted again).
   */
  supplement_received: z.object({
    note: noteText,
    dueAt: localDateTimeSchema.optional(),
  }),
  /**
   * Yêu cầu thực hiện nghĩa vụ tài chính: the applicant must pay a tax or charge (a tax notice of a
   * land registration, say). The clock pauses until the payment is recorded (status code 6).
   */
  obligation_requested: z.object({ reason: reasonText('obligation_requested'), note: noteText }),
  /** The payment was recorded: the clock resumes, dueAt as in supplement_received. */
  obligation_fulfilled: z.object({
    note: noteText,
    dueAt: localDateTimeSchema.optional(),
  }),
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ, at the counter or after review. */
  refused: z.object({
    docNo,
    reason: reasonText('refused'),
    applicant: applicantSchema.optional(),
    procedure: procedureRefSchema.optional(),
  }),
  /** Bàn giao: to a department or another agency (một cửa liên thông). */
  handed_over: z.object({
    toUnit: wireText(TEXT_MAX.unitName).trim().min(1, HANDOVER_UNIT_MISSING),
    /** The department's unit code when it is a unit of the system (shared/dossier/routing.ts). */
    toUnitCode: wireText(TEXT_MAX.unitCode).trim().min(1).optional(),
    toPerson: wireText(TEXT_MAX.personInUnit).optional(),
    note: noteText,
  }),
  /** The department took the dossier in hand. */
  accepted: z.object({
    unit: wireText(TEXT_MAX.unitName).min(1),
    person: wireText(TEXT_MAX.personInUnit).optional(),
  }),
  /** Kết quả đã có: the department sent the result back to the one-stop unit. */
  result_ready: z.object({ fromUnit: wireText(TEXT_MAX.unitName).optional(), note: noteText }),
  /** Trả kết quả. */
  returned: z.object({
    method: z.enum(['counter', 'post']),
    collectedBy: z
      .object({
        name: wireText(TEXT_MAX.personName).trim().min(1),
        idNumber: wireText(TEXT_MAX.idNumber).optional(),
        relation: wireText(TEXT_MAX.relation).optional(),
      })
      .optional(),
    postalTrackingNo: wireText(TEXT_MAX.postalTrackingNo).optional(),
  }),
  withdrawn: z.object({ reason: reasonText('withdrawn') }),
  stopped: z.object({ reason: reasonText('stopped') }),
  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
  apology_issued: z.object({
    docNo, // Số: …/PXL
    reason: reasonText('apology_issued'),
    newDueAt: localDateTimeSchema,
  }),
  /**
   * Giữ ngày hẹn: after a change of the holiday calendar put the appointment in question, the head
   * confirmed that the appointment given stands. It records the situation decided on (the
   * appointment, whether it falls on a day off, the date counted again), so that a later change
   * that puts it in question differently asks again.
   */
  appointment_kept: z.object({
    dueAt: localDateTimeSchema,
    dueOnDayOff: z.boolean(),
    recomputedDueAt: localDateTimeSchema,
    note: noteText,
  }),
  /**
   * Xử lý xung đột đồng bộ: sync set an event aside (it was not allowed at its turn because
   * another event, recorded elsewhere while the two were offline, won) and the head of the unit
   * decided on it: the outcome stands as it is ('confirmed'), the set-aside action was recorded
   * again now that the dossier allows it ('rerecorded'), or the citizen got an apology with a new
   * appointment ('apology'). The correcting event is recorded with it and named here.
   */
  conflict_resolved: z.object({
    eventId: z.uuid({ message: 'Mã sự kiện bị gác lại phải là UUID' }),
    decision: z.enum(CONFLICT_DECISIONS),
    correctionEventId: z.uuid({ message: 'Mã sự kiện khắc phục phải là UUID' }).optional(),
    note: noteText,
  }),
  /** A slip printed for the citizen (stored before printing). */
  printed: z.object({
    form: z.enum(PRINT_FORMS),
    reprint: z.boolean(),
    file: wireText(TEXT_MAX.printFile).optional(),
  }),
} as const;

export type DossierEventType = keyof typeof eventPayloadSchemas;
export const DOSSIER_EVENT_TYPES = Object.keys(eventPayloadSchemas) as DossierEventType[];

export type EventPayload<T extends DossierEventType> = z.output<(typeof eventPayloadSchemas)[T]>;

const eventEnvelope = {
  id: z.uuid({ version: 'v7', message: 'Mã sự kiện phải là UUIDv7' }),
  dossierId: z.uuid({ message: 'Mã hồ sơ nội bộ phải là UUID' }),
  unitCode: wireText(TEXT_MAX.envelopeId).min(1),
  deviceId: wireText(TEXT_MAX.envelopeId).min(1), // the workstation that wrote it
  officerId: wireText(TEXT_MAX.envelopeId).min(1),
  at: localDateTimeSchema, // business time, office-local wall clock
  recordedAt: z.iso.datetime({ message: 'recordedAt phải là thời điểm ISO 8601' }), // device clock, UTC
};

export const dossierEventSchema = z.discriminatedUnion(
  'type',
  DOSSIER_EVENT_TYPES.map((type) =>
    z.object({ ...eventEnvelope, type: z.literal(type), payload: eventPayloadSchemas[type] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export type DossierEvent = {
  [T in DossierEventType]: {
    id: string;
    dossierId: string;
    unitCode: string;
    deviceId: string;
    officerId: string;
    at: string;
    recordedAt: string;
    type: T;
    payload: EventPayload<T>;
  };
}[DossierEventType];

export type DossierEventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;

/** Validate an event from outside (sync, files). Throws a ZodError with Vietnamese messages. */
export function parseDossierEvent(input: unknown): DossierEvent {
  return dossierEventSchema.parse(input) as DossierEvent;
}
