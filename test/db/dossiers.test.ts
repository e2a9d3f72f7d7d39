/**
 * Dossiers in the local store: receipt (code, numbering, due date), counter decisions, the whole
 * lifecycle, illegal transitions, immutability of events, the outbox. Real SQLite files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setCalendarYear } from '../../db/calendar';
import {
  countDossiers,
  DossierError,
  getDossier,
  invalidateCalendarCache,
  issueApology,
  listDossiers,
  markSynced,
  outbox,
  receiveDossier,
  recordAccepted,
  recordHandover,
  recordPrint,
  recordResultReady,
  recordReturn,
  recordSupplementReceived,
  refuse,
  requestSupplement,
  stop,
  withdraw,
  type DossierContext,
} from './fixtures/intents';
import type { Db } from '../../db/open';
import { ApiCallError, toApiError, type ApiError } from '../../shared/api/errors';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { burialInput, setUpOffice, UNIT_CODE } from './fixtures/dossierFixtures';

const temps: TempDb[] = [];
afterEach(() => {
  while (temps.length) temps.pop()?.cleanup();
});

function office(workstationNumber = 1): {
  db: Db;
  ctx: DossierContext;
  at: (now: string) => DossierContext;
} {
  const t = openTempDb('dossiers');
  temps.push(t);
  const { ctx } = setUpOffice(t.db, workstationNumber);
  return { db: t.db, ctx, at: (now) => ({ ...ctx, now }) };
}

/** Everything a failed intent must leave untouched. */
function snapshot(db: Db): string {
  const tables = [
    'dossiers',
    'dossier_events',
    'dossier_components',
    'workstation_sequences',
    'prints',
  ];
  const procedures = db
    .prepare('SELECT id, use_count, last_used_at FROM procedures ORDER BY id')
    .all();
  return JSON.stringify([
    ...tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
    procedures,
  ]);
}

/** What `fn` threw (undefined: it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

function expectDossierError(
  fn: () => unknown,
  code: DossierError['code'],
  ...parts: (string | RegExp)[]
): DossierError {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(DossierError);
  expect((err as DossierError).code).toBe(code);
  for (const p of parts) expect((err as DossierError).message).toMatch(p);
  return err as DossierError;
}

/** A refusal of the input by the API contract's schema (fixtures/intents.ts parses it first). */
function expectContractRefusal(fn: () => unknown, ...parts: (string | RegExp)[]): ApiError {
  const caught = thrown(fn);
  expect(caught).toBeInstanceOf(ApiCallError);
  const err = toApiError(caught);
  expect(err.code).toBe('validation');
  for (const p of parts) expect(err.message).toMatch(p);
  return err;
}

describe('receiveDossier: code and numbering', () => {
  it('gives <unit>-<YYMMDD>-<w><NNN> codes, per workstation per day, and tracking-book entries per year', () => {
    const { db, at } = office(3);
    const a = receiveDossier(db, at('2025-11-20T08:37'), burialInput()).dossier;
    const b = receiveDossier(db, at('2025-11-20T09:10'), burialInput()).dossier;
    const c = receiveDossier(db, at('2025-11-21T07:45'), burialInput()).dossier;
    expect(a.code).toBe(`${UNIT_CODE}-251120-3001`);
    expect(b.code).toBe(`${UNIT_CODE}-251120-3002`);
    expect(c.code).toBe(`${UNIT_CODE}-251121-3001`); // reset daily
    expect([a.bookNo, a.entryNo, b.entryNo, c.entryNo]).toEqual([2025, 1, 2, 3]); // running per year
    const nextYear = receiveDossier(db, at('2026-01-05T08:00'), burialInput()).dossier;
    expect([nextYear.code, nextYear.bookNo, nextYear.entryNo]).toEqual([
      `${UNIT_CODE}-260105-3001`,
      2026,
      1,
    ]);
    expect(a.workstationNumber).toBe(3);
    expect(a.state).toBe('received');
    // the components and the event were stored with the row
    const stored = getDossier(db, a.code!)!;
    expect(stored.components.map((x) => [x.position, x.name, x.originals, x.copies])).toEqual([
      [1, 'Tờ khai đề nghị hỗ trợ chi phí mai táng', 1, 0],
      [2, 'Bản sao giấy chứng tử', 0, 1],
    ]);
    expect(stored.timeline.map((e) => e.type)).toEqual(['received']);
    // the procedure's use was recorded in the same transaction
    const use = db
      .prepare("SELECT use_count, last_used_at FROM procedures WHERE id = '2.000744'")
      .get();
    expect(use).toEqual({ use_count: 4, last_used_at: '2026-01-05T08:00' });
  });

  it('workstation 0 (the only one) numbers 0001–9999', () => {
    const { db, at } = office(0);
    expect(receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier.code).toBe(
      `${UNIT_CODE}-251120-0001`,
    );
  });

  it('two workstations of one unit never mint the same code, offline', () => {
    const one = office(1);
    const two = office(2);
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const now = `2025-11-20T${String(8 + Math.floor(i / 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      codes.add(receiveDossier(one.db, one.at(now), burialInput()).dossier.code!);
      codes.add(receiveDossier(two.db, two.at(now), burialInput()).dossier.code!);
    }
    expect(codes.size).toBe(80);
    expect([...codes].filter((c) => c.endsWith('-1001') || c.endsWith('-2001')).sort()).toEqual([
      `${UNIT_CODE}-251120-1001`,
      `${UNIT_CODE}-251120-2001`,
    ]);
  });

  it('refuses the 1000th dossier of a day on a numbered workstation, and changes nothing', () => {
    const { db, ctx, at } = office(4);
    receiveDossier(db, at('2025-11-20T08:00'), burialInput());
    db.prepare(
      "UPDATE workstation_sequences SET last = 999 WHERE kind = 'dossier' AND workstation_id = ?",
    ).run(ctx.deviceId);
    const before = snapshot(db);
    expectDossierError(
      () => receiveDossier(db, at('2025-11-20T15:00'), burialInput()),
      'capacity',
      /Máy tiếp nhận số 4 đã dùng hết 999 số hồ sơ/,
      /máy tiếp nhận khác/,
    );
    expect(snapshot(db)).toBe(before);
    // the next day numbering starts again
    expect(receiveDossier(db, at('2025-11-21T08:00'), burialInput()).dossier.code).toBe(
      `${UNIT_CODE}-251121-4001`,
    );
  });

  it('skips a number whose code already exists (restored backup, sync) instead of reusing it', () => {
    const { db, ctx, at } = office(1);
    receiveDossier(db, at('2025-11-20T08:00'), burialInput());
    receiveDossier(db, at('2025-11-20T08:05'), burialInput());
    db.prepare(
      "UPDATE workstation_sequences SET last = 0 WHERE kind = 'dossier' AND workstation_id = ?",
    ).run(ctx.deviceId);
    expect(receiveDossier(db, at('2025-11-20T09:00'), burialInput()).dossier.code).toBe(
      `${UNIT_CODE}-251120-1003`,
    );
  });

  it('says in Vietnamese what to set up when the workstation or officer is missing', () => {
    const { db, ctx, at } = office(1);
    db.prepare('UPDATE workstations SET is_local = 0').run();
    expectDossierError(
      () => receiveDossier(db, at('2025-11-20T08:00'), burialInput()),
      'not_set_up',
      /chưa được đăng ký làm máy tiếp nhận/,
    );
    db.prepare('UPDATE workstations SET is_local = 1').run();
    expectDossierError(
      () =>
        receiveDossier(db, { ...ctx, officerId: 'nobody', now: '2025-11-20T08:00' }, burialInput()),
      'not_set_up',
      /đăng nhập lại/,
    );
    expectDossierError(
      () =>
        receiveDossier(
          db,
          { ...ctx, deviceId: 'other-machine', now: '2025-11-20T08:00' },
          burialInput(),
        ),
      'not_set_up',
      /không phải máy tiếp nhận đã đăng ký/,
    );
  });

  it('receives only input the API contract accepts, with Vietnamese messages naming the field', () => {
    const { db, at } = office(1);
    const err = expectContractRefusal(
      () =>
        receiveDossier(
          db,
          at('2025-11-20T08:00'),
          burialInput({
            applicant: { kind: 'citizen', name: '  ' },
            sets: 0,
          }),
        ),
      /Người nộp hồ sơ › Họ tên: Chưa nhập họ tên người nộp hồ sơ/,
      /Số bộ hồ sơ: Số bộ hồ sơ phải là số nguyên từ 1 trở lên/,
    );
    expect(Object.keys(err.fields ?? {}).length).toBe(2);
    expectContractRefusal(
      () =>
        receiveDossier(
          db,
          at('2025-11-20T08:00'),
          burialInput({
            applicant: {
              kind: 'citizen',
              name: 'Lê Văn An',
              idKind: 'cccd',
              idNumber: '123456789',
            },
          }),
        ),
      /CMND cũ/,
    );
    expectContractRefusal(
      () =>
        receiveDossier(
          db,
          at('2025-11-20T08:00'),
          burialInput({ resultDelivery: { method: 'post' } }),
        ),
      /bưu điện: hãy nhập địa chỉ/,
    );
    expectDossierError(
      () => receiveDossier(db, at('2025-11-20T08:00'), burialInput({ procedureId: '9.999999' })),
      'procedure',
      /Không tìm thấy thủ tục "9.999999"/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM dossier_events').get()).toEqual({ n: 0 });
  });
});

describe('receiveDossier: due date', () => {
  it('counts working days from the procedure, skipping the 30/4–1/5 holidays', () => {
    const { db, at } = office(1);
    // 2.000744: 3 working days. A real receipt keeps the clock time of receipt.
    expect(receiveDossier(db, at('2025-11-20T08:37'), burialInput()).dossier.dueAt).toBe(
      '2025-11-25T08:37',
    );
    const beforeHolidays = receiveDossier(db, at('2025-04-28T09:00'), burialInput()).dossier;
    expect(beforeHolidays.dueAt).toBe('2025-05-06T09:00');
    expect(beforeHolidays.baseDueAt).toBe('2025-05-06T09:00');
    expect(beforeHolidays.provisionalDueAt).toBe(false);
  });

  it('uses the case variant asked for, and refuses an unknown one', () => {
    const { db, at } = office(1);
    const military = receiveDossier(
      db,
      at('2025-11-20T08:00'),
      burialInput({ procedureId: 'NCC-HTDH', caseLabel: 'Hồ sơ do quân đội, công an quản lý' }),
    ).dossier;
    expect(military.caseLabel).toBe('Hồ sơ do quân đội, công an quản lý');
    expect(military.dueAt).toBe('2025-12-15T08:00'); // 24 calendar days, lands on a Monday
    const general = receiveDossier(
      db,
      at('2025-11-20T08:00'),
      burialInput({ procedureId: 'NCC-HTDH' }),
    ).dossier;
    expect(general.caseLabel).toBeNull();
    expect(general.dueAt).toBe('2025-12-11T08:00'); // 15 working days
    expectDossierError(
      () =>
        receiveDossier(
          db,
          at('2025-11-20T08:00'),
          burialInput({ procedureId: 'NCC-HTDH', caseLabel: 'Khác' }),
        ),
      'procedure',
      /không có trường hợp "Khác"/,
      /Hồ sơ do quân đội, công an quản lý/,
    );
  });

  it('requires the appointment by hand when the procedure has no fixed time', () => {
    const { db, at } = office(1);
    const before = snapshot(db);
    expectContractRefusal(
      () => receiveDossier(db, at('2025-11-20T08:00'), burialInput({ procedureId: '1.001776' })),
      /không quy định thời hạn giải quyết: hãy chọn ngày hẹn trả kết quả/,
    );
    expect(snapshot(db)).toBe(before);
    const d = receiveDossier(
      db,
      at('2025-11-20T08:00'),
      burialInput({ procedureId: '1.001776', dueAtOverride: '2025-12-30T16:00' }),
    ).dossier;
    expect([d.dueAt, d.baseDueAt]).toEqual(['2025-12-30T16:00', '2025-12-30T16:00']);
    expectContractRefusal(
      () =>
        receiveDossier(
          db,
          at('2025-11-20T08:00'),
          burialInput({ procedureId: '1.001776', dueAtOverride: '2025-11-19T08:00' }),
        ),
      /phải sau thời điểm tiếp nhận/,
    );
  });

  it('flags a due date counted through a provisional year', () => {
    const { db, at } = office(1);
    const d = receiveDossier(
      db,
      at('2026-12-21T08:00'),
      burialInput({ procedureId: 'B-BLD-BS161' }),
    ).dossier;
    expect(d.dueAt! > '2027-01-01').toBe(true);
    expect(d.provisionalDueAt).toBe(true);
    expect(getDossier(db, d.id)!.provisionalDueAt).toBe(true);
  });

  it('sees a calendar edit at the next receipt (cache rebuilt), and after invalidateCalendarCache', () => {
    const { db, at } = office(1);
    expect(receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier.dueAt).toBe(
      '2025-11-25T08:00',
    );
    setCalendarYear(db, 2025, {
      status: 'official',
      daysOff: [
        ...(db
          .prepare("SELECT date FROM calendar_days WHERE year = 2025 AND kind = 'day_off'")
          .pluck()
          .all() as string[]),
        '2025-11-21',
      ],
      workingDays: db
        .prepare("SELECT date FROM calendar_days WHERE year = 2025 AND kind = 'working_day'")
        .pluck()
        .all() as string[],
    });
    expect(receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier.dueAt).toBe(
      '2025-11-26T08:00',
    );
    invalidateCalendarCache(db);
    expect(receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier.dueAt).toBe(
      '2025-11-26T08:00',
    );
  });
});

describe('supplement requests', () => {
  it('at the counter: no code, a HDHS number; the applicant comes back and the same dossier is received', () => {
    const { db, at } = office(2);
    const req = requestSupplement(db, at('2025-11-20T08:00'), {
      procedureId: '2.000744',
      applicant: { kind: 'citizen', name: 'Lê Thị Hoa', phone: '0912345678' },
      missing: [{ name: 'Bản sao giấy chứng tử', copies: 1 }],
      reason: 'Thiếu giấy chứng tử',
    });
    expect(req.docNo).toBe('2-001/HDHS');
    expect(req.dossier).toMatchObject({
      code: null,
      state: 'supplement_requested',
      inProgress: false,
      applicantName: 'Lê Thị Hoa',
      procedureId: '2.000744',
      receivedAt: '2025-11-20T08:00',
      dueAt: null,
    });
    const second = requestSupplement(db, at('2025-11-20T10:00'), {
      procedureId: '2.000744',
      applicant: { kind: 'citizen', name: 'Phạm Văn Nam' },
      missing: [{ name: 'Tờ khai theo mẫu' }],
      reason: 'Thiếu tờ khai',
    });
    expect(second.docNo).toBe('2-002/HDHS');
    const received = receiveDossier(
      db,
      at('2025-11-24T09:00'),
      burialInput({ fromSupplementRequestId: req.dossier.id }),
    ).dossier;
    expect(received.id).toBe(req.dossier.id);
    expect(received.code).toBe(`${UNIT_CODE}-251124-2001`);
    expect(received.receivedAt).toBe('2025-11-24T09:00');
    expect(received.dueAt).toBe('2025-11-27T09:00');
    expect(getDossier(db, received.id)!.timeline.map((e) => e.type)).toEqual([
      'supplement_requested',
      'received',
    ]);
    // a received dossier cannot be "received again from a request"
    expectDossierError(
      () =>
        receiveDossier(
          db,
          at('2025-11-24T10:00'),
          burialInput({ fromSupplementRequestId: received.id }),
        ),
      'invalid_input',
      /không phải hồ sơ đang chờ bổ sung/,
    );
    // without a procedure and an applicant: refused by the core (core.test.ts, counter slips)
  });

  it('during processing: pauses the clock, and the due date moves later by the working time paused', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:37'), burialInput()).dossier; // due 25/11 08:37
    recordHandover(db, at('2025-11-20T10:00'), {
      dossierId: d.id,
      toUnit: 'Phòng Lao động - Thương binh và Xã hội',
    });
    const paused = requestSupplement(db, at('2025-11-21T09:00'), {
      dossierId: d.code!,
      missing: [{ name: 'Giấy xác nhận của công an xã', originals: 1 }],
      reason: 'Thiếu xác nhận',
    });
    expect(paused.docNo).toBe('1-001/HDHS');
    expect(paused.dossier).toMatchObject({
      state: 'waiting_supplement',
      pausedSince: '2025-11-21T09:00',
      deadline: 'paused',
    });
    expect(countDossiers(db, { now: '2025-11-26T12:00' })).toMatchObject({
      paused: 1,
      overdue: 0,
      inProgress: 1,
    });
    expect(
      listDossiers(db, { now: '2025-11-26T12:00', filter: { deadline: 'paused' } }).items.map(
        (x) => x.id,
      ),
    ).toEqual([d.id]);
    // back Wednesday 26/11 at 09:00: Fri 09:00–17:00 (450 − 30 = 420? no: 09:00–11:30 + 13:30–17:00 = 360),
    // Mon 450, Tue 450, Wed 07:30–09:00 = 90 → 1350 working minutes = 3 days
    const resumed = recordSupplementReceived(db, at('2025-11-26T09:00'), {
      dossierId: d.id,
    }).dossier;
    expect(resumed.state).toBe('handed_over');
    expect(resumed.pausedSince).toBeNull();
    expect(resumed.baseDueAt).toBe('2025-11-25T08:37');
    expect(resumed.dueAt).toBe('2025-11-28T08:37');
    const detail = getDossier(db, d.id)!;
    expect(detail.pauses).toEqual([
      {
        from: '2025-11-21T09:00',
        to: '2025-11-26T09:00',
        reason: 'Thiếu xác nhận',
        docNo: '1-001/HDHS',
        dueAtAfter: '2025-11-28T08:37', // the appointment given when the clock resumed
        workingMinutes: 1350,
      },
    ]);
    // a second pause adds up
    requestSupplement(db, at('2025-11-27T08:37'), {
      dossierId: d.id,
      missing: [{ name: 'Tờ khai theo mẫu' }],
      reason: 'Thiếu bản sao',
    });
    const again = recordSupplementReceived(db, at('2025-11-27T13:30'), { dossierId: d.id }).dossier;
    expect(again.dueAt).toBe('2025-11-28T11:30'); // + 08:37–11:30 = 173 min
  });
});

describe('refusal', () => {
  it('at the counter: a TCHS number and a refused dossier without code', () => {
    const { db, at } = office(1);
    const r = refuse(db, at('2025-11-20T08:00'), {
      procedureId: '2.000744',
      applicant: { kind: 'citizen', name: 'Võ Văn Tâm' },
      reason: 'Không thuộc thẩm quyền giải quyết',
    });
    expect(r.docNo).toBe('1-001/TCHS');
    expect(r.dossier).toMatchObject({
      code: null,
      state: 'refused',
      finishedAt: '2025-11-20T08:00',
      inProgress: false,
    });
    expect(getDossier(db, r.dossier.id)!.closure).toEqual({
      kind: 'refused',
      at: '2025-11-20T08:00',
      docNo: '1-001/TCHS',
      reason: 'Không thuộc thẩm quyền giải quyết',
      afterReceipt: false,
    });
  });

  it('after review of a received dossier; refused dossiers are not late and leave the board', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier;
    const r = refuse(db, at('2025-12-20T08:00'), {
      dossierId: d.id,
      reason: 'Hồ sơ không đủ điều kiện',
    });
    expect(r.dossier).toMatchObject({
      state: 'refused',
      inProgress: false,
      deadline: null,
      outcome: null,
    });
    expect(countDossiers(db, { now: '2025-12-20T09:00' })).toMatchObject({
      refused: 1,
      overdue: 0,
      inProgress: 0,
    });
  });
});

describe('the whole lifecycle', () => {
  it('moves through the board buckets until returned', () => {
    const { db, at } = office(1);
    const now = '2025-11-20T08:00';
    const d = receiveDossier(db, at(now), burialInput()).dossier; // due 2025-11-25T08:00
    const counts = (when: string) => countDossiers(db, { now: when });
    expect(counts('2025-11-20T08:00')).toMatchObject({ onTime: 1, inProgress: 1, open: 1 });
    expect(counts('2025-11-21T08:00')).toMatchObject({ dueSoon: 1, onTime: 0 }); // due by end of Tue (2 working days)
    expect(counts('2025-11-25T07:00')).toMatchObject({ dueToday: 1, dueSoon: 0 });
    expect(counts('2025-11-25T08:01')).toMatchObject({ overdue: 1, dueToday: 0 });
    recordHandover(db, at('2025-11-20T09:00'), {
      dossierId: d.id,
      toUnit: 'Phòng Lao động',
      toPerson: 'Chị Mai',
    });
    recordAccepted(db, at('2025-11-20T10:00'), {
      dossierId: d.id,
      unit: 'Phòng Lao động',
      person: 'Chị Mai',
    });
    expect(getDossier(db, d.id)!.state).toBe('in_processing');
    const ready = recordResultReady(db, at('2025-11-24T15:00'), {
      dossierId: d.id,
      fromUnit: 'Phòng Lao động',
    }).dossier;
    expect(ready).toMatchObject({
      state: 'result_ready',
      inProgress: false,
      resultAt: '2025-11-24T15:00',
      outcome: 'early',
    });
    expect(counts('2025-11-26T08:00')).toMatchObject({
      overdue: 0,
      resultReady: 1,
      inProgress: 0,
      open: 1,
    });
    const printed = recordPrint(db, at('2025-11-20T08:01'), {
      dossierId: d.id,
      form: 'receipt',
      file: '/tmp/r.pdf',
    });
    expect(printed.reprint).toBe(false);
    const reprinted = recordPrint(db, at('2025-11-26T08:00'), { dossierId: d.id, form: 'receipt' });
    expect(reprinted.reprint).toBe(true);
    const returned = recordReturn(db, at('2025-11-26T08:30'), {
      dossierId: d.id,
      method: 'counter',
      collectedBy: { name: 'Trần Văn Đức', idNumber: '056090001234', relation: 'Người nộp' },
    }).dossier;
    expect(returned).toMatchObject({
      state: 'returned',
      finishedAt: '2025-11-26T08:30',
      outcome: 'early',
    });
    expect(counts('2025-11-26T09:00')).toMatchObject({ returned: 1, resultReady: 0, open: 0 });
    const detail = getDossier(db, d.code!)!;
    expect(detail.handovers).toEqual([
      {
        at: '2025-11-20T09:00',
        toUnit: 'Phòng Lao động',
        toPerson: 'Chị Mai',
        note: null,
        acceptedAt: '2025-11-20T10:00',
        acceptedBy: 'Chị Mai',
        resultAt: '2025-11-24T15:00',
      },
    ]);
    expect(detail.prints.map((p) => [p.form, p.reprint, p.file])).toEqual([
      ['receipt', false, '/tmp/r.pdf'],
      ['receipt', true, null],
    ]);
    expect(detail.timeline.map((e) => [e.at, e.label])).toEqual([
      ['2025-11-20T08:00', `Tiếp nhận hồ sơ, cấp mã ${d.code}`],
      ['2025-11-20T08:01', 'In Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
      ['2025-11-20T09:00', 'Bàn giao hồ sơ cho Phòng Lao động (Chị Mai)'],
      ['2025-11-20T10:00', 'Phòng Lao động nhận hồ sơ để giải quyết (Chị Mai)'],
      ['2025-11-24T15:00', 'Nhận kết quả giải quyết từ Phòng Lao động'],
      ['2025-11-26T08:00', 'In lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
      ['2025-11-26T08:30', 'Trả kết quả tại quầy cho Trần Văn Đức'],
    ]);
    expect(
      detail.timeline.every(
        (e) => e.officerName === 'Nguyễn Thị Lan' && e.applied && e.origin === 'local',
      ),
    ).toBe(true);
    expect(getDossier(db, 'không-có')).toBeNull();
  });

  it('late results are late; an apology sets a new due time and takes the dossier out of overdue', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier; // due 25/11 08:00
    expect(countDossiers(db, { now: '2025-11-25T09:00' }).overdue).toBe(1);
    // a new due time not after the one in force is refused by the core (shared/dossier/timeChecks.ts,
    // checkNewDueAt; core.test.ts, dates in error messages)
    const apology = issueApology(db, at('2025-11-24T16:00'), {
      dossierId: d.id,
      reason: 'Chờ kết quả xác minh',
      newDueAt: '2025-12-02T16:00',
    });
    expect(apology.docNo).toBe('1-001/PXL');
    expect(apology.dossier).toMatchObject({
      dueAt: '2025-12-02T16:00',
      baseDueAt: '2025-11-25T08:00',
      apologyCount: 1,
    });
    expect(countDossiers(db, { now: '2025-11-25T09:00' })).toMatchObject({ overdue: 0, onTime: 1 });
    expect(countDossiers(db, { now: '2025-11-28T09:00' })).toMatchObject({
      overdue: 0,
      dueSoon: 1,
    });
    const late = recordResultReady(db, at('2025-12-03T08:00'), { dossierId: d.id }).dossier;
    expect(late.outcome).toBe('late');
  });

  it('withdrawal and stop end the dossier (an open pause ends with it)', () => {
    const { db, at } = office(1);
    const a = receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier;
    const b = receiveDossier(db, at('2025-11-20T08:10'), burialInput()).dossier;
    requestSupplement(db, at('2025-11-21T08:00'), {
      dossierId: b.id,
      missing: [{ name: 'Tờ khai theo mẫu' }],
      reason: 'Thiếu giấy',
    });
    expect(
      withdraw(db, at('2025-11-21T09:00'), { dossierId: a.id, reason: 'Người dân xin rút' })
        .dossier,
    ).toMatchObject({
      state: 'withdrawn',
      inProgress: false,
    });
    expect(
      stop(db, at('2025-12-21T09:00'), { dossierId: b.id, reason: 'Quá hạn bổ sung' }).dossier,
    ).toMatchObject({
      state: 'stopped',
      pausedSince: null,
      inProgress: false,
    });
    expect(countDossiers(db, { now: '2025-12-22T09:00' })).toMatchObject({
      withdrawn: 1,
      stopped: 1,
      paused: 0,
      open: 0,
    });
  });
});

describe('illegal transitions', () => {
  it('are refused with a Vietnamese message naming both states, and change nothing', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier;
    const before = snapshot(db);
    expectDossierError(
      () => recordReturn(db, at('2025-11-21T08:00'), { dossierId: d.id, method: 'post' }),
      'illegal_transition',
      /Không thể "Trả kết quả" cho hồ sơ 000\.00\.13\.H31-251120-1001/,
      /đang ở trạng thái "Đã tiếp nhận"/,
      /sang trạng thái "Đã trả kết quả"/,
      /"Đã có kết quả"/,
    );
    expectDossierError(
      () => recordAccepted(db, at('2025-11-21T08:00'), { dossierId: d.id, unit: 'Phòng' }),
      'illegal_transition',
      /"Đã tiếp nhận"/,
      /"Đang giải quyết"/,
    );
    expectDossierError(
      () => recordSupplementReceived(db, at('2025-11-21T08:00'), { dossierId: d.id }),
      'illegal_transition',
      /"Đã tiếp nhận"/,
      /"Chờ bổ sung"/,
    );
    expect(snapshot(db)).toBe(before);
    recordHandover(db, at('2025-11-21T08:00'), { dossierId: d.id, toUnit: 'Phòng' });
    recordResultReady(db, at('2025-11-21T08:30'), { dossierId: d.id });
    const ready = snapshot(db);
    const paused = expectDossierError(
      () =>
        requestSupplement(db, at('2025-11-21T09:00'), {
          dossierId: d.id,
          missing: [{ name: 'Tờ khai theo mẫu' }],
          reason: 'Thiếu',
        }),
      'illegal_transition',
      /đang ở trạng thái "Đã có kết quả"/,
      /sang trạng thái "Chờ bổ sung"/,
    );
    expect(paused.message).not.toMatch(/chưa có hồ sơ/);
    expect(snapshot(db)).toBe(ready); // the HDHS number was not consumed either
    withdraw(db, at('2025-11-21T10:00'), { dossierId: d.id, reason: 'Rút' });
    const afterWithdraw = snapshot(db);
    // the PXL number reserved for the apology is released with the rolled-back transaction
    expectDossierError(
      () =>
        issueApology(db, at('2025-11-21T11:00'), {
          dossierId: d.id,
          reason: 'Trễ',
          newDueAt: '2025-12-30T08:00',
        }),
      'illegal_transition',
      /"Đã rút hồ sơ"/,
    );
    expect(snapshot(db)).toBe(afterWithdraw);
    expectDossierError(
      () =>
        recordHandover(db, at('2025-11-21T09:00'), { dossierId: 'không-có-mã', toUnit: 'Phòng' }),
      'not_found',
      /Không tìm thấy hồ sơ "không-có-mã"/,
    );
  });

  it('refuses an event dated before later events it would contradict', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:00'), burialInput()).dossier;
    recordHandover(db, at('2025-11-20T10:00'), { dossierId: d.id, toUnit: 'Phòng' });
    recordAccepted(db, at('2025-11-20T11:00'), { dossierId: d.id, unit: 'Phòng' });
    const before = snapshot(db);
    // a result at 09:00 would make the 10:00 hand-over and the 11:00 acceptance impossible
    expectDossierError(
      () => recordResultReady(db, at('2025-11-20T09:00'), { dossierId: d.id }),
      'illegal_transition',
      /Thời điểm 09:00 20\/11\/2025 sớm hơn những việc đã ghi nhận sau đó .*\(việc cuối lúc 11:00 20\/11\/2025\)/,
    );
    expect(snapshot(db)).toBe(before);
    // a back-dated event that fits is fine
    expect(
      recordPrint(db, at('2025-11-20T08:05'), { dossierId: d.id, form: 'receipt' }).dossier.state,
    ).toBe('in_processing');
  });
});

describe('events are immutable; the outbox', () => {
  it('refuses UPDATE and DELETE of events by trigger, allows only synced_at', () => {
    const { db, at } = office(1);
    const { eventId } = receiveDossier(db, at('2025-11-20T08:00'), burialInput());
    expect(() =>
      db.prepare("UPDATE dossier_events SET payload = '{}' WHERE id = ?").run(eventId),
    ).toThrow(/bất biến: không được sửa/);
    expect(() =>
      db.prepare("UPDATE dossier_events SET at = '2025-01-01T00:00' WHERE id = ?").run(eventId),
    ).toThrow(/bất biến/);
    expect(() => db.prepare('DELETE FROM dossier_events WHERE id = ?').run(eventId)).toThrow(
      /bất biến: không được xóa/,
    );
    expect(() => db.prepare('DELETE FROM dossier_events').run()).toThrow(/bất biến/);
    expect(
      db
        .prepare('UPDATE dossier_events SET synced_at = ? WHERE id = ?')
        .run('2025-11-20T01:00:00Z', eventId).changes,
    ).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM dossier_events').get()).toEqual({ n: 1 });
  });

  it('lists local events not yet acknowledged, oldest first, until marked synced', () => {
    const { db, at } = office(1);
    const d = receiveDossier(db, at('2025-11-20T08:00'), burialInput());
    const h = recordHandover(db, at('2025-11-20T09:00'), {
      dossierId: d.dossier.id,
      toUnit: 'Phòng',
    });
    const pending = outbox(db, 10);
    expect(pending.map((e) => e.id)).toEqual([d.eventId, h.eventId]);
    expect(pending[0]).toMatchObject({
      type: 'received',
      dossierId: d.dossier.id,
      unitCode: UNIT_CODE,
    });
    expect(outbox(db, 1).map((e) => e.id)).toEqual([d.eventId]);
    expect(markSynced(db, [d.eventId, 'unknown'])).toBe(1);
    expect(markSynced(db, [d.eventId])).toBe(0);
    expect(outbox(db, 10).map((e) => e.id)).toEqual([h.eventId]);
    expect(getDossier(db, d.dossier.id)!.timeline.map((e) => e.synced)).toEqual([true, false]);
  });
});
