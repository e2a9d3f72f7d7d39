/**
 * The admin commands: parse argv into a command (with Vietnamese errors), then run it against
 * the database. Reading files and asking for a password go through `io`, so tests run the
 * real commands without a terminal.
 */
import { parseArgs } from 'node:util';
import type { Db } from '../db/types';
import { AdminError } from './errors';
import { createUnit, listUnits, requireUnit, UNIT_COLUMNS } from './units';
import {
  cancelEnrolmentCodes,
  CODE_COLUMNS,
  issueEnrolmentCode,
  listEnrolmentCodes,
} from './enrolmentCodes';
import { createOfficer, listOfficers, OFFICER_COLUMNS, updateOfficer } from './officers';
import { DEVICE_COLUMNS, listDevices, revokeDevice } from './devices';
import { addPartner, listPartners, removePartner, TARGET_COLUMNS } from './partners';
import { listing, officeTime } from './table';
import { CONFLICT_COLUMNS, conflictTotals, listUnitConflicts } from '../dossiers/conflicts';
import { publishCalendar } from './calendar';
import { importCatalogue } from './catalogue';
import { publishSettings } from './settings';

interface CommandSpec {
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; required?: boolean; help: string }>;
}

const UNIT = { type: 'string', required: true, help: 'mã đơn vị' } as const;
const USERNAME = { type: 'string', required: true, help: 'tên đăng nhập' } as const;
const JSON_OUTPUT = { type: 'boolean', help: 'in dạng JSON (cho script) thay cho bảng' } as const;
/** Passwords never come from the command line (every local user sees it in ps). */
const PASSWORD_STDIN = {
  type: 'boolean',
  help: 'đọc mật khẩu từ đầu vào chuẩn (dòng đầu tiên), cho script; không có: nhập ẩn',
} as const;

export const COMMANDS = {
  'create-unit': {
    summary: 'Tạo đơn vị (Bộ phận Một cửa, hoặc phòng chuyên môn thuộc một Bộ phận Một cửa)',
    options: {
      code: { type: 'string', required: true, help: 'mã đơn vị QCVN 102, ví dụ 000.00.13.H31' },
      name: { type: 'string', required: true, help: 'tên đơn vị' },
      'parent-name': {
        type: 'string',
        required: true,
        help: 'tên cơ quan cấp trên, ví dụ "UBND TỈNH KHÁNH HÒA"',
      },
      kind: { type: 'string', help: 'one_stop (mặc định) hoặc department' },
      parent: { type: 'string', help: 'mã Bộ phận Một cửa (bắt buộc với department)' },
    },
  },
  'enrol-code': {
    summary: 'Cấp mã đăng ký dùng một lần cho một máy (hết hạn sau 7 ngày)',
    options: {
      unit: UNIT,
      workstation: {
        type: 'string',
        required: true,
        help: 'số máy, từ 1 đến 9; 0 cho máy duy nhất của đơn vị (đơn vị chưa có máy nào khác)',
      },
      replace: { type: 'boolean', help: 'thay máy đang giữ số này (máy cũ bị thu hồi)' },
    },
  },
  'list-codes': {
    summary:
      'Liệt kê các mã đăng ký đã cấp cho một đơn vị: còn dùng được, đã dùng, hết hạn, đã hủy',
    options: { unit: UNIT, json: JSON_OUTPUT },
  },
  'cancel-codes': {
    summary: 'Hủy mã đăng ký chưa dùng (lộ mã, cấp nhầm máy): mã đã hủy không đăng ký được nữa',
    options: {
      unit: UNIT,
      workstation: { type: 'string', help: 'hủy mọi mã chưa dùng của số máy này' },
      code: { type: 'string', help: 'hoặc: hủy đúng mã này' },
      all: { type: 'boolean', help: 'hoặc: hủy mọi mã chưa dùng của đơn vị' },
    },
  },
  'create-officer': {
    summary: 'Tạo tài khoản cán bộ của một đơn vị',
    options: {
      unit: UNIT,
      username: USERNAME,
      name: { type: 'string', required: true, help: 'họ và tên' },
      role: { type: 'string', required: true, help: 'officer, head hoặc admin' },
      'password-stdin': PASSWORD_STDIN,
    },
  },
  'publish-calendar': {
    summary: 'Công bố lịch nghỉ chính thức của một năm',
    options: {
      file: { type: 'string', required: true, help: 'tệp JSON, dạng holidays-vn.json' },
      year: { type: 'string', required: true, help: 'năm, ví dụ 2027' },
    },
  },
  'import-catalogue': {
    summary: 'Nhập danh mục thủ tục hành chính',
    options: { file: { type: 'string', required: true, help: 'tệp JSON { "procedures": [...] }' } },
  },
  'publish-settings': {
    summary: 'Công bố cấu hình văn phòng (chung, hoặc cho một đơn vị)',
    options: {
      file: { type: 'string', required: true, help: 'tệp JSON { ... }' },
      unit: { type: 'string', help: 'mã đơn vị (bỏ trống: áp dụng cho mọi đơn vị)' },
    },
  },
  'list-units': {
    summary: 'Liệt kê các đơn vị: mã, tên, loại, đơn vị cha',
    options: { json: JSON_OUTPUT },
  },
  'add-partner': {
    summary:
      'Khai báo liên thông: đơn vị được bàn giao hồ sơ cho các phòng của đơn vị khác (một chiều)',
    options: {
      unit: UNIT,
      partner: {
        type: 'string',
        required: true,
        help: 'mã Bộ phận Một cửa liên thông (mọi phòng của nó) hoặc mã một phòng chuyên môn',
      },
    },
  },
  'remove-partner': {
    summary: 'Bỏ liên thông: máy chủ không nhận việc bàn giao mới cho các phòng của đơn vị đó',
    options: {
      unit: UNIT,
      partner: { type: 'string', required: true, help: 'mã đơn vị liên thông cần bỏ' },
    },
  },
  'list-partners': {
    summary:
      'Liệt kê các phòng mà đơn vị được bàn giao hồ sơ: phòng của đơn vị và phòng liên thông',
    options: { unit: UNIT, json: JSON_OUTPUT },
  },
  'list-conflicts': {
    summary:
      'Liệt kê xung đột đồng bộ của một đơn vị: việc bị gác lại, việc được áp dụng, lãnh đạo đã xử lý chưa',
    options: {
      unit: UNIT,
      all: { type: 'boolean', help: 'kể cả xung đột đã được lãnh đạo đơn vị xử lý' },
      json: JSON_OUTPUT,
    },
  },
  'list-devices': {
    summary: 'Liệt kê các máy đã đăng ký của một đơn vị, kể cả máy đã thu hồi',
    options: { unit: UNIT, json: JSON_OUTPUT },
  },
  'revoke-device': {
    summary:
      'Thu hồi một máy: mã xác thực của máy hết hiệu lực ngay, hồ sơ máy đã gửi lên vẫn được giữ',
    options: {
      unit: { type: 'string', help: 'mã đơn vị (bắt buộc khi dùng --workstation)' },
      workstation: { type: 'string', help: 'số máy đang dùng cần thu hồi, từ 1 đến 9' },
      device: { type: 'string', help: 'hoặc: mã máy (cột "Mã máy" của list-devices)' },
    },
  },
  'set-officer': {
    summary: 'Sửa tài khoản cán bộ: khóa, mở lại, đổi vai trò, họ tên, đặt lại mật khẩu',
    options: {
      unit: UNIT,
      username: USERNAME,
      deactivate: { type: 'boolean', help: 'khóa tài khoản (không đăng nhập được nữa)' },
      activate: { type: 'boolean', help: 'mở lại tài khoản đã khóa' },
      role: { type: 'string', help: 'vai trò mới: officer, head hoặc admin' },
      name: { type: 'string', help: 'họ và tên mới' },
      'reset-password': { type: 'boolean', help: 'đặt lại mật khẩu (nhập ẩn)' },
      'password-stdin': {
        type: 'boolean',
        help: 'đặt lại mật khẩu, đọc từ đầu vào chuẩn (dòng đầu tiên), cho script',
      },
    },
  },
  'list-officers': {
    summary: 'Liệt kê tài khoản cán bộ của một đơn vị',
    options: { unit: UNIT, json: JSON_OUTPUT },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export interface Command {
  name: CommandName;
  options: Record<string, string | boolean | undefined>;
}

/** Help for every command, or for one. */
export function usage(only?: CommandName): string {
  const lines = ['Cách dùng: npm run server:admin -- <lệnh> [tùy chọn]', '', 'Các lệnh:'];
  for (const [name, spec] of Object.entries(COMMANDS) as [string, CommandSpec][]) {
    if (only && name !== only) continue;
    lines.push(`  ${name}  ${spec.summary}`);
    for (const [opt, o] of Object.entries(spec.options)) {
      lines.push(
        `      --${opt}${o.type === 'string' ? ' <giá trị>' : ''}  ${o.help}${o.required ? ' (bắt buộc)' : ''}`,
      );
    }
  }
  return lines.join('\n');
}

export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') throw new AdminError(usage());
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new AdminError(`Không có lệnh "${name}". Các lệnh: ${Object.keys(COMMANDS).join(', ')}.`);
  }
  if (rest.includes('--help') || rest.includes('-h'))
    throw new AdminError(usage(name as CommandName));
  if (rest.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new AdminError(
      'Không nhận mật khẩu trên dòng lệnh (--password): mọi người dùng trên máy đều xem được nó (ps) ' +
        'và nó nằm lại trong lịch sử lệnh. Bỏ --password để nhập ẩn, hoặc truyền qua đầu vào chuẩn: ' +
        `printf '%s\\n' "$MAT_KHAU" | npm run server:admin -- ${name} … --password-stdin`,
    );
  }
  const spec: CommandSpec = COMMANDS[name as CommandName];
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...rest],
      options: Object.fromEntries(
        Object.entries(spec.options).map(([k, o]) => [k, { type: o.type }]),
      ),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new AdminError(
      `${translateParseError(err as Error & { code?: string })}\n\n${usage(name as CommandName)}`,
    );
  }
  for (const [opt, o] of Object.entries(spec.options)) {
    const v = values[opt];
    if (o.required && (v === undefined || (typeof v === 'string' && v.trim() === ''))) {
      throw new AdminError(`Lệnh ${name} thiếu tùy chọn --${opt} (${o.help}).`);
    }
  }
  return { name: name as CommandName, options: values };
}

function translateParseError(err: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không hợp lệ: ${option.split(' ')[0]}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(err.message)
        ? `Tùy chọn ${option.split(' ')[0]} không nhận giá trị.`
        : `Tùy chọn ${option.split(' ')[0]} cần một giá trị.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Tham số thừa: ${/'([^']*)'/.exec(err.message)?.[1] ?? ''}. Mỗi giá trị phải đi sau một --tùy-chọn.`;
    default:
      return `Tham số không hợp lệ: ${err.message}`;
  }
}

export interface AdminIO {
  /** The parsed content of a JSON file; throws AdminError when it cannot. */
  readJson(path: string): Promise<unknown>;
  /** Ask for a password on the terminal without echoing it; throws AdminError without one. */
  askPassword(prompt: string): Promise<string>;
  /** The first line of standard input (--password-stdin). */
  readStdinPassword(): Promise<string>;
}

/** A new password: from standard input, or typed twice at the hidden prompt. */
async function newPassword(o: Command['options'], io: AdminIO, prompt: string): Promise<string> {
  if (o['password-stdin'] === true) return io.readStdinPassword();
  const first = await io.askPassword(prompt);
  const again = await io.askPassword('Nhập lại mật khẩu để xác nhận: ');
  if (first !== again) throw new AdminError('Hai lần nhập mật khẩu không khớp: hãy chạy lại lệnh.');
  return first;
}

const str = (v: string | boolean | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

function integer(value: string | undefined, option: string): number {
  if (!value || !/^\d+$/.test(value.trim()))
    throw new AdminError(`--${option} phải là một số nguyên.`);
  return Number(value.trim());
}

const optionalInteger = (value: string | undefined, option: string) =>
  value === undefined ? undefined : integer(value, option);

/** --activate / --deactivate as the account's new state; undefined for neither. */
function activeOption(o: Command['options']): boolean | undefined {
  if (o.activate === true && o.deactivate === true) {
    throw new AdminError('Chỉ dùng một trong hai: --activate (mở lại) hoặc --deactivate (khóa).');
  }
  return o.activate === true ? true : o.deactivate === true ? false : undefined;
}

/** Run a parsed command; returns what to print. */
export async function runCommand(db: Db, cmd: Command, io: AdminIO): Promise<string> {
  const o = cmd.options;
  switch (cmd.name) {
    case 'create-unit': {
      const kind = str(o.kind) ?? 'one_stop';
      if (kind !== 'one_stop' && kind !== 'department') {
        throw new AdminError('--kind phải là one_stop hoặc department.');
      }
      const unit = await createUnit(db, {
        code: str(o.code)!,
        name: str(o.name)!,
        parentName: str(o['parent-name'])!,
        kind,
        parent: str(o.parent),
      });
      return `Đã tạo đơn vị ${unit.code} - ${unit.name}${unit.parentCode ? ` (thuộc ${unit.parentCode})` : ''}.`;
    }
    case 'enrol-code': {
      const issued = await issueEnrolmentCode(db, {
        unit: str(o.unit)!,
        workstation: integer(str(o.workstation), 'workstation'),
        replace: o.replace === true,
      });
      return [
        `Mã đăng ký cho máy số ${issued.workstation} của đơn vị ${issued.unitCode}:`,
        '',
        `    ${issued.code}`,
        '',
        `Dùng được một lần, hết hạn lúc ${officeTime(issued.expiresAt)} (giờ Việt Nam). Mã không được lưu lại: hãy chép ngay.`,
        ...(issued.note ? ['', issued.note] : []),
      ].join('\n');
    }
    case 'list-codes':
      return listing(await listEnrolmentCodes(db, str(o.unit)!), CODE_COLUMNS, {
        json: o.json === true,
        empty: `Chưa cấp mã đăng ký nào cho đơn vị ${str(o.unit)}. Cấp mã bằng lệnh enrol-code.`,
      });
    case 'cancel-codes': {
      const cancelled = await cancelEnrolmentCodes(db, {
        unit: str(o.unit)!,
        workstation: optionalInteger(str(o.workstation), 'workstation'),
        code: str(o.code),
        all: o.all === true,
      });
      if (cancelled.length === 0) {
        return `Không có mã nào cần hủy: đơn vị ${str(o.unit)} không còn mã chưa dùng nào như vậy (xem list-codes).`;
      }
      const numbers = [...new Set(cancelled.map((c) => c.workstation))].sort((a, b) => a - b);
      return (
        `Đã hủy ${cancelled.length} mã đăng ký chưa dùng (máy số ${numbers.join(', ')}) của đơn vị ${str(o.unit)}. ` +
        'Máy nào nhập các mã này sẽ được báo mã đã bị hủy.'
      );
    }
    case 'create-officer': {
      const password = await newPassword(o, io, 'Mật khẩu của cán bộ: ');
      const officer = await createOfficer(db, {
        unit: str(o.unit)!,
        username: str(o.username)!,
        name: str(o.name)!,
        role: str(o.role)!,
        password,
      });
      return `Đã tạo tài khoản ${officer.username} (${officer.fullName}, ${officer.role}) cho đơn vị ${officer.unitCode}.`;
    }
    case 'publish-calendar': {
      const year = integer(str(o.year), 'year');
      const result = await publishCalendar(db, { source: await io.readJson(str(o.file)!), year });
      return `Đã công bố lịch nghỉ chính thức năm ${result.year} (${result.holidays} dịp nghỉ, phiên bản ${result.version}).`;
    }
    case 'import-catalogue': {
      const result = await importCatalogue(db, { source: await io.readJson(str(o.file)!) });
      return `Đã nhập danh mục ${result.procedures} thủ tục (phiên bản ${result.version}).`;
    }
    case 'publish-settings': {
      const result = await publishSettings(db, {
        source: await io.readJson(str(o.file)!),
        unit: str(o.unit),
      });
      return `Đã công bố cấu hình ${result.key === 'default' ? 'chung' : `của đơn vị ${result.key}`} (phiên bản ${result.version}).`;
    }
    case 'list-units':
      return listing(await listUnits(db), UNIT_COLUMNS, {
        json: o.json === true,
        empty: 'Chưa có đơn vị nào. Tạo đơn vị bằng lệnh create-unit.',
      });
    case 'add-partner':
      return addPartner(db, { unit: str(o.unit)!, partner: str(o.partner)! });
    case 'remove-partner':
      return removePartner(db, { unit: str(o.unit)!, partner: str(o.partner)! });
    case 'list-partners':
      return listing(await listPartners(db, str(o.unit)!), TARGET_COLUMNS, {
        json: o.json === true,
        empty:
          `Đơn vị ${str(o.unit)} chưa có phòng chuyên môn nào để bàn giao hồ sơ: tạo phòng bằng ` +
          'create-unit --kind department, hoặc khai báo liên thông bằng add-partner.',
      });
    case 'list-conflicts': {
      await requireUnit(db, str(o.unit)!);
      const conflicts = await listUnitConflicts(db, str(o.unit)!, { all: o.all === true });
      const table = listing(conflicts, CONFLICT_COLUMNS, {
        json: o.json === true,
        empty:
          o.all === true
            ? `Đơn vị ${str(o.unit)} chưa có xung đột đồng bộ nào.`
            : `Đơn vị ${str(o.unit)} không có xung đột đồng bộ nào chờ lãnh đạo xử lý (xem cả xung đột đã xử lý: thêm --all).`,
      });
      return o.json === true || conflicts.length === 0
        ? table
        : `${table}\n\n${conflictTotals(conflicts)}`;
    }
    case 'list-devices':
      return listing(await listDevices(db, str(o.unit)!), DEVICE_COLUMNS, {
        json: o.json === true,
        empty: `Đơn vị ${str(o.unit)} chưa có máy nào đăng ký. Cấp mã đăng ký bằng lệnh enrol-code.`,
      });
    case 'revoke-device': {
      const device = await revokeDevice(db, {
        unit: str(o.unit),
        workstation: optionalInteger(str(o.workstation), 'workstation'),
        device: str(o.device),
      });
      return [
        `Đã thu hồi máy số ${device.workstation} ("${device.name}") của đơn vị ${device.unitCode}.`,
        'Mã xác thực của máy hết hiệu lực ngay; hồ sơ máy đã gửi lên vẫn được giữ.',
        `Để đăng ký máy mới cho số này: npm run server:admin -- enrol-code --unit ${device.unitCode} --workstation ${device.workstation}`,
      ].join('\n');
    }
    case 'set-officer': {
      const active = activeOption(o);
      const password =
        o['reset-password'] === true || o['password-stdin'] === true
          ? await newPassword(o, io, 'Mật khẩu mới của cán bộ: ')
          : undefined;
      const { officer, changes, lastAdminGone } = await updateOfficer(db, {
        unit: str(o.unit)!,
        username: str(o.username)!,
        active,
        role: str(o.role),
        name: str(o.name),
        password,
      });
      const who = `tài khoản ${officer.username} (${officer.fullName}) của đơn vị ${officer.unitCode}`;
      if (changes.length === 0) return `Không có gì thay đổi: ${who} đã đúng như yêu cầu.`;
      return [
        `Đã cập nhật ${who}: ${changes.join(', ')} (phiên bản ${officer.version}).`,
        'Các máy của đơn vị nhận thay đổi ở lần đồng bộ tới.',
        ...(lastAdminGone
          ? [
              `Lưu ý: đơn vị ${officer.unitCode} không còn tài khoản admin nào đang hoạt động trên máy chủ. ` +
                'Hãy mở lại hoặc chỉ định một tài khoản admin (set-officer --activate hoặc --role admin).',
            ]
          : []),
      ].join('\n');
    }
    case 'list-officers':
      return listing(await listOfficers(db, str(o.unit)!), OFFICER_COLUMNS, {
        json: o.json === true,
        empty: `Đơn vị ${str(o.unit)} chưa có tài khoản cán bộ nào. Tạo bằng lệnh create-officer.`,
      });
  }
}
