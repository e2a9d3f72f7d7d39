/**
 * What the handlers of the core are given, and their type against the API contract: each area
 * (setup, auth, dossiers …) is a table of the contract's methods of that area, and createCore
 * joins the tables into one that must hold every method exactly once.
 */
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/schemas';
import type { LocalDateTime } from '../../../shared/time/wallClock';
import type { ScryptCost } from '../../auth/password';
import type { Db } from '../../open';
import type { CoreLogger, CoreOptions } from '../options';
import type { Mutex } from '../print';
import type { SessionKeeper } from '../session';
import type { SyncLink } from '../syncLink';

/** One call: the store, its time (UTC and office-local) and the officer signed in. */
export interface Ctx {
  db: Db;
  now: Date;
  local: LocalDateTime;
  officer: { id: string; role: Role; fullName: string } | null;
}

export type Handler<M extends ApiMethod> = (
  input: ApiParsedInput<M>,
  ctx: Ctx,
) => Promise<ApiOutput<M>> | ApiOutput<M>;

/** The table of every method of the contract. */
export type Handlers = { [M in ApiMethod]: Handler<M> };

/** The methods whose names start with one of the prefixes ('dossiers.', 'print.' …). */
export type HandlersOf<Prefix extends string> = {
  [M in ApiMethod as M extends `${Prefix}${string}` ? M : never]: Handler<M>;
};

/**
 * The core as its handlers see it. The store, the session and the sync link are read at call
 * time: data.reset replaces them.
 */
export interface CoreEnv {
  readonly db: Db;
  readonly session: SessionKeeper;
  readonly sync: SyncLink;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly options: CoreOptions;
  readonly log: CoreLogger;
  readonly passwordCost: ScryptCost;
  /** Prints one at a time (the files' numbering); data.reset and close wait for it. */
  readonly printMutex: Mutex;
  /** data.reset: sets the store and the prints aside and opens a fresh store; where they went. */
  resetStore(ctx: Ctx): Promise<string>;
}
