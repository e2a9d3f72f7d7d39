/**
 * The table of dossier actions (shared/dossier/actions.ts) and what is derived from it: every
 * event has one row, every row's method is in the API contract with the row's access, the
 * event-writing methods, the renderer's actions, the timeline labels, the back office's events
 * and the messages of the simple actions all come from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOSSIER_ACTIONS,
  SIMPLE_ACTIONS,
  actionOfEvent,
  fieldMissing,
  reasonMissing,
} from '../../../shared/dossier/actions';
import { DOSSIER_EVENT_TYPES, eventPayloadSchemas } from '../../../shared/dossier/events';
import { DOSSIER_EVENT_DONE, DOSSIER_EVENT_LABELS } from '../../../shared/dossier/states';
import { API, isApiMethod } from '../../../shared/api/contract';
import { EVENT_WRITING_METHODS } from '../../../shared/api/eventWriting';
import { RERECORDABLE_TYPES } from '../../../shared/dossier/conflicts';
import { ACTIONS } from '../../../renderer/screens/dossier/actions';
import { timelineLabel } from '../../../db/dossiers/queries';
import { BACKOFFICE_EVENT_TYPES } from '../../../server/routes/backoffice';
import { ev } from './eventFactory';

const ROOT = join(__dirname, '../../..');

describe('the table of dossier actions', () => {
  it('has exactly one row for every event type', () => {
    expect(DOSSIER_ACTIONS.map((a) => a.event).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
  });

  it('names each row by a method of the contract, with the row access and summary', () => {
    for (const row of DOSSIER_ACTIONS) {
      expect(isApiMethod(row.method), row.method).toBe(true);
      const spec = API[row.method];
      expect(spec.access, row.method).toBe(row.access);
      expect(spec.summary, row.method).toBe(row.summary);
    }
    expect(new Set(DOSSIER_ACTIONS.map((a) => a.method)).size).toBe(DOSSIER_ACTIONS.length);
  });

  it('gives the event-writing methods: every action method, the same set as before plus the financial obligation', () => {
    expect([...EVENT_WRITING_METHODS].sort()).toEqual(
      [
        'dossiers.receive',
        'dossiers.requestSupplement',
        'dossiers.refuse',
        'dossiers.handover',
        'dossiers.accept',
        'dossiers.supplementReceived',
        'dossiers.requestObligation',
        'dossiers.obligationFulfilled',
        'dossiers.resultReady',
        'dossiers.return',
        'dossiers.withdraw',
        'dossiers.stop',
        'dossiers.apology',
        'dossiers.keepAppointment',
        'dossiers.resolveConflict',
        'print.render',
      ].sort(),
    );
  });

  it('gives the renderer its actions: the rows with a button, in the table order', () => {
    const withButton = DOSSIER_ACTIONS.flatMap((a) => ('button' in a ? [a] : []));
    expect(ACTIONS.map((a) => [a.kind, a.label, a.keys, a.event])).toEqual(
      withButton.map((a) => [a.button.kind, a.button.label, a.button.keys, a.event]),
    );
    expect(ACTIONS.filter((a) => a.headOnly).map((a) => a.event)).toEqual([
      'apology_issued',
      'appointment_kept',
    ]);
    expect(ACTIONS.filter((a) => a.danger).map((a) => a.kind)).toEqual(['withdraw']);
    // every shortcut once
    expect(new Set(ACTIONS.map((a) => a.keys)).size).toBe(ACTIONS.length);
  });

  it('gives every event its label, its "done" phrase and a timeline line', () => {
    for (const type of DOSSIER_EVENT_TYPES) {
      expect(DOSSIER_EVENT_LABELS[type], type).toBe(actionOfEvent(type).label);
      expect(DOSSIER_EVENT_DONE[type], type).toMatch(/^đã /);
      expect(timelineLabel(ev(type, '2022-09-21T09:00')), type).toMatch(/\S/);
    }
    expect(
      timelineLabel(ev('withdrawn', '2022-09-21T09:00', { payload: { reason: 'Xin rút' } })),
    ).toBe('Rút hồ sơ theo yêu cầu: Xin rút');
  });

  it('gives the back office its events and sync the actions it may record again', () => {
    expect([...BACKOFFICE_EVENT_TYPES].sort()).toEqual(
      [
        'accepted',
        'result_ready',
        'apology_issued',
        'supplement_requested',
        'obligation_requested',
      ].sort(),
    );
    expect(RERECORDABLE_TYPES.has('obligation_requested')).toBe(true);
    expect(RERECORDABLE_TYPES.has('obligation_fulfilled')).toBe(true);
    expect(RERECORDABLE_TYPES.has('received')).toBe(false);
    expect(RERECORDABLE_TYPES.has('apology_issued')).toBe(false);
  });

  it('derives the input of a simple action from its fields, with the message of its row', () => {
    for (const row of SIMPLE_ACTIONS) {
      const input = API[row.method].input;
      const required = row.fields.filter((f) => f.name === 'reason');
      const empty = input.safeParse({ dossierId: 'x' });
      expect(empty.success, row.method).toBe(required.length === 0);
      for (const f of required) {
        const blank = input.safeParse({ dossierId: 'x', [f.name]: '  ' });
        expect(blank.success).toBe(false);
        const message = fieldMissing(row, f);
        expect(message).toBe(reasonMissing(row.event));
        expect(blank.error?.issues.map((i) => i.message)).toContain(message);
        // the event's payload says the same
        const payload = eventPayloadSchemas[row.event].safeParse({ [f.name]: ' ' });
        expect(payload.error?.issues.map((i) => i.message)).toContain(message);
      }
      // a field the row does not have is refused
      expect(input.safeParse({ dossierId: 'x', reason: 'a', note: 'b', other: 1 }).success).toBe(
        false,
      );
    }
  });

  it('writes each reason message once, in the table', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) sources.push(path);
      }
    };
    for (const dir of ['shared', 'db', 'renderer', 'server', 'electron']) walk(join(ROOT, dir));
    const texts = new Map(sources.map((p) => [p, readFileSync(p, 'utf8')]));
    const messages = DOSSIER_ACTIONS.flatMap((a) =>
      'reasonMissing' in a ? [reasonMissing(a.event)] : [],
    );
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const message of messages) {
      const where = [...texts].filter(([, text]) => text.includes(`'${message}'`)).map(([p]) => p);
      expect(
        where.map((p) => p.slice(ROOT.length + 1)),
        message,
      ).toEqual(['shared/dossier/actions.ts']);
    }
  });
});
