/**
 * Reference data (GET /sync/reference?since=<version>): what a workstation keeps offline, each
 * piece with a version from one counter: the procedure catalogue, the holiday calendar of each
 * year, office settings, the unit's officer accounts, the departments it may hand dossiers over
 * to, and its own workstation number. The workstation sends the highest version it has and
 * receives only what is newer.
 *
 * The catalogue and calendars are published by the central admin (server:admin import-catalogue,
 * publish-calendar) with the schemas below, which hold texts to the one text rule
 * (shared/text/wellFormed.ts) the workstations print them with. A workstation reads what it
 * receives more tolerantly (a server of another version may have published it) and sets aside,
 * with a reason, whatever its own rules then refuse.
 */
import { z } from 'zod';
import { ROLES } from '../api/schemas';
import { dateSchema, holidaySchema } from '../calendar/holidayFile';
import { textInput, wireText } from '../text/textSchema';
import { TEXT_MAX } from '../limits';
import { badCursor } from './pull';
import type { Read } from './refusal';

export const REFERENCE_PATH = '/sync/reference';

/** The key of the catalogue, and of the settings every unit receives. */
export const CATALOGUE_KEY = 'procedures';
export const DEFAULT_SETTINGS_KEY = 'default';

export const REFERENCE_MESSAGES = { since: 'Phiên bản dữ liệu (since)' };

// ---- the request ------------------------------------------------------------------------------

export const referenceQuerySchema = z.object({ since: z.string().optional() });

/** The `since` of a request (opaque, as the server gave it), or the refusal of a malformed one. */
export function readReferenceQuery(query: unknown): Read<string | undefined> {
  const parsed = referenceQuerySchema.safeParse(query);
  if (!parsed.success) return badCursor(REFERENCE_MESSAGES.since);
  return { ok: true, value: parsed.data.since };
}

export function referencePath(since: string): string {
  return `${REFERENCE_PATH}${since ? `?since=${encodeURIComponent(since)}` : ''}`;
}

// ---- the answer -------------------------------------------------------------------------------

const versioned = z.object({ version: z.number().int(), body: z.unknown() });

export const referenceOfficerSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  fullName: z.string().min(1),
  role: z.enum(ROLES),
  /** scrypt string; the workstation verifies passwords with it offline. */
  passwordHash: z.string().min(1),
  /** Deactivated on the server (set-officer --deactivate): can no longer sign in. */
  active: z.boolean().default(true),
  version: z.number().int(),
});
export type ReferenceOfficer = z.output<typeof referenceOfficerSchema>;

/** A department the unit may hand dossiers over to (its own, or a partner's: liên thông). */
export const handoverTargetSchema = z.object({
  code: z.string().min(1).max(TEXT_MAX.unitCode),
  name: z.string().min(1).max(TEXT_MAX.unitName),
  unitCode: z.string().min(1).max(TEXT_MAX.unitCode),
  unitName: z.string().max(TEXT_MAX.unitName),
  partner: z.boolean(),
});

export const referenceAnswerSchema = z.object({
  /** The highest version included (opaque), to send back as `since` next time. */
  version: z.string(),
  catalogue: versioned.nullable(),
  calendars: z.array(versioned.extend({ year: z.number().int() })),
  /** 'default' (every unit) and the workstation's own unit. */
  settings: z.array(versioned.extend({ key: z.string() })),
  officers: z.array(referenceOfficerSchema),
  /** The workstation's number (newer servers): it moves from 0 to 1 (db/workstations.ts). */
  workstation: z
    .object({ number: z.number().int().min(0).max(9), movedFromZero: z.boolean() })
    .optional(),
  /** The whole list when it changed after `since` (newer servers); null when it did not. */
  handoverTargets: z.array(handoverTargetSchema).nullable().optional(),
});
export type ReferenceAnswer = z.output<typeof referenceAnswerSchema>;
/** What the server sends. */
export type ReferenceAnswerBody = z.input<typeof referenceAnswerSchema>;

// ---- what the central admin publishes -----------------------------------------------------------

/** A catalogue text the counter prints: one line, no emoji (as shared/catalogue/schema.ts). */
const printedLine = (max: number) => textInput({ max, printed: true });

/**
 * A procedure as published: the texts that identify it hold to the one text rule; every other
 * field is kept as the file has it, for the workstations' own record check (shared/catalogue).
 */
export const publishedProcedureSchema = z.looseObject({
  /** National code d.dddddd; some procedures have none. */
  code: printedLine(TEXT_MAX.procedureCode).min(1).nullable().optional(),
  /** The office's own code when there is no national one. */
  localCode: printedLine(TEXT_MAX.procedureCode).min(1).nullable().optional(),
  name: textInput({ max: TEXT_MAX.procedureName, printed: true, missing: 'thiếu tên thủ tục' }),
  field: printedLine(TEXT_MAX.procedureField).nullable().optional(),
  agency: printedLine(TEXT_MAX.procedureAgency).nullable().optional(),
});

/** The body of the catalogue: { procedures: [...] }. */
export const publishedCatalogueSchema = z.object({
  procedures: z.array(publishedProcedureSchema).min(1, 'danh mục không có thủ tục nào'),
});
export type PublishedCatalogue = z.output<typeof publishedCatalogueSchema>;

/**
 * One year's holiday calendar as published: each holiday as in the holiday file (its name one
 * printed line), extra fields kept; 'undecided' is for the admin to clear before publishing.
 */
export const publishedCalendarYearSchema = z.looseObject({
  holidays: z.array(holidaySchema.loose()),
  workingSaturdays: z.array(dateSchema).default([]),
  undecided: z.array(z.looseObject({ name: z.string().optional() })).optional(),
});

/** One year's calendar as a workstation reads it (what any server version published). */
export const receivedCalendarYearSchema = z.object({
  holidays: z
    .array(z.object({ name: wireText(TEXT_MAX.holidayName), dates: z.array(z.string()) }))
    .default([]),
  workingSaturdays: z.array(z.string()).default([]),
  status: z.enum(['official', 'provisional']).default('official'),
});
