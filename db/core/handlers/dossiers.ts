/**
 * The dossiers (hồ sơ): reception, the actions on a dossier, the board's lists and one dossier in
 * full. Each action is db/dossiers' intent behind the rules of shared/dossier it needs first.
 */
import { LIST_TOTAL_CAP } from '../../../shared/api/contract';
import { apiError } from '../../../shared/api/errors';
import { checkCounterSubject } from '../../../shared/dossier/counterSubject';
import {
  checkDueAtOverride,
  checkNewDueAt,
  checkReturnedAt,
  previewDueAt,
} from '../../../shared/dossier/timeChecks';
import { canApply } from '../../../shared/dossier/transitions';
import { calendarReviewDetail, listCalendarReviews } from '../../calendarReview';
import {
  countDossiers,
  issueApology,
  keepAppointment,
  listDossiers,
  listSyncConflicts,
  recordAccepted,
  recordHandover,
  recordResultReady,
  recordReturn,
  recordSupplementReceived,
  receiveDossier,
  refuse,
  requestSupplement,
  resolveSyncConflict,
  recordAction,
  type SimpleActionInput,
} from '../../dossiers';
import { workCalendar } from '../../dossiers/env';
import { chooseCase, requireProcedure } from '../../dossiers/receive';
import { listHandoverTargets } from '../../dossiers/routing';
import { toApiErrorFromDb } from '../errors';
import { listTotal } from '../listTotal';
import { dossierCtx, requireDetail } from './common';
import type { Ctx, CoreEnv, Handlers, HandlersOf } from './types';
import { SIMPLE_ACTIONS, type SimpleActionMethod } from '../../../shared/dossier/actions';

/** The case of the procedure asked for; an unknown one is the caseLabel field's error. */
function chooseCaseOrField(
  proc: ReturnType<typeof requireProcedure>,
  label: string | undefined,
  said: (err: unknown) => string = (err) => (err as Error).message,
) {
  try {
    return chooseCase(proc, label);
  } catch (err) {
    const message = said(err);
    throw apiError('validation', message, { fields: { caseLabel: message } });
  }
}

/**
 * The simple actions (shared/dossier/actions.ts: withdraw, stop, the financial obligation…): the
 * input parsed by the contract from their fields, recorded by their rows' intent.
 */
function simpleActionHandlers(env: CoreEnv): Pick<Handlers, SimpleActionMethod> {
  return Object.fromEntries(
    SIMPLE_ACTIONS.map((row) => [
      row.method,
      (input: SimpleActionInput, ctx: Ctx) =>
        recordAction(env.db, dossierCtx(env, ctx), row, input),
    ]),
  ) as Pick<Handlers, SimpleActionMethod>;
}

export function dossierHandlers(env: CoreEnv): HandlersOf<'dossiers.'> {
  const at = (ctx: Parameters<typeof dossierCtx>[1]) => dossierCtx(env, ctx);
  return {
    'dossiers.previewDueAt': (input, ctx) => {
      const proc = requireProcedure(env.db, input.procedureId);
      const kase = chooseCaseOrField(
        proc,
        input.caseLabel,
        (err) => toApiErrorFromDb(err).error.message,
      );
      return previewDueAt(proc.name, kase, input.receivedAt ?? ctx.local, workCalendar(env.db));
    },
    'dossiers.receive': (input, ctx) => {
      const proc = requireProcedure(env.db, input.procedureId);
      const kase = chooseCaseOrField(proc, input.caseLabel);
      checkDueAtOverride(input.dueAtOverride, proc.name, kase, ctx.local);
      return receiveDossier(env.db, at(ctx), input);
    },
    'dossiers.requestSupplement': (input, ctx) => {
      checkCounterSubject(input);
      return requestSupplement(env.db, at(ctx), input);
    },
    'dossiers.refuse': (input, ctx) => {
      checkCounterSubject(input);
      return refuse(env.db, at(ctx), input);
    },
    'dossiers.handover': (input, ctx) => recordHandover(env.db, at(ctx), input),
    'dossiers.handoverTargets': () => listHandoverTargets(env.db),
    'dossiers.accept': (input, ctx) => recordAccepted(env.db, at(ctx), input),
    'dossiers.supplementReceived': (input, ctx) => recordSupplementReceived(env.db, at(ctx), input),
    'dossiers.resultReady': (input, ctx) => recordResultReady(env.db, at(ctx), input),
    'dossiers.return': (input, ctx) => {
      const { returnedAt, ...rest } = input;
      if (returnedAt === undefined) return recordReturn(env.db, at(ctx), rest);
      const detail = requireDetail(env, input.dossierId, ctx.local);
      // A state that does not allow the return: the lifecycle's message says why.
      if (!canApply(detail.state, 'returned')) return recordReturn(env.db, at(ctx), rest);
      checkReturnedAt(returnedAt, detail, ctx.local);
      return recordReturn(env.db, { ...at(ctx), now: returnedAt }, rest);
    },
    // withdraw, stop, the financial obligation and its payment: their rows' intent
    ...simpleActionHandlers(env),
    'dossiers.apology': (input, ctx) => {
      checkNewDueAt(
        input.newDueAt,
        requireDetail(env, input.dossierId, ctx.local).dueAt,
        ctx.local,
      );
      return issueApology(env.db, at(ctx), input);
    },
    'dossiers.calendarReviews': () => listCalendarReviews(env.db),
    'dossiers.keepAppointment': (input, ctx) => keepAppointment(env.db, at(ctx), input),
    'dossiers.syncConflicts': (input, ctx) =>
      listSyncConflicts(env.db, {
        status: input?.status ?? 'open',
        limit: input?.limit ?? 500,
        viewerId: ctx.officer!.id,
      }),
    'dossiers.resolveConflict': (input, ctx) => {
      if (input.decision === 'apology' && input.newDueAt !== undefined) {
        const detail = requireDetail(env, input.dossierId, ctx.local);
        checkNewDueAt(input.newDueAt, detail.dueAt, ctx.local);
      }
      const done = resolveSyncConflict(env.db, at(ctx), input);
      env.log.info('sync conflict resolved', {
        dossierId: done.dossier.id,
        eventId: input.eventId,
        decision: input.decision,
      });
      return done;
    },

    'dossiers.list': (input, ctx) => {
      const page = listDossiers(env.db, { ...input, now: ctx.local });
      const total =
        input.page.after === undefined
          ? listTotal(
              env.db,
              input.filter,
              { itemCount: page.items.length, hasMore: page.nextCursor !== null },
              ctx.local,
              LIST_TOTAL_CAP,
            )
          : { total: null, totalIsLowerBound: false };
      return { ...page, ...total };
    },
    'dossiers.counts': (_input, ctx) => countDossiers(env.db, { now: ctx.local }),
    'dossiers.get': (input, ctx) => {
      const detail = requireDetail(env, input.id, ctx.local, ctx.officer!.id);
      return { ...detail, calendarReview: calendarReviewDetail(env.db, detail.id) };
    },
  };
}
