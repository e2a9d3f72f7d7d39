export { importCatalogue, type CatalogueImportReport } from './import';
export {
  recentProcedures,
  searchProcedures,
  type ProcedureSearchHit,
  type SearchOptions,
} from './search';
export { getProcedure, type StoredProcedure } from './read';
export { recordProcedureUse, ProcedureNotFoundError } from './usage';
export { ftsMatchExpression } from './ftsQuery';
export { CatalogueFileError } from '../../shared/catalogue';
