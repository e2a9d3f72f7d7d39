/**
 * Accept a batch of events from a device: validate each, check it belongs to the device and its
 * unit, drop what the server already has, store the rest in one transaction.
 *
 * Each event gets its own answer, so one bad event never blocks the others:
 *   accepted   stored now
 *   duplicate  already stored with the same content (a retry): nothing to do
 *   rejected   with code 'invalid' (breaks the contract), 'forbidden' (not this device's or
 *              this unit's to write, a dossier code it may not mint, or a hand-over to a unit
 *              that is neither its department nor a declared partner's) or 'conflict' (the id
 *              is taken by different content, or the dossier code by another dossier), and a
 *              Vietnamese reason to show the officer. Nothing of it is stored.
 */
import type { Db } from '../db/types';
import type { DossierEventType } from '../../shared/dossier/events';
import type { AuthenticatedDevice } from '../auth/device';
import { lockForTransaction } from '../db/locks';
import { checkEvent, type WireEvent } from './validate';
import { insertEvents, sameEvent, storedEvents } from './eventRows';
import {
  dossierOwners,
  handoverTarget,
  recordRoutes,
  routedTo,
  upsertDossiers,
} from './dossierIndex';
import { handoverTargets } from '../routing/handoverTargets';
import { handoverRefusal } from '../../shared/dossier/routing';
import { writeIsolated, type DatabaseRefusal } from './isolate';
import { CODE_CONFLICT, codeRefusal, dossierCodeOf, heldCodes } from './codeAuthority';
import type { PushEventResult, RejectCode } from '../../shared/sync/push';

/** One event's answer (shared/sync/push.ts). */
export type EventResult = PushEventResult;

/**
 * counter: a one-stop workstation writes its own unit's dossiers (and creates new ones).
 * backoffice: a department writes a few event types on dossiers handed over to it.
 */
export type IngestPolicy =
  { kind: 'counter' } | { kind: 'backoffice'; allowedTypes: readonly DossierEventType[] };

const reject = (id: string | null, code: RejectCode, reason: string): EventResult => ({
  id,
  status: 'rejected',
  code,
  reason,
});

const MESSAGES = {
  otherUnit: (unit: string) =>
    `Sự kiện ghi cho đơn vị ${unit.slice(0, 40)}, không thuộc đơn vị của máy này.`,
  otherDevice: 'Sự kiện không do máy này ghi (deviceId khác mã của máy đã đăng ký).',
  typeNotAllowed: (types: readonly string[]) =>
    `Phòng chuyên môn chỉ được ghi các sự kiện: ${types.join(', ')}.`,
  otherUnitsDossier: 'Hồ sơ này thuộc đơn vị khác; máy này không được ghi vào hồ sơ đó.',
  notRouted: 'Hồ sơ này chưa được bàn giao cho đơn vị của máy này.',
  conflict: 'Mã sự kiện đã có trên máy chủ với nội dung khác; sự kiện này không được ghi.',
  notStored: (r: DatabaseRefusal) =>
    `Cơ sở dữ liệu của máy chủ không lưu được sự kiện này (mã lỗi ${r.code}: ${r.message}).`,
};

/** Why this device may not write this event, judged on the event alone; null when it may. */
function envelopeRefusal(
  e: WireEvent,
  device: AuthenticatedDevice,
  policy: IngestPolicy,
): string | null {
  if (e.unitCode !== device.unitCode) return MESSAGES.otherUnit(e.unitCode);
  if (e.deviceId !== device.id) return MESSAGES.otherDevice;
  if (policy.kind === 'backoffice' && !policy.allowedTypes.includes(e.type)) {
    return MESSAGES.typeNotAllowed(policy.allowedTypes);
  }
  return null;
}

export async function ingestEvents(
  db: Db,
  device: AuthenticatedDevice,
  inputs: readonly unknown[],
  policy: IngestPolicy,
): Promise<EventResult[]> {
  const results: EventResult[] = [];
  const candidates: { index: number; event: WireEvent }[] = [];
  inputs.forEach((input, index) => {
    const checked = checkEvent(input);
    if (!checked.ok) {
      results.push(reject(checked.id, 'invalid', checked.reason));
      return;
    }
    const refusal = envelopeRefusal(checked.event, device, policy);
    if (refusal) {
      results.push(reject(checked.id, 'forbidden', refusal));
      return;
    }
    const code = dossierCodeOf(checked.event);
    const codeRefused = code === null ? null : codeRefusal(code, device);
    if (codeRefused) {
      results.push(reject(checked.id, codeRefused.code, codeRefused.reason));
      return;
    }
    results.push({ id: checked.id, status: 'accepted' });
    candidates.push({ index, event: checked.event });
  });
  if (candidates.length === 0) return results;

  await db.transaction(async (tx) => {
    // Serialise writers so server_seq values commit in order: a puller that has seen seq N
    // can never later find a smaller one appear behind its cursor.
    await lockForTransaction(tx, 'events');
    const dossierIds = [...new Set(candidates.map((c) => c.event.dossierId))];
    const stored = await storedEvents(
      tx,
      candidates.map((c) => c.event.id),
    );
    const owners = await dossierOwners(tx, dossierIds);
    const routed =
      policy.kind === 'backoffice' ? await routedTo(tx, device.unitCode, dossierIds) : null;
    const codes = candidates.map((c) => dossierCodeOf(c.event)).filter((c) => c !== null);
    const held = await heldCodes(tx, device.unitCode, codes, dossierIds);
    // Hand-overs name only the unit's own departments or its declared partners' (liên thông).
    const mayRouteTo =
      policy.kind === 'counter' && candidates.some((c) => handoverTarget(c.event) !== null)
        ? new Set((await handoverTargets(tx, device.unitCode)).targets.map((t) => t.code))
        : null;

    const fresh: (WireEvent & { ownerUnit: string; index: number })[] = [];
    const inBatch = new Map<string, WireEvent>();
    /** Results that are copies of an event first met in this batch, by its id. */
    const copiesInBatch = new Map<string, number[]>();
    for (const { index, event } of candidates) {
      const id = results[index]?.id ?? event.id;
      const prior = stored.get(event.id) ?? inBatch.get(event.id);
      if (prior) {
        results[index] = sameEvent(prior, event)
          ? { id, status: 'duplicate' }
          : reject(id, 'conflict', MESSAGES.conflict);
        if (!stored.has(event.id))
          copiesInBatch.set(event.id, [...(copiesInBatch.get(event.id) ?? []), index]);
        continue;
      }
      const owner = owners.get(event.dossierId);
      if (routed) {
        if (owner === undefined || !routed.has(event.dossierId)) {
          results[index] = reject(id, 'forbidden', MESSAGES.notRouted);
          continue;
        }
      } else if (owner !== undefined && owner !== device.unitCode) {
        results[index] = reject(id, 'forbidden', MESSAGES.otherUnitsDossier);
        continue;
      }
      const target = handoverTarget(event);
      if (target !== null && mayRouteTo && !mayRouteTo.has(target)) {
        results[index] = reject(id, 'forbidden', handoverRefusal(target));
        continue;
      }
      const code = dossierCodeOf(event);
      if (code !== null) {
        const holdsAlready = held.byDossier.get(event.dossierId);
        const holder = held.byCode.get(code);
        if (holdsAlready !== undefined && holdsAlready !== code) {
          results[index] = reject(id, 'conflict', CODE_CONFLICT.recoded(holdsAlready));
          continue;
        }
        if (holder !== undefined && holder !== event.dossierId) {
          results[index] = reject(id, 'conflict', CODE_CONFLICT.taken(code));
          continue;
        }
        held.byCode.set(code, event.dossierId);
        held.byDossier.set(event.dossierId, code);
      }
      inBatch.set(event.id, event);
      fresh.push({ ...event, ownerUnit: owner ?? device.unitCode, index });
    }
    if (fresh.length === 0) return;

    // An event the database still refuses is answered on its own (isolate.ts), never a 500.
    const refused = await writeIsolated(tx, fresh, async (part) => {
      await upsertDossiers(tx, part, owners);
      await insertEvents(tx, part);
      if (policy.kind === 'counter') await recordRoutes(tx, part);
    });
    for (const { item, refusal } of refused) {
      for (const index of [item.index, ...(copiesInBatch.get(item.id) ?? [])]) {
        results[index] = reject(
          results[index]?.id ?? item.id,
          'invalid',
          MESSAGES.notStored(refusal),
        );
      }
    }
  });
  return results;
}
