/**
 * The numbered migrations, in order. Each one runs in its own transaction and sets
 * PRAGMA user_version to its number. Never edit a migration that has shipped: add the next one.
 */
import type { Migration } from '../migrate';
import { m0001_office } from './0001-office';
import { m0002_procedures } from './0002-procedures';
import { m0003_dossiers } from './0003-dossiers';
import { m0004_auth } from './0004-auth';
import { m0005_sync } from './0005-sync';
import { m0006_dossier_search } from './0006-dossier-search';
import { m0007_sync_unapplied_retry } from './0007-sync-unapplied-retry';
import { m0008_calendar_review } from './0008-calendar-review';
import { m0009_workstation_move } from './0009-workstation-move';
import { m0010_handover_targets } from './0010-handover-targets';
import { m0011_procedure_usage_day } from './0011-procedure-usage-day';
import { m0012_sync_conflicts } from './0012-sync-conflicts';

export const MIGRATIONS: readonly Migration[] = [
  m0001_office,
  m0002_procedures,
  m0003_dossiers,
  m0004_auth,
  m0005_sync,
  m0006_dossier_search,
  m0007_sync_unapplied_retry,
  m0008_calendar_review,
  m0009_workstation_move,
  m0010_handover_targets,
  m0011_procedure_usage_day,
  m0012_sync_conflicts,
];
