/**
 * Dossier events: the truth about every dossier, and the unit of sync.
 *
 * Each change to a dossier is one event appended to dossier_events with a UUIDv7 id, the device
 * (workstation), the officer, the office-local business time `at`, and a payload. The dossiers
 * table is a projection of these events (see lifecycle.ts). Two replicas holding the same events
 * show the same state, because the fold orders events by (at, id).
 */
import { z } from 'zod';
import { isLocalDateTime } from '../time/wallClock';

export const localDateTimeSchema = z
  .string()
  .refine(isLocalDateTime, { message: 'Thời điểm phải có dạng YYYY-MM-DDTHH:mm và là ngày có thật' });

export const durationSchema = z.object({
  value: z.number().nonnegative().nullable(),
  unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'same_day', 'none']),
  cutoff: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'Giờ chốt phải có dạng HH:mm')
    .optional(),
});

/** Người nộp hồ sơ: a citizen or an organisation. */
export const applicantSchema = z.object({
  kind: z.enum(['citizen', 'business', 'agency', 'organisation']),
  name: z.string().trim().min(1, 'Chưa nhập họ tên người nộp hồ sơ'),
  idNumber: z.string().trim().optional(), // CCCD, passport or tax code
  idKind: z.enum(['cccd', 'cmnd', 'passport', 'tax_code', 'other']).optional(),
  birthDate: z.string().optional(), // 'YYYY-MM-DD'
  phone: z.string().trim().optional(),
  email: z.string().trim().optional(),
  address: z.string().trim().optional(),
  /** Người được ủy quyền, when someone files on the applicant's behalf. */
  representative: z
    .object({
      name: z.string().trim().min(1),
      idNumber: z.string().trim().optional(),
      phone: z.string().trim().optional(),
      relation: z.string().trim().optional(),
    })
    .optional(),
});

/** One line of the component checklist as received at the counter. */
export const receivedComponentSchema = z.object({
  componentId: z.string().optional(),
  name: z.string().trim().min(1),
  originals: z.number().int().nonnegative(), // bản chính
  certifiedCopies: z.number().int().nonnegative(), // bản sao chứng thực
  copies: z.number().int().nonnegative(), // bản sao, bản photo
  presentOnly: z.boolean().default(false), // chỉ xuất trình, không lưu
  note: z.string().optional(),
});

const missingComponentSchema = z.object({
  name: z.string().trim().min(1),
  originals: z.number().int().nonnegative().default(0),
  certifiedCopies: z.number().int().nonnegative().default(0),
  copies: z.number().int().nonnegative().default(0),
  note: z.string().optional(),
});

/** What the counter knows of the procedure when it receives: a snapshot, so the event stands alone. */
const procedureRefSchema = z.object({
  procedureId: z.string().min(1),
  procedureCode: z.string().nullable(),
  procedureName: z.string().min(1),
  field: z.string().optional(),
  agency: z.string().optional(), // cơ quan có thẩm quyền giải quyết
  caseLabel: z.string().optional(),
});

export const eventPayloadSchemas = {
  /** Tiếp nhận: a complete, valid dossier. The clock starts. */
  received: procedureRefSchema.extend({
    code: z.string().min(1),
    applicant: applicantSchema,
    components: z.array(receivedComponentSchema),
    channel: z.enum(['in_person', 'online', 'postal']).default('in_person'),
    sets: z.number().int().positive().default(1),
    resultDelivery: z.object({ method: z.enum(['counter', 'post']), address: z.string().optional() }),
    fee: z.number().nonnegative().default(0),
    duration: durationSchema,
    dueAt: localDateTimeSchema.nullable(),
    bookNo: z.number().int().positive(), // Quyển số
    entryNo: z.number().int().positive(), // Số thứ tự
    note: z.string().optional(),
  }),
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at the counter (the dossier is not received yet),
   *  or a department asking for more papers during processing (the clock pauses). */
  supplement_requested: z.object({
    docNo: z.string().min(1), // Số: …/HDHS
    missing: z.array(missingComponentSchema),
    reason: z.string().trim().min(1, 'Chưa nhập lý do yêu cầu bổ sung'),
    // at the counter only: who and what, since there is no received event
    applicant: applicantSchema.optional(),
    procedure: procedureRefSchema.optional(),
  }),
  supplement_received: z.object({ note: z.string().optional() }),
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ, at the counter or after review. */
  refused: z.object({
    docNo: z.string().min(1),
    reason: z.string().trim().min(1, 'Chưa nhập lý do từ chối'),
    applicant: applicantSchema.optional(),
    procedure: procedureRefSchema.optional(),
  }),
  /** Bàn giao: to a department or another agency (một cửa liên thông). */
  handed_over: z.object({
    toUnit: z.string().trim().min(1, 'Chưa chọn đơn vị nhận hồ sơ'),
    toPerson: z.string().optional(),
    note: z.string().optional(),
  }),
  /** The department took the dossier in hand. */
  accepted: z.object({ unit: z.string().min(1), person: z.string().optional() }),
  /** Kết quả đã có: the department sent the result back to the one-stop unit. */
  result_ready: z.object({ fromUnit: z.string().optional(), note: z.string().optional() }),
  /** Trả kết quả. */
  returned: z.object({
    method: z.enum(['counter', 'post']),
    collectedBy: z
      .object({ name: z.string().trim().min(1), idNumber: z.string().optional(), relation: z.string().optional() })
      .optional(),
    postalTrackingNo: z.string().optional(),
  }),
  withdrawn: z.object({ reason: z.string().trim().min(1, 'Chưa nhập lý do rút hồ sơ') }),
  stopped: z.object({ reason: z.string().trim().min(1, 'Chưa nhập lý do dừng giải quyết') }),
  /** Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
  apology_issued: z.object({
    docNo: z.string().min(1), // Số: …/PXL
    reason: z.string().trim().min(1, 'Chưa nhập lý do trễ hạn'),
    newDueAt: localDateTimeSchema,
  }),
  /** A slip printed for the citizen (stored before printing). */
  printed: z.object({
    form: z.enum(['receipt', 'supplement_request', 'refusal', 'apology', 'control_slip', 'appointment_slip']),
    reprint: z.boolean(),
    file: z.string().optional(),
  }),
} as const;

export type DossierEventType = keyof typeof eventPayloadSchemas;
export const DOSSIER_EVENT_TYPES = Object.keys(eventPayloadSchemas) as DossierEventType[];

export type EventPayload<T extends DossierEventType> = z.output<(typeof eventPayloadSchemas)[T]>;

const eventEnvelope = {
  id: z.uuid({ version: 'v7', message: 'Mã sự kiện phải là UUIDv7' }),
  dossierId: z.uuid({ message: 'Mã hồ sơ nội bộ phải là UUID' }),
  unitCode: z.string().min(1),
  deviceId: z.string().min(1), // the workstation that wrote it
  officerId: z.string().min(1),
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
