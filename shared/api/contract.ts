/**
 * The application API: one typed table of methods, each with the zod schema of its input and of
 * its output and the role it needs. The core (db/core) validates every input with it; the three
 * hosts (Electron IPC, the loopback HTTP host, tests) only forward to the core, so the same call
 * gives the same answer everywhere. The renderer calls it as `window.motcua.call(method, input)`.
 *
 * Access: 'public' needs no session; 'officer' any signed-in, unlocked officer; 'head' a head
 * (lãnh đạo) or an administrator; 'admin' an administrator.
 * A 'passive' method (polling: counts, sync status, auth.me) does not count as activity for the
 * idle lock. `auth.touch` is the opposite: a cheap call that only counts as activity (the renderer
 * sends it once a minute while the officer types or clicks, which makes no other call).
 */
import { z } from 'zod';
import { MAX_FEE_DONG, MAX_SETS, TEXT_MAX } from '../limits';
import { textInput } from '../text/textSchema';
import { CONFLICT_DECISIONS, HANDOVER_UNIT_MISSING } from '../dossier/events';
import {
  actionOfMethod,
  fieldMissing,
  reasonMissing,
  SIMPLE_ACTIONS,
  type ActionField,
  type DossierActionRow,
  type DossierActionMethod,
  type SimpleActionMethod,
} from '../dossier/actions';
import { resolutionProblems } from '../dossier/conflicts';
import {
  applicantInput,
  collectorInput,
  componentList,
  plainText,
  typed,
  calendarChange,
  calendarReviewItem,
  calendarYear,
  calendarYearInput,
  calendarYearNumber,
  documentResult,
  dossierCounts,
  dossierDetail,
  dossierRef,
  dossierState,
  dossierSummary,
  deadlineBucket,
  fullName,
  hhmm,
  intentResult,
  localDate,
  localDateTime,
  missingComponentInput,
  newPassword,
  office,
  officeInput,
  officer,
  procedure,
  procedureHit,
  reason,
  reportPeriod,
  resolutionReport,
  receivedComponentInput,
  role,
  session,
  settings,
  settingsPatch,
  syncConflictItem,
  syncConflictNotice,
  username,
  workstation,
  workstationNumber,
  COMPONENTS_NONE,
  MISSING_NONE,
  PROCEDURE_MISSING,
} from './schemas';
import { PAPER_SIZES, PRINT_FORMS, SHEET_PAPERS } from '../print/forms';

export type Access = 'public' | 'officer' | 'head' | 'admin';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  passive?: boolean;
  /** What the method does, in a few words (Vietnamese), for logs and the admin. */
  summary: string;
}

const spec = <I extends z.ZodType, O extends z.ZodType>(s: MethodSpec<I, O>) => s;

/** No input: `call('auth.me')` or `call('auth.me', {})`. */
const none = z.object({}).strict().optional();
const ok = z.object({ ok: z.literal(true) });

const procedureId = plainText(TEXT_MAX.procedureId, PROCEDURE_MISSING);
const caseLabel = plainText(TEXT_MAX.caseLabel, 'Chưa chọn trường hợp').optional();

const resultDelivery = z
  .object({
    method: z.enum(['counter', 'post'], {
      error: 'Chọn nơi nhận kết quả: tại quầy hoặc qua bưu điện',
    }),
    address: typed(TEXT_MAX.address).optional(),
  })
  .refine((d) => d.method !== 'post' || !!d.address, {
    message: 'Trả kết quả qua bưu điện: hãy nhập địa chỉ nhận kết quả',
    path: ['address'],
  });

/** Số bộ hồ sơ: a whole number of sets, one or more. */
const SETS_RANGE = 'Số bộ hồ sơ phải là số nguyên từ 1 trở lên.';

/** The counter's subject of a decision before receipt: a dossier, or a procedure and applicant. */
const counterSubject = {
  dossierId: dossierRef.optional(),
  procedureId: procedureId.optional(),
  caseLabel,
  applicant: applicantInput.optional(),
};

/** Ghi chú of a dossier or a step: several lines allowed. */
const note = typed(TEXT_MAX.note, { lines: true });

/** Phí, lệ phí: whole đồng, at most MAX_FEE_DONG (what every replica stores exactly). */
const feeInput = z
  .number({ error: 'Phí, lệ phí phải là số' })
  .int('Phí, lệ phí phải là số đồng, không có phần lẻ')
  .nonnegative('Phí, lệ phí không được âm')
  .max(
    MAX_FEE_DONG,
    `Phí, lệ phí tối đa ${MAX_FEE_DONG.toLocaleString('vi-VN')} đồng: hãy kiểm tra lại số tiền`,
  );

const onDossier = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ dossierId: dossierRef, ...shape }).strict();

/** Who may record a dossier action and what it is called: its row (shared/dossier/actions.ts). */
function ofAction(method: DossierActionMethod): Pick<MethodSpec, 'access' | 'summary'> {
  const row = actionOfMethod(method);
  if (row === undefined) throw new Error(`No dossier action ${method}`);
  return { access: row.access, summary: row.summary };
}

/** A field of a simple action: a reason (required, its row's message) or a note (optional). */
function simpleField(row: DossierActionRow, f: ActionField) {
  const missing = fieldMissing(row, f);
  return missing !== undefined ? reason(missing) : note.optional();
}

/** What a simple action's input can hold (each row asks for some of it). */
interface SimpleActionInput {
  dossierId: string;
  reason?: string | undefined;
  note?: string | undefined;
}
type SimpleActionInputSchema = z.ZodType<SimpleActionInput, SimpleActionInput>;

/** The methods of the simple actions, derived from their rows: the dossier and the row's fields. */
const SIMPLE_ACTION_SPECS = Object.fromEntries(
  SIMPLE_ACTIONS.map((row) => [
    row.method,
    spec({
      ...ofAction(row.method),
      input: onDossier(
        Object.fromEntries(row.fields.map((f) => [f.name, simpleField(row, f)])),
      ) as unknown as SimpleActionInputSchema,
      output: intentResult,
    }),
  ]),
) as Record<SimpleActionMethod, MethodSpec<SimpleActionInputSchema, typeof intentResult>>;

const syncEventId = plainText(TEXT_MAX.envelopeId, 'Thiếu mã sự kiện');

const rejectedEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  /**
   * invalid | forbidden | conflict (the server's); too_large | before_enrolment | server_error
   * (this client's: the server failed with a 500 on this event alone, db/sync/serverFaults.ts).
   */
  code: z.string(),
  reason: z.string(),
  rejectedAt: z.string(),
  attempts: z.number().int(),
});

export const syncStatus = z.discriminatedUnion('configured', [
  z.object({
    /** This workstation is not enrolled with a central server: it works alone. */
    configured: z.literal(false),
    /** Local events waiting to be sent once enrolled. */
    pendingEvents: z.number().int(),
    rejected: z.array(rejectedEvent),
  }),
  z.object({
    configured: z.literal(true),
    serverUrl: z.string(),
    unitCode: z.string(),
    workstationNumber: z.number().int(),
    /** The server answered within the last 30 s and the last round did not fail since. */
    online: z.boolean(),
    /** The background loop is running in this host. */
    running: z.boolean(),
    lastSyncAt: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    /** The last round's error (Vietnamese), null once a round succeeds. */
    lastError: z.string().nullable(),
    pendingEvents: z.number().int(),
    rejected: z.array(rejectedEvent),
    /**
     * The central server moved this machine from number 0 (the unit's only workstation) to
     * number `to` when a second one enrolled; shown until an officer acknowledges it.
     */
    workstationMove: z
      .object({ from: z.number().int(), to: z.number().int(), at: z.string() })
      .nullable(),
  }),
]);

const procedureStepOut = z.object({ label: z.string(), value: z.number().nullable() });

export const setupStatusOutput = z.object({
  /** The office is set up and has an administrator: show sign-in, not the first-run screen. */
  initialized: z.boolean(),
  office: office.nullable(),
  workstation: workstation.nullable(),
  hasAdmin: z.boolean(),
  /** Counts of what first start loaded, so the setup screen can say so. */
  procedureCount: z.number().int(),
  calendarYears: z.array(
    z.object({ year: z.number().int(), status: z.enum(['official', 'provisional']) }),
  ),
  appVersion: z.string(),
});

export const setupInitializeInput = z
  .object({
    office: officeInput,
    /** Buổi làm việc, e.g. [['07:30','11:30'], ['13:30','17:00']]. */
    officeHours: z.array(z.tuple([hhmm, hhmm])).min(1, 'Cần ít nhất một buổi làm việc'),
    /** Saturday is a working day for deadlines (ISO weekday 6 joins Monday–Friday). */
    workingSaturdays: z.boolean().default(false),
    workstation: z.object({
      number: workstationNumber,
      name: typed(TEXT_MAX.workstationName).optional(),
    }),
    admin: z.object({ username, fullName, password: newPassword }),
  })
  .strict();

export const printRenderInput = z
  .object({
    dossierId: dossierRef,
    form: z.enum(PRINT_FORMS, { error: 'Chọn mẫu phiếu cần in' }),
    /** Default: the office's paper size (appointment_slip is always 80 mm). */
    paper: z.enum(SHEET_PAPERS, { error: 'Khổ giấy chỉ nhận A4 hoặc A5' }).optional(),
    /** Default: true when this form was printed for this dossier before ("Bản in lại"). */
    reprint: z.boolean().optional(),
    /** Also send it to the printer (desktop app: the printer chosen in settings). */
    send: z.boolean().default(false),
    /** With send: show the system print dialog instead of printing silently. */
    dialog: z.boolean().default(false),
  })
  .strict();

export const API = {
  // --- first run -----------------------------------------------------------------------------
  'setup.status': spec({
    summary: 'Trạng thái cài đặt ban đầu',
    access: 'public',
    passive: true,
    input: none,
    output: setupStatusOutput,
  }),
  'setup.initialize': spec({
    summary: 'Cài đặt đơn vị lần đầu và tạo quản trị viên',
    access: 'public',
    input: setupInitializeInput,
    output: z.object({ office, workstation, session }),
  }),

  // --- sign-in ---------------------------------------------------------------------------------
  'auth.signIn': spec({
    summary: 'Đăng nhập',
    access: 'public',
    input: z
      .object({
        username: plainText(200, 'Chưa nhập tên đăng nhập'),
        password: z.string({ error: 'Chưa nhập mật khẩu' }).min(1, 'Chưa nhập mật khẩu'),
      })
      .strict(),
    output: session,
  }),
  'auth.signOut': spec({
    summary: 'Đăng xuất',
    access: 'public',
    /**
     * While local events have not reached the central server, sign-out is refused ('conflict',
     * saying how many) unless confirmUnsynced: the UI asks the officer first.
     */
    input: z.object({ confirmUnsynced: z.boolean().optional() }).strict().optional(),
    output: ok,
  }),
  'auth.me': spec({
    summary: 'Phiên đăng nhập hiện tại',
    access: 'public',
    passive: true,
    input: none,
    output: session.nullable(),
  }),
  'auth.lock': spec({
    summary: 'Khóa màn hình',
    access: 'public',
    input: none,
    output: session.nullable(),
  }),
  'auth.touch': spec({
    summary: 'Báo cán bộ đang làm việc (giữ màn hình không tự khóa)',
    access: 'officer',
    input: none,
    output: z.object({
      ok: z.literal(true),
      /** The core's office-local time 'YYYY-MM-DDTHH:mm' (forms default their times to it). */
      now: z.string(),
    }),
  }),
  'auth.unlock': spec({
    summary: 'Mở khóa màn hình',
    access: 'public',
    input: z
      .object({ password: z.string({ error: 'Chưa nhập mật khẩu' }).min(1, 'Chưa nhập mật khẩu') })
      .strict(),
    output: session,
  }),
  'auth.changePassword': spec({
    summary: 'Đổi mật khẩu của mình',
    access: 'officer',
    input: z
      .object({
        currentPassword: z
          .string({ error: 'Chưa nhập mật khẩu hiện tại' })
          .min(1, 'Chưa nhập mật khẩu hiện tại'),
        newPassword,
      })
      .strict(),
    output: ok,
  }),

  // --- procedures ------------------------------------------------------------------------------
  'procedures.search': spec({
    summary: 'Tìm thủ tục',
    access: 'officer',
    input: z
      .object({
        query: plainText(TEXT_MAX.search).default(''),
        limit: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
    output: z.array(procedureHit),
  }),
  'procedures.get': spec({
    summary: 'Xem thủ tục',
    access: 'officer',
    input: z.object({ id: procedureId }).strict(),
    output: procedure,
  }),
  'procedures.recent': spec({
    summary: 'Thủ tục hay dùng',
    access: 'officer',
    input: z
      .object({ limit: z.number().int().min(1).max(200).default(10) })
      .strict()
      .optional(),
    output: z.array(procedureHit),
  }),

  // --- dossiers: the counter -------------------------------------------------------------------
  'dossiers.previewDueAt': spec({
    summary: 'Tính thử ngày hẹn trả',
    access: 'officer',
    input: z.object({ procedureId, caseLabel, receivedAt: localDateTime.optional() }).strict(),
    output: z.object({
      /** The time the clock starts from (now, or the given time). */
      receivedAt: z.string(),
      /** null: the procedure has no fixed time: the officer picks the date. */
      dueAt: z.string().nullable(),
      /** The period crosses a year whose holiday calendar is not yet official. */
      provisional: z.boolean(),
      /** "15 ngày làm việc", "Không quy định". */
      durationText: z.string(),
      caseLabel: z.string().nullable(),
      duration: procedureStepOut.extend({ unit: z.string(), cutoff: z.string().optional() }),
    }),
  }),
  'dossiers.receive': spec({
    ...ofAction('dossiers.receive'),
    input: z
      .object({
        procedureId,
        caseLabel,
        applicant: applicantInput,
        components: componentList(receivedComponentInput, 'Thiếu danh sách thành phần hồ sơ').min(
          1,
          COMPONENTS_NONE,
        ),
        channel: z.enum(['in_person', 'online', 'postal']).default('in_person'),
        sets: z
          .number({ error: 'Số bộ hồ sơ phải là số' })
          .int(SETS_RANGE)
          .min(1, SETS_RANGE)
          .max(MAX_SETS, `Số bộ hồ sơ tối đa ${MAX_SETS}`)
          .default(1),
        resultDelivery: resultDelivery.default({ method: 'counter' }),
        fee: feeInput.default(0),
        dueAtOverride: localDateTime.optional(),
        note: note.optional(),
        fromSupplementRequestId: plainText(TEXT_MAX.dossierCode).min(1).optional(),
      })
      .strict(),
    output: intentResult,
  }),
  'dossiers.requestSupplement': spec({
    ...ofAction('dossiers.requestSupplement'),
    input: z
      .object({
        ...counterSubject,
        missing: componentList(missingComponentInput, 'Thiếu danh sách giấy tờ cần bổ sung').min(
          1,
          MISSING_NONE,
        ),
        reason: reason(reasonMissing('supplement_requested')),
      })
      .strict(),
    output: documentResult,
  }),
  'dossiers.refuse': spec({
    ...ofAction('dossiers.refuse'),
    input: z.object({ ...counterSubject, reason: reason(reasonMissing('refused')) }).strict(),
    output: documentResult,
  }),

  // --- dossiers: processing --------------------------------------------------------------------
  'dossiers.handover': spec({
    ...ofAction('dossiers.handover'),
    input: onDossier({
      toUnit: typed(TEXT_MAX.unitName, { missing: HANDOVER_UNIT_MISSING }),
      /** A department chosen from dossiers.handoverTargets (its code). */
      toUnitCode: typed(TEXT_MAX.unitCode).optional(),
      toPerson: typed(TEXT_MAX.personInUnit).optional(),
      note: note.optional(),
    }),
    output: intentResult,
  }),
  'dossiers.handoverTargets': spec({
    summary: 'Các phòng được bàn giao hồ sơ (của đơn vị và liên thông)',
    access: 'officer',
    input: none,
    output: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        partner: z.boolean(),
      }),
    ),
  }),
  'dossiers.accept': spec({
    ...ofAction('dossiers.accept'),
    input: onDossier({
      unit: typed(TEXT_MAX.unitName, { missing: 'Chưa nhập đơn vị nhận hồ sơ' }),
      person: typed(TEXT_MAX.personInUnit).optional(),
    }),
    output: intentResult,
  }),
  'dossiers.supplementReceived': spec({
    ...ofAction('dossiers.supplementReceived'),
    input: onDossier({ note: note.optional() }),
    output: intentResult,
  }),
  'dossiers.resultReady': spec({
    ...ofAction('dossiers.resultReady'),
    input: onDossier({
      fromUnit: typed(TEXT_MAX.unitName).optional(),
      note: note.optional(),
    }),
    output: intentResult,
  }),
  'dossiers.return': spec({
    ...ofAction('dossiers.return'),
    input: onDossier({
      method: z.enum(['counter', 'post'], {
        error: 'Chọn hình thức trả kết quả: tại quầy hoặc qua bưu điện',
      }),
      collectedBy: collectorInput.optional(),
      postalTrackingNo: typed(TEXT_MAX.postalTrackingNo).optional(),
      /**
       * When the result was handed over, office-local 'YYYY-MM-DDTHH:mm' (recorded afterwards):
       * not in the future, not before the dossier's last event. Default: now.
       */
      returnedAt: localDateTime.optional(),
    }).refine((d) => d.method !== 'counter' || d.collectedBy !== undefined, {
      message: 'Trả kết quả tại quầy: hãy nhập họ tên (và số giấy tờ) của người nhận kết quả',
      path: ['collectedBy', 'name'],
    }),
    output: intentResult,
  }),
  // withdraw, stop, the financial obligation and its payment: derived from their rows
  ...SIMPLE_ACTION_SPECS,
  'dossiers.apology': spec({
    ...ofAction('dossiers.apology'),
    input: onDossier({ reason: reason(reasonMissing('apology_issued')), newDueAt: localDateTime }),
    output: documentResult,
  }),
  'dossiers.calendarReviews': spec({
    summary: 'Hồ sơ có ngày hẹn cần xem lại do lịch nghỉ thay đổi',
    access: 'officer',
    input: none,
    /** Every flagged dossier (at most 1000), the earliest appointment first. */
    output: z.array(calendarReviewItem),
  }),
  'dossiers.keepAppointment': spec({
    ...ofAction('dossiers.keepAppointment'),
    input: onDossier({ note: note.optional() }),
    output: intentResult,
  }),

  'dossiers.syncConflicts': spec({
    summary: 'Xung đột đồng bộ: việc bị gác lại khi đồng bộ',
    access: 'officer',
    input: z
      .object({
        /** open (default): waiting for the head's decision; resolved; all. */
        status: z.enum(['open', 'resolved', 'all']).default('open'),
        limit: z.number().int().min(1).max(1000).default(500),
      })
      .strict()
      .optional(),
    /** The latest set-aside event first, each said to the signed-in officer. */
    output: z.array(syncConflictItem),
  }),
  'dossiers.resolveConflict': spec({
    ...ofAction('dossiers.resolveConflict'),
    input: onDossier({
      /** The event set aside. */
      eventId: syncEventId,
      decision: z.enum(CONFLICT_DECISIONS, {
        error:
          'Chọn cách xử lý: giữ nguyên kết quả, ghi lại việc bị gác lại, hoặc xin lỗi và hẹn lại',
      }),
      /** What was done (required to keep the outcome as it stands). */
      note: note.optional(),
      /** decision 'apology': the reason and the new appointment printed on the slip. */
      reason: typed(TEXT_MAX.reason, { lines: true }).optional(),
      newDueAt: localDateTime.optional(),
    }).superRefine((d, ctx) => {
      for (const [path, message] of Object.entries(resolutionProblems(d))) {
        ctx.addIssue({ code: 'custom', path: [path], message });
      }
    }),
    output: intentResult.extend({
      /** The event recorded to correct it (the action again, or the apology); null: confirmed. */
      correctionEventId: z.string().nullable(),
      /** The apology slip's number (decision 'apology'), to print it. */
      docNo: z.string().nullable(),
    }),
  }),

  // --- dossiers: the board ---------------------------------------------------------------------
  'dossiers.list': spec({
    summary: 'Danh sách hồ sơ',
    access: 'officer',
    input: z
      .object({
        filter: z
          .object({
            states: z.array(dossierState).min(1).optional(),
            deadline: deadlineBucket.optional(),
            procedureId: plainText(TEXT_MAX.procedureId).min(1).optional(),
            field: plainText(TEXT_MAX.procedureField).min(1).optional(),
            officerId: plainText(TEXT_MAX.envelopeId).min(1).optional(),
            receivedFrom: localDate.optional(),
            receivedTo: localDate.optional(),
            text: plainText(TEXT_MAX.search).optional(),
            /** Only the dossiers a calendar change put in question (lịch nghỉ đã thay đổi). */
            calendarChanged: z.literal(true).optional(),
            /** Only the dossiers with a sync conflict waiting for the head (xung đột đồng bộ). */
            syncConflict: z.literal(true).optional(),
          })
          .strict()
          .default({}),
        page: z
          .object({
            limit: z.number().int().min(1).max(500).default(50),
            after: plainText(200).optional(),
          })
          .strict()
          .default({ limit: 50 }),
      })
      .strict()
      // No input: every dossier, the first page (the defaults above, applied by parsing {}).
      .prefault({}),
    output: z.object({
      items: z.array(dossierSummary),
      nextCursor: z.string().nullable(),
      /**
       * On the first page (no page.after): how many dossiers match the filter, when it can be had
       * cheaply (db/core/listTotal.ts): the board's counts for a bucket alone, a count stopped at
       * LIST_TOTAL_CAP for other filters, the page itself when it is the only one; null otherwise
       * (free text over more than one page, or too many candidates to read) and on later pages.
       */
      total: z.number().int().nullable(),
      /** The count stopped at LIST_TOTAL_CAP: there are more ("10.000+"). */
      totalIsLowerBound: z.boolean(),
    }),
  }),
  'dossiers.counts': spec({
    summary: 'Số hồ sơ theo trạng thái',
    access: 'officer',
    passive: true,
    input: none,
    output: dossierCounts,
  }),
  'dossiers.get': spec({
    summary: 'Xem hồ sơ',
    access: 'officer',
    input: z.object({ id: dossierRef }).strict(),
    output: dossierDetail,
  }),

  // --- printing --------------------------------------------------------------------------------
  'print.render': spec({
    ...ofAction('print.render'),
    input: printRenderInput,
    output: z.object({
      printId: z.string(),
      eventId: z.string(),
      /** Path of the stored PDF relative to the data directory, '/'-separated: prints/2026/….pdf */
      pdfPath: z.string(),
      pageCount: z.number().int(),
      reprint: z.boolean(),
      /** The PDF went to the printer (desktop app with send: true). */
      sent: z.boolean(),
      /** send was asked but the printer failed: the PDF and the event are stored all the same. */
      sendError: z.string().nullable(),
    }),
  }),
  'print.preview': spec({
    summary: 'Xem trước phiếu in',
    access: 'officer',
    input: printRenderInput.omit({ send: true, dialog: true }),
    output: z.object({
      html: z.string(),
      paper: z.enum(PAPER_SIZES),
      reprint: z.boolean(),
    }),
  }),
  'print.printers': spec({
    summary: 'Danh sách máy in',
    access: 'officer',
    input: none,
    output: z.array(
      z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() }),
    ),
  }),

  // --- settings --------------------------------------------------------------------------------
  'settings.get': spec({
    summary: 'Xem thiết lập',
    access: 'officer',
    input: none,
    output: z.object({
      settings,
      /** Stored values that no longer validate (each reads as its default), with what to fix. */
      problems: z.array(z.object({ key: z.string(), message: z.string() })),
    }),
  }),
  'settings.update': spec({
    summary: 'Sửa thiết lập',
    access: 'admin',
    input: settingsPatch,
    output: settings,
  }),
  'office.get': spec({
    summary: 'Thông tin đơn vị',
    access: 'officer',
    input: none,
    output: office.nullable(),
  }),
  'office.update': spec({
    summary: 'Sửa thông tin đơn vị',
    access: 'admin',
    input: officeInput.strict(),
    output: office,
  }),

  // --- officers and workstations -----------------------------------------------------------------
  'officers.list': spec({
    summary: 'Danh sách cán bộ',
    access: 'admin',
    input: none,
    output: z.array(officer),
  }),
  'officers.create': spec({
    summary: 'Thêm cán bộ',
    access: 'admin',
    input: z.object({ username, fullName, role, password: newPassword }).strict(),
    output: officer,
  }),
  'officers.update': spec({
    summary: 'Sửa tài khoản cán bộ',
    access: 'admin',
    input: z
      .object({
        id: plainText(TEXT_MAX.envelopeId, 'Chưa chọn cán bộ'),
        fullName: fullName.optional(),
        role: role.optional(),
        active: z.boolean().optional(),
        /** Đặt lại mật khẩu. */
        password: newPassword.optional(),
      })
      .strict(),
    output: officer,
  }),
  'officers.names': spec({
    summary: 'Tên cán bộ (cho bộ lọc)',
    access: 'officer',
    input: none,
    output: z.array(officer.pick({ id: true, fullName: true, role: true, active: true })),
  }),
  'workstations.list': spec({
    summary: 'Máy tiếp nhận',
    access: 'officer',
    input: none,
    output: z.array(workstation),
  }),
  'workstations.updateLocal': spec({
    summary: 'Sửa số hiệu, tên máy tiếp nhận này',
    access: 'admin',
    input: z
      .object({
        number: workstationNumber.optional(),
        name: typed(TEXT_MAX.workstationName, { missing: 'Chưa nhập tên máy' }).optional(),
      })
      .strict(),
    output: workstation,
  }),

  // --- calendar and catalogue ------------------------------------------------------------------
  'calendar.years': spec({
    summary: 'Các năm có lịch nghỉ lễ',
    access: 'officer',
    input: none,
    output: z.array(
      z.object({
        year: z.number().int(),
        status: z.enum(['official', 'provisional']),
        updatedAt: z.string(),
      }),
    ),
  }),
  'calendar.getYear': spec({
    summary: 'Lịch nghỉ lễ một năm',
    access: 'officer',
    input: z.object({ year: calendarYearNumber }).strict(),
    output: calendarYear.nullable(),
  }),
  'calendar.setYear': spec({
    summary: 'Sửa lịch nghỉ lễ một năm',
    access: 'admin',
    input: calendarYearInput.strict(),
    /** change: what the save changed and the dossiers it put in question (null: nothing). */
    output: calendarYear.extend({ change: calendarChange.nullable() }),
  }),
  'calendar.importFile': spec({
    summary: 'Nhập tệp lịch nghỉ lễ',
    access: 'admin',
    input: z
      .object({
        json: z
          .string({ error: 'Chưa chọn tệp lịch nghỉ lễ' })
          .min(1, 'Tệp lịch nghỉ lễ trống')
          .max(1_000_000, 'Tệp lịch nghỉ lễ quá lớn (tối đa 1 MB)'),
      })
      .strict(),
    output: z.object({
      years: z.array(
        z.object({
          year: z.number().int(),
          status: z.enum(['official', 'provisional']),
          daysOff: z.number().int(),
          workingDays: z.number().int(),
          changed: z.boolean(),
        }),
      ),
      skipped: z.array(z.object({ year: z.number().int(), reason: z.string() })),
      change: calendarChange.nullable(),
    }),
  }),
  'calendar.changeNotice': spec({
    summary: 'Thông báo lịch nghỉ đã thay đổi',
    access: 'officer',
    passive: true,
    input: none,
    /** The latest change that put dossiers in question, not yet closed here; open: still flagged. */
    output: calendarChange.extend({ open: z.number().int() }).nullable(),
  }),
  'calendar.dismissChangeNotice': spec({
    summary: 'Đóng thông báo lịch nghỉ đã thay đổi',
    access: 'officer',
    input: z.object({ id: z.number({ error: 'Thiếu mã thông báo' }).int() }).strict(),
    output: ok,
  }),
  'catalogue.import': spec({
    summary: 'Nhập danh mục thủ tục',
    access: 'admin',
    input: z
      .object({ json: z.string({ error: 'Chưa chọn tệp danh mục' }).min(1, 'Tệp danh mục trống') })
      .strict(),
    output: z.object({
      imported: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.array(
        z.object({
          index: z.number().int(),
          key: z.string().optional(),
          name: z.string().optional(),
          reasons: z.array(z.string()),
          /** One Vietnamese line per reason, naming the record. */
          lines: z.array(z.string()),
        }),
      ),
    }),
  }),

  // --- sync ----------------------------------------------------------------------------------------
  'sync.status': spec({
    summary: 'Trạng thái đồng bộ',
    access: 'officer',
    passive: true,
    input: none,
    output: syncStatus,
  }),
  'sync.enrol': spec({
    summary: 'Đăng ký máy với máy chủ đồng bộ',
    access: 'admin',
    input: z
      .object({
        serverUrl: plainText(300, 'Chưa nhập địa chỉ máy chủ, ví dụ http://10.0.0.5:8787'),
        code: plainText(200, 'Chưa nhập mã đăng ký do quản trị viên máy chủ cấp'),
        deviceName: textInput({
          max: TEXT_MAX.workstationName,
          missing: 'Đặt tên cho máy này, ví dụ "Quầy 2 – tầng 1"',
          tooLong: `Tên máy tối đa ${TEXT_MAX.workstationName} ký tự`,
        }),
        /**
         * Enrol although events never sent cannot be accepted by the server (they are set aside).
         * Without it such a case is a 'conflict' with fields.allowUnsentEvents (the message).
         */
        allowUnsentEvents: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      serverUrl: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.enum(['one_stop', 'department']),
      workstationNumber: z.number().int(),
      /**
       * Events written before enrolment that the server cannot accept, set aside as refused
       * ("before_enrolment"); 0 when they all go with the first sync.
       */
      setAside: z.number().int(),
    }),
  }),
  'sync.now': spec({
    summary: 'Đồng bộ ngay',
    access: 'officer',
    input: none,
    output: syncStatus,
  }),
  'sync.retryRejected': spec({
    summary: 'Gửi lại sự kiện bị máy chủ từ chối',
    access: 'officer',
    input: z.object({ eventId: syncEventId }).strict(),
    output: syncStatus,
  }),
  'sync.dismissMoveNotice': spec({
    summary: 'Đã đọc thông báo đổi số máy',
    access: 'officer',
    input: none,
    output: syncStatus,
  }),
  'sync.conflictNotice': spec({
    summary: 'Thông báo xung đột đồng bộ',
    access: 'officer',
    passive: true,
    input: none,
    /**
     * The open conflicts the officer is part of (their event set aside, or theirs won), every
     * open one for a head or an administrator, minus those whose notice they closed; null: none.
     */
    output: syncConflictNotice.nullable(),
  }),
  'sync.dismissConflictNotice': spec({
    summary: 'Đóng thông báo xung đột đồng bộ',
    access: 'officer',
    input: z
      .object({
        eventIds: z
          .array(syncEventId, { error: 'Thiếu danh sách xung đột' })
          .min(1, 'Thiếu danh sách xung đột')
          .max(500),
      })
      .strict(),
    output: ok,
  }),
  'sync.discardRejected': spec({
    summary: 'Bỏ qua sự kiện bị máy chủ từ chối',
    access: 'head',
    input: z.object({ eventId: syncEventId }).strict(),
    output: syncStatus,
  }),

  // --- reports (báo cáo) ----------------------------------------------------------------------
  'reports.resolution': spec({
    summary: 'Báo cáo tình hình giải quyết hồ sơ',
    access: 'head',
    input: reportPeriod,
    output: resolutionReport,
  }),
  'reports.exportResolution': spec({
    summary: 'Xuất báo cáo tình hình giải quyết hồ sơ ra tệp Excel',
    access: 'head',
    input: reportPeriod,
    output: z.object({
      /** Where it was saved, relative to the data directory, '/'-separated: reports/….xlsx */
      path: z.string(),
      fileName: z.string(),
      /** The file itself, for the browser to offer it as a download. */
      base64: z.string(),
    }),
  }),

  // --- this machine's data -------------------------------------------------------------------------
  'data.info': spec({
    summary: 'Thông tin dữ liệu trên máy',
    access: 'admin',
    passive: true,
    input: none,
    output: z.object({
      dataDir: z.string(),
      databaseFile: z.string(),
      databaseBytes: z.number().int(),
      printsDir: z.string(),
      dossierCount: z.number().int(),
      /** Earlier databases set aside by data.reset, newest first. */
      archives: z.array(z.object({ file: z.string(), bytes: z.number().int() })),
    }),
  }),
  'data.reset': spec({
    summary: 'Xóa dữ liệu máy này (cất bản lưu) và cài đặt lại từ đầu',
    access: 'admin',
    input: z
      .object({
        /** The administrator's own password, typed again. */
        password: z
          .string({ error: 'Nhập lại mật khẩu của bạn' })
          .min(1, 'Nhập lại mật khẩu của bạn'),
        /** Go on although local events have not reached the central server. */
        confirmUnsynced: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      /** The previous database, kept (never deleted) under <dataDir>/archive/. */
      archivedTo: z.string(),
    }),
  }),
} as const satisfies Record<string, MethodSpec>;

/** dossiers.list counts at most this many matches for its total (then "10.000+"). */
export const LIST_TOTAL_CAP = 10_000;

export type ApiTable = typeof API;
export type ApiMethod = keyof ApiTable;
export type ApiInput<M extends ApiMethod> = z.input<ApiTable[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiTable[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiTable[M]['output']>;

/** The input argument may be left out when the method takes none (or all of it is optional). */
export type ApiArgs<M extends ApiMethod> =
  undefined extends ApiInput<M> ? [input?: ApiInput<M>] : [input: ApiInput<M>];

/** What the renderer sees as `window.motcua`. Rejects with an ApiError (see errors.ts). */
export interface MotcuaApi {
  call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiOutput<M>>;
}

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

export { CSRF_HEADER, IPC_CHANNEL, LAUNCH_PATH, LAUNCH_USER, SESSION_COOKIE } from './channel';
