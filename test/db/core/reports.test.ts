/**
 * The resolution report through the core (reports.resolution, reports.exportResolution): dossiers
 * received in February and March 2026 and handled as an office would; the report of a month, of
 * a month not over yet and of an earlier month (what the dossiers were then, not now); the
 * spreadsheet saved under the data directory and read back; the period checked at the boundary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api/contract';
import { emptyCounts, PERIOD_ORDER_MESSAGE, TOTAL_ROW } from '../../../shared/reports/resolution';
import { failure, makeCore, receiveInput, SETUP, type TestCore } from './helpers';

const local = (at: string) => new Date(`${at}:00+07:00`);
let t: TestCore;
let procedureId: string;

async function at(time: string) {
  t.clock.set(local(time));
  if ((await t.core.call('auth.me'))?.locked)
    await t.core.call('auth.unlock', { password: SETUP.admin.password });
}

async function receive(time: string, name: string, channel: 'in_person' | 'online' = 'in_person') {
  await at(time);
  const base = receiveInput(procedureId);
  const { dossier } = await t.core.call('dossiers.receive', {
    ...base,
    applicant: { ...base.applicant, name },
    channel,
  });
  return dossier;
}

async function resultAt(time: string, id: string) {
  await at(time);
  await t.core.call('dossiers.handover', { dossierId: id, toUnit: 'Phòng Văn hóa - Xã hội' });
  await t.core.call('dossiers.resultReady', { dossierId: id });
}

beforeEach(async () => {
  t = makeCore();
  t.clock.set(local('2026-02-26T08:00'));
  await t.core.call('setup.initialize', SETUP);
  procedureId = (await t.core.call('procedures.search', { query: 'mai tang' }))[0]!.id;

  // February: A stays open into March (its result comes late), B is resolved in February
  const a = await receive('2026-02-26T09:00', 'Người nộp A');
  const b = await receive('2026-02-26T09:05', 'Người nộp B');
  await resultAt('2026-02-27T10:00', b.id);
  await resultAt('2026-03-09T10:00', a.id); // A was due early in March
  // March
  const c = await receive('2026-03-10T09:00', 'Người nộp C');
  const d = await receive('2026-03-10T09:10', 'Người nộp D', 'online');
  const e = await receive('2026-03-10T09:20', 'Người nộp E');
  await receive('2026-03-10T09:30', 'Người nộp F');
  await resultAt('2026-03-11T10:00', c.id);
  await t.core.call('dossiers.requestSupplement', {
    dossierId: e.id,
    missing: [{ name: 'Bản sao giấy chứng tử' }],
    reason: 'Bản sao giấy chứng tử bị mờ',
  });
  await at('2026-03-12T09:00');
  await t.core.call('dossiers.withdraw', { dossierId: d.id, reason: 'Người nộp xin rút' });
  const g = await receive('2026-03-13T08:00', 'Người nộp G');
  await resultAt(g.dueAt!, g.id); // at the appointment itself: on time
});
afterEach(async () => t.cleanup());

type Report = ApiOutput<'reports.resolution'>;
const FIELD = 'Bảo trợ xã hội';
const row = (r: Report) => r.rows.find((x) => x.field === FIELD)!.counts;
const counts = (over: Partial<ReturnType<typeof emptyCounts>>) => ({ ...emptyCounts(), ...over });

describe('reports.resolution', () => {
  it('March, asked in April: each dossier once as received and once by its outcome', async () => {
    await at('2026-04-02T08:00');
    const r = await t.core.call('reports.resolution', { from: '2026-03-01', to: '2026-03-31' });
    expect(r.rows.map((x) => x.field)).toEqual([FIELD]);
    expect(row(r)).toEqual(
      counts({
        receivedInPerson: 4, // C, E, F, G
        receivedOnline: 1, // D
        carriedOver: 1, // A
        resolvedEarly: 1, // C: result the day after, due two days later
        resolvedOnTime: 1, // G: at its appointment
        resolvedLate: 1, // A
        pausedWithin: 1, // E: waiting for the supplement, paused before its due time
        inProgressOverdue: 1, // F: due 13 March, no result by the 31st
        withdrawn: 1, // D
      }),
    );
    expect(r.total).toEqual(row(r));
    expect(r.asOf).toBe('2026-03-31T23:59');
    expect(r.conflicts).toMatchObject({ total: 0, open: 0 });
  });

  it('a month not over yet: the figures of the moment, nothing recorded later', async () => {
    // asked on 12 March at 10:00: F (due 13 March) is still within time, G not received yet
    await at('2026-03-12T10:00');
    const r = await t.core.call('reports.resolution', { from: '2026-03-01', to: '2026-03-31' });
    expect(r.asOf).toBe('2026-03-12T10:00');
    expect(row(r)).toEqual(
      counts({
        receivedInPerson: 3, // C, E, F
        receivedOnline: 1, // D
        carriedOver: 1, // A
        resolvedEarly: 1, // C
        resolvedLate: 1, // A
        pausedWithin: 1, // E
        inProgressWithin: 1, // F
        withdrawn: 1, // D
      }),
    );
  });

  it('February, asked in April: A as it was at the end of February (open), B resolved', async () => {
    await at('2026-04-02T08:00');
    const r = await t.core.call('reports.resolution', { from: '2026-02-01', to: '2026-02-28' });
    expect(row(r)).toEqual(counts({ receivedInPerson: 2, resolvedEarly: 1, inProgressWithin: 1 }));
  });

  it('refuses a period that ends before it begins, or is longer than a year, naming the field', async () => {
    const backwards = await failure(
      t.core.call('reports.resolution', { from: '2026-03-31', to: '2026-03-01' }),
    );
    expect(backwards.code).toBe('validation');
    expect(backwards.fields?.to).toBe(PERIOD_ORDER_MESSAGE);
    const long = await failure(
      t.core.call('reports.resolution', { from: '2025-01-01', to: '2026-03-01' }),
    );
    expect(long.fields?.to).toMatch(/Kỳ báo cáo dài nhất 366 ngày/);
    const notADate = await failure(
      t.core.call('reports.resolution', { from: '2026-02-30', to: '2026-03-01' }),
    );
    expect(notADate.fields?.from).toMatch(/ngày có thật/);
  });
});

describe('reports.exportResolution', () => {
  it('saves the spreadsheet under reports/ and gives the same bytes; it reads back as the table', async () => {
    await at('2026-04-02T08:00');
    const out = await t.core.call('reports.exportResolution', {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(out.path).toBe(`reports/2026/${out.fileName}`);
    const bytes = readFileSync(join(t.dir, out.path));
    expect(Buffer.from(out.base64, 'base64').equals(bytes)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const text = rows.map((r) => r.join('|')).join('\n');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(text).toContain(SETUP.office.unitName);
    // STT, field, then per group its total and its columns, then the on-time rate
    const field = rows.find((r) => r[1] === FIELD)!;
    expect(field.slice(0, 2)).toEqual([1, FIELD]);
    expect(field.slice(2, 7)).toEqual([6, 1, 4, 0, 1]); // received: total, online, in person, post, carried over
    expect(field.slice(7, 11)).toEqual([3, 1, 1, 1]); // resolved: total, early, on time, late
    expect(field.slice(11, 14)).toEqual([1, 0, 1]); // in progress
    expect(field.slice(14, 17)).toEqual([1, 1, 0]); // paused
    expect(field.slice(17, 21)).toEqual([1, 0, 1, 0]); // ended: refused, withdrawn, stopped
    expect(field[21]).toBeCloseTo(2 / 3);
    const total = rows.find((r) => r[1] === TOTAL_ROW)!;
    expect(total.slice(2)).toEqual(field.slice(2));
    expect(text).toContain('Xung đột đồng bộ trong kỳ');
    expect(text).toContain('Số việc bị gác lại khi đồng bộ|0');

    // a second export of the same period does not overwrite the first
    const again = await t.core.call('reports.exportResolution', {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(again.path).not.toBe(out.path);
  });
});
