/**
 * A push the server answers with a 500 may be the fault of one event in it (a value an older
 * server cannot store, a bug in the server for one case). Retrying the same batch for ever would
 * hold back every later event of the workstation, so the client halves such a batch until the
 * event that fails is alone, and sets that event aside as refused once it is clear the server
 * works for the others. This module keeps the bookkeeping; client.ts does the sending.
 *
 * Bounded on every side: at most MAX_SERVER_ERRORS_PER_ROUND failed requests per round (then the
 * round fails and the loop backs off, as for any server trouble); 502, 503 and 504 (a proxy, a
 * server that is down) never count against an event. An event is set aside only after failing
 * alone in STRIKES_TO_REFUSE rounds, the first of them a round in which the server stored other
 * events of this workstation (proof that it works and that this event is what it cannot take),
 * the later ones rounds in which it stored others or answered an empty push. A server that stores
 * nothing at all never gets an event set aside: the rounds fail and the loop backs off.
 */
import { SyncError } from './errors';

/** Server errors a round may meet while looking for the event at fault (log2(500) ≈ 9 per event). */
export const MAX_SERVER_ERRORS_PER_ROUND = 24;

/** Rounds in which an event must fail alone before it is set aside. */
export const STRIKES_TO_REFUSE = 2;

/** The refused list's code for such an event. */
export const SERVER_ERROR_CODE = 'server_error';

/** A server error that may come from the events sent (not a gateway's "down" answer). */
export function isEventFault(err: unknown): err is SyncError {
  return (
    err instanceof SyncError &&
    err.code === 'network' &&
    err.status !== undefined &&
    err.status >= 500 &&
    err.status !== 502 &&
    err.status !== 503 &&
    err.status !== 504
  );
}

export function serverErrorReason(status: number, serverMessage: string): string {
  return (
    `Máy chủ báo lỗi (HTTP ${status}) mỗi lần nhận sự kiện này, trong khi vẫn nhận các sự kiện ` +
    `khác (${serverMessage.replace(/[.\s]+$/, '')}). Sự kiện được để riêng để các sự kiện sau ` +
    'không bị chặn: hãy báo quản trị viên máy chủ; có thể gửi lại sau khi máy chủ được sửa, ' +
    'hoặc bỏ qua.'
  );
}

export const waitingMessage = (n: number) =>
  `Máy chủ báo lỗi khi nhận ${n} sự kiện; các sự kiện khác đã được gửi. Phần mềm sẽ thử gửi ` +
  'riêng sự kiện đó; nếu vẫn lỗi, sự kiện sẽ được đưa vào danh sách bị máy chủ từ chối.';

/** What one push round learns about server errors. */
export class ServerFaultRound {
  /** Failed requests so far. */
  errors = 0;
  /** Events the server stored this round (accepted): it works. */
  accepted = 0;
  /** The first server error met. */
  first: SyncError | null = null;
  /** Events that failed alone this round, by id, with the error they got. */
  readonly suspects = new Map<string, SyncError>();

  /** Count a failed request; false once the round has met too many. */
  failed(err: SyncError): boolean {
    this.errors++;
    this.first ??= err;
    return this.errors <= MAX_SERVER_ERRORS_PER_ROUND;
  }
}

/** Across rounds: how many rounds in a row each event failed alone. */
export class ServerFaultStrikes {
  private readonly strikes = new Map<string, number>();

  /** Rounds this event already failed alone. */
  count(eventId: string): number {
    return this.strikes.get(eventId) ?? 0;
  }

  /** One more round for this event; true when it is time to set it aside. */
  strike(eventId: string): boolean {
    const n = (this.strikes.get(eventId) ?? 0) + 1;
    if (n >= STRIKES_TO_REFUSE) {
      this.strikes.delete(eventId);
      return true;
    }
    this.strikes.set(eventId, n);
    return false;
  }

  /** The server took these events after all. */
  forget(eventIds: readonly string[]): void {
    for (const id of eventIds) this.strikes.delete(id);
  }
}
