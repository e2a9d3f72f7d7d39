/**
 * The settings screen's areas (Cài đặt): the office and its settings, officers, workstations, the
 * holiday calendar (lịch nghỉ) and the procedure catalogue import.
 */
import { describeRejection } from '../../../shared/catalogue';
import { createOfficer, listOfficers, updateOfficer } from '../../auth/officers';
import {
  getCalendarYear,
  importHolidayFile,
  listCalendarYears,
  setCalendarYear,
} from '../../calendar';
import {
  applyCalendarChange,
  CALENDAR_CHANGE_SOURCES,
  calendarChangeNotice,
  dismissCalendarChangeNotice,
  type CalendarChange,
} from '../../calendarReview';
import { importCatalogue } from '../../catalogue';
import { countCalendarFlags } from '../../dossiers';
import { getOffice, readSettings, setOffice, updateSettings } from '../../settings';
import { listWorkstations, saveLocalWorkstation } from '../setup';
import type { CoreEnv, HandlersOf } from './types';

function apiChange(c: CalendarChange) {
  return { ...c, sourceLabel: CALENDAR_CHANGE_SOURCES[c.source] };
}

export function adminHandlers(
  env: CoreEnv,
): HandlersOf<
  'settings.' | 'office.' | 'officers.' | 'workstations.' | 'calendar.' | 'catalogue.'
> {
  return {
    'settings.get': () => readSettings(env.db),
    // The counting settings count due times: a change of them is a calendar change (logged, and
    // the open dossiers' appointments checked again in the same transaction).
    'settings.update': (input, ctx) =>
      applyCalendarChange(
        env.db,
        { source: 'office_settings', officerId: ctx.officer!.id, now: ctx.now },
        () => updateSettings(env.db, input, { now: ctx.now }),
      ).result,
    'office.get': () => getOffice(env.db),
    'office.update': (input, ctx) => setOffice(env.db, input, { now: ctx.now }),

    'officers.list': () => listOfficers(env.db),
    'officers.names': () =>
      listOfficers(env.db).map((o) => ({
        id: o.id,
        fullName: o.fullName,
        role: o.role,
        active: o.active,
      })),
    'officers.create': (input, ctx) => createOfficer(env.db, input, ctx.now, env.passwordCost),
    'officers.update': (input, ctx) => {
      const { id, ...patch } = input;
      return updateOfficer(env.db, id, patch, ctx.officer!.id, ctx.now, env.passwordCost);
    },
    'workstations.list': () => listWorkstations(env.db),
    'workstations.updateLocal': (input, ctx) => {
      const db = env.db;
      return db.transaction(() => saveLocalWorkstation(db, input, ctx.now)).immediate();
    },

    'calendar.years': () => listCalendarYears(env.db),
    'calendar.getYear': (input) => getCalendarYear(env.db, input.year),
    'calendar.setYear': (input, ctx) => {
      const { year, ...rest } = input;
      const { result, change } = applyCalendarChange(
        env.db,
        { source: 'settings', officerId: ctx.officer!.id, now: ctx.now },
        () => setCalendarYear(env.db, year, rest, { now: ctx.now }),
      );
      return { ...result, change: change && apiChange(change) };
    },
    'calendar.importFile': (input, ctx) => {
      const { result, change } = applyCalendarChange(
        env.db,
        { source: 'import', officerId: ctx.officer!.id, now: ctx.now },
        () => importHolidayFile(env.db, input.json, { now: ctx.now }),
      );
      env.log.info('holiday file imported', {
        years: result.years.map((y) => y.year),
        flagged: change?.flagged ?? 0,
      });
      return { ...result, change: change && apiChange(change) };
    },
    'calendar.changeNotice': () => {
      const notice = calendarChangeNotice(env.db);
      return notice && { ...apiChange(notice), open: countCalendarFlags(env.db) };
    },
    'calendar.dismissChangeNotice': (input, ctx) => {
      dismissCalendarChangeNotice(env.db, input.id, ctx.officer!.id, ctx.now);
      return { ok: true as const };
    },
    'catalogue.import': (input, ctx) => {
      const report = importCatalogue(env.db, input.json, { now: ctx.now });
      env.log.info('catalogue imported', {
        imported: report.imported,
        updated: report.updated,
        rejected: report.rejected.length,
      });
      return {
        ...report,
        rejected: report.rejected.map((r) => ({ ...r, lines: describeRejection(r) })),
      };
    },
  };
}
