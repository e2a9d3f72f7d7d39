/**
 * Enrolment (POST /enrol): a workstation spends the one-time code the central admin issued and
 * receives its device id, token, workstation number and unit names. A workstation that worked
 * alone first sends its own id and number, which the server keeps as the device id when it can
 * (server/enrolment/enrol.ts), and the unit its dossiers belong to.
 */
import { z } from 'zod';
import { textInput, wireText } from '../text/textSchema';
import { TEXT_MAX } from '../limits';
import { refuse, type Read } from './refusal';

export const ENROL_PATH = '/enrol';

/** The layout the server accepts as a device id (any RFC 4122 UUID, lower case). */
export const DEVICE_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const workstationNumber = z.number().int().min(0).max(9);

// ---- the request ------------------------------------------------------------------------------

export const enrolRequestSchema = z.object({
  code: z.string().trim().min(1).max(40),
  /** Shown in the admin's lists and the device's settings: the one text rule, one line. */
  deviceName: textInput({ max: TEXT_MAX.workstationName }).min(1),
  /** The workstation's own id and number, sent by workstations that worked alone first. */
  localDeviceId: z.string().trim().toLowerCase().regex(DEVICE_ID_RE).optional(),
  localWorkstationNumber: workstationNumber.optional(),
  /** Rather no enrolment (409 identity_not_adopted, code not spent) than a new device id. */
  requireAdoption: z.boolean().optional(),
  /** The unit of the dossiers the workstation holds: a code of another unit is refused. */
  localUnitCode: z.string().trim().min(1).max(40).optional(),
});
export type EnrolRequest = z.output<typeof enrolRequestSchema>;

export const ENROL_MESSAGES = {
  badName: (problem: string) => `Tên máy (deviceName) ${problem}.`,
  shape:
    `Cần gửi { "code": mã đăng ký, "deviceName": tên máy } (tên máy tối đa ${TEXT_MAX.workstationName} ký tự), và nếu có: ` +
    '"localDeviceId" (mã UUID của máy), "localWorkstationNumber" (số máy 0–9), ' +
    '"requireAdoption" (true/false), "localUnitCode" (mã đơn vị của hồ sơ trên máy).',
  pair: 'Cần gửi cả "localDeviceId" (mã UUID của máy) và "localWorkstationNumber" (số máy 0–9), hoặc không gửi cả hai.',
};

/** An enrolment request as the server reads it, or its refusal (400). */
export function readEnrolRequest(body: unknown): Read<EnrolRequest> {
  const parsed = enrolRequestSchema.safeParse(body);
  if (!parsed.success) {
    const badName = parsed.error.issues.find(
      (i) => i.path[0] === 'deviceName' && i.code === 'custom',
    );
    return refuse(
      400,
      'bad_request',
      badName ? ENROL_MESSAGES.badName(badName.message) : ENROL_MESSAGES.shape,
    );
  }
  const r = parsed.data;
  if ((r.localDeviceId === undefined) !== (r.localWorkstationNumber === undefined)) {
    return refuse(400, 'bad_request', ENROL_MESSAGES.pair);
  }
  return { ok: true, value: r };
}

/** What the workstation knows of itself when it enrols. */
export interface EnrolRequestInput {
  code: string;
  deviceName: string;
  /** Its own identity, when the server may keep it. */
  local?: { deviceId: string; workstationNumber: number; requireAdoption: boolean } | null;
  /** The unit of the dossiers it holds, if any. */
  localUnitCode?: string | null;
}

/** The body the workstation sends (fields it has no value for are left out). */
export function enrolRequest(i: EnrolRequestInput): z.input<typeof enrolRequestSchema> {
  return {
    code: i.code,
    deviceName: i.deviceName,
    ...(i.local
      ? {
          localDeviceId: i.local.deviceId,
          localWorkstationNumber: i.local.workstationNumber,
          ...(i.local.requireAdoption ? { requireAdoption: true } : {}),
        }
      : {}),
    ...(i.localUnitCode ? { localUnitCode: i.localUnitCode } : {}),
  };
}

// ---- the answer -------------------------------------------------------------------------------

export const UNIT_KINDS = ['one_stop', 'department'] as const;

export const enrolAnswerSchema = z.object({
  deviceId: z.string().min(1),
  deviceToken: z.string().min(16),
  workstationNumber,
  unitCode: z.string().min(1),
  /** Printed at the head of every form: the one text rule (shared/text/wellFormed.ts). */
  unitName: wireText(TEXT_MAX.unitName).trim().min(1),
  parentName: wireText(TEXT_MAX.unitName).trim(),
  unitKind: z.enum(UNIT_KINDS),
  /** deviceId is the localDeviceId the workstation sent. */
  adopted: z.boolean().optional(),
  /** The machine was number 0 and the server gave it another number, keeping its codes. */
  movedFromZero: z.boolean().default(false),
});
export type EnrolAnswer = z.output<typeof enrolAnswerSchema>;
/** What the server sends. */
export type EnrolAnswerBody = z.input<typeof enrolAnswerSchema>;

/** Why the workstation cannot use an enrolment answer (Vietnamese). */
export function enrolAnswerProblem(error: z.ZodError): string {
  const badName = error.issues.find(
    (i) => (i.path[0] === 'unitName' || i.path[0] === 'parentName') && i.code === 'custom',
  );
  return badName
    ? `${badName.path[0] === 'unitName' ? 'Tên đơn vị' : 'Tên cơ quan cấp trên'} do máy chủ gửi ${badName.message.replace(/; hãy gõ lại$/, '')}: hãy báo quản trị viên máy chủ sửa tên đơn vị.`
    : 'Máy chủ trả lời đăng ký không đúng định dạng. Hãy kiểm tra địa chỉ máy chủ và phiên bản phần mềm.';
}
