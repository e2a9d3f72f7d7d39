/**
 * The size limits of what a counter may record and what the central server takes, in ONE place:
 * the core's input schemas (shared/api), the dossier event contract (shared/dossier/events.ts,
 * which the server validates pushes with), the catalogue file and the sync client and server all
 * read them from here, so whatever the counter accepts the server accepts.
 *
 * Lengths count UTF-16 code units (JavaScript's string length, what zod's max checks): at most
 * 3 bytes of UTF-8 each once serialised.
 */

/** Longest texts, per kind of field. */
export const TEXT_MAX = {
  /** Họ tên (người nộp, người được ủy quyền, người nhận kết quả) or an organisation's name. */
  personName: 200,
  /** An officer's full name (printed under the signature). */
  officerName: 120,
  /** Số CCCD, hộ chiếu, mã số thuế … */
  idNumber: 30,
  phone: 30,
  email: 200,
  address: 500,
  /** Quan hệ với người nộp (người được ủy quyền, người nhận kết quả). */
  relation: 100,
  componentName: 1000,
  componentNote: 1000,
  componentId: 100,
  /** Lý do (từ chối, yêu cầu bổ sung, rút, dừng, xin lỗi). */
  reason: 2000,
  /** Ghi chú of a dossier or of a step. */
  note: 2000,
  /** A unit (đơn vị nhận, đơn vị giải quyết) as typed. */
  unitName: 300,
  /** Mã đơn vị (QCVN 102:2016, 13 characters) with room to spare. */
  unitCode: 40,
  /** A person inside a unit (người nhận hồ sơ tại đơn vị). */
  personInUnit: 200,
  postalTrackingNo: 60,
  /** Catalogue texts a dossier carries a snapshot of. */
  procedureName: 1000,
  procedureField: 300,
  procedureAgency: 300,
  caseLabel: 300,
  /** A procedure's id: its national or local code, or 'name:' + its folded name. */
  procedureId: 1100,
  procedureCode: 60,
  /** Mã hồ sơ, số phiếu (…/HDHS), tên tệp in. */
  dossierCode: 60,
  docNo: 60,
  printFile: 500,
  /** Ids and codes of the event envelope (unit code, device, officer). */
  envelopeId: 100,
  /** Office names (cơ quan chủ quản, đơn vị, địa danh), a holiday's name, a machine's name. */
  officeName: 200,
  holidayName: 200,
  workstationName: 100,
  /** Free text typed into a search box. */
  search: 200,
} as const;

/** Thành phần hồ sơ per dossier (received or asked for), and per procedure in the catalogue. */
export const MAX_COMPONENTS = 100;

/** Số bản (chính, sao chứng thực, sao) of one component; số bộ hồ sơ. */
export const MAX_COPIES = 99;
export const MAX_SETS = 99;

/**
 * Phí, lệ phí: whole đồng, at most one thousand billion (10^12), a safe integer that every
 * replica, PostgreSQL's jsonb and SQLite store exactly.
 */
export const MAX_FEE_DONG = 1_000_000_000_000;

/** A duration in the catalogue or an event: at most ten years of days. */
export const MAX_DURATION_VALUE = 3650;

/** Quyển số (the year) and số thứ tự of the tracking book. */
export const MAX_BOOK_NO = 9999;
export const MAX_ENTRY_NO = 999_999_999;

/** One event as JSON (UTF-8 bytes of JSON.stringify(event)): the core refuses a larger one. */
export const MAX_EVENT_BYTES = 512 * 1024;

/** Nesting of objects and arrays in one event (the contract needs 5; a newer app's extras fit). */
export const MAX_EVENT_DEPTH = 16;

/** Events per push and bytes per push body (the server's limits). */
export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_PUSH_BODY_BYTES = 1024 * 1024;

/** What the client aims a batch at: a little under the server's body limit. */
export const PUSH_BATCH_BYTES = 768 * 1024;
