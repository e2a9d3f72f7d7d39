import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { officerActive } from './0002-officer-active';
import { pullIndexes } from './0003-pull-indexes';
import { enrolmentCodeCancel } from './0004-enrolment-code-cancel';
import { dossierCodes } from './0005-dossier-codes';
import { workstationZero } from './0006-workstation-zero';
import { unitPartners } from './0007-unit-partners';

/** In order, numbered 1, 2, 3, … without gaps. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  officerActive,
  pullIndexes,
  enrolmentCodeCancel,
  dossierCodes,
  workstationZero,
  unitPartners,
];
