/**
 * The numbered migrations, in order. Each one runs in its own transaction and sets
 * PRAGMA user_version to its number. Never edit a migration that has shipped: add the next one.
 */
import type { Migration } from '../migrate';
import { m0001_office } from './0001-office';

export const MIGRATIONS: readonly Migration[] = [m0001_office];
