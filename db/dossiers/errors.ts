/**
 * Errors of the dossier store. The message is Vietnamese and says what to fix; `code` lets the UI
 * and the API host tell them apart without parsing text.
 */
export type DossierErrorCode =
  | 'invalid_input' // the input failed validation: see issues
  | 'not_set_up' // office or local workstation missing
  | 'not_found'
  | 'illegal_transition'
  | 'capacity' // the workstation's daily numbering is exhausted
  | 'procedure' // the procedure cannot be received as asked
  | 'sync_conflict'; // events from another device contradict this database

export class DossierError extends Error {
  constructor(
    readonly code: DossierErrorCode,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'DossierError';
  }
}
