/**
 * What can be done to a dossier from its screen: the actions its state allows (each one event of
 * the lifecycle, with its shortcut: the rows of shared/dossier/actions.ts) and the slips it can
 * have printed again.
 */
import { canApply } from '../../../shared/dossier/transitions';
import type { DossierEventType } from '../../../shared/dossier/events';
import {
  DOSSIER_ACTIONS,
  type ActionButton,
  type DossierActionRow,
} from '../../../shared/dossier/actions';
import type { DossierDetail } from '../../../shared/api/schemas';
import type { PrintForm } from '../../../shared/print/forms';

type ButtonRow = Extract<(typeof DOSSIER_ACTIONS)[number], { button: ActionButton }>;

/** The dialogs of the dossier screen, one per action with a button (shared/dossier/actions.ts). */
export type ActionKind = ButtonRow['button']['kind'];

export interface ActionSpec {
  kind: ActionKind;
  label: string;
  keys: string;
  event: DossierEventType;
  headOnly?: boolean;
  danger?: boolean;
}

/** The actions of the dossier screen: the rows of the table that have a button, in its order. */
export const ACTIONS: ActionSpec[] = DOSSIER_ACTIONS.filter(
  (a): a is ButtonRow => 'button' in a,
).map((a) => {
  const b: ActionButton = a.button;
  return {
    kind: b.kind as ActionKind,
    label: b.label,
    keys: b.keys,
    event: a.event,
    ...(a.access === 'head' ? { headOnly: true } : {}),
    ...(b.danger ? { danger: true } : {}),
  };
});

/** The row of a dialog's action. */
export function actionRow(kind: ActionKind): DossierActionRow {
  const row = DOSSIER_ACTIONS.find((a) => 'button' in a && a.button.kind === kind);
  if (row === undefined) throw new Error(`No dossier action ${kind}`);
  return row;
}

/** The actions a dossier in this state allows (the lifecycle table of shared/dossier). */
export function allowedActions(
  d: Pick<DossierDetail, 'state' | 'code' | 'calendarReview'>,
  role: string,
): ActionSpec[] {
  return ACTIONS.filter((a) => {
    if (a.headOnly && role === 'officer') return false;
    if (a.kind === 'supplement' && d.code === null) return false; // counter requests: a new reception
    // only while a calendar change puts the appointment in question (lịch nghỉ đã thay đổi)
    if (a.kind === 'keepAppointment' && d.calendarReview === null) return false;
    return canApply(d.state, a.event);
  });
}

/** The slips a dossier can have printed (again); the first is the one Ctrl+P reprints. */
export function printableForms(
  d: Pick<DossierDetail, 'code' | 'state' | 'supplementRequests' | 'apologies' | 'closure'>,
): PrintForm[] {
  const forms: PrintForm[] = [];
  if (d.code !== null) forms.push('receipt', 'control_slip', 'appointment_slip');
  if (d.closure?.kind === 'refused') forms.unshift('refusal');
  if (d.supplementRequests.length > 0) forms.push('supplement_request');
  if (d.apologies.length > 0) forms.push('apology');
  return forms;
}
