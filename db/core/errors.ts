/**
 * Every error the db layer can throw, as the ApiError the hosts return. Messages stay the
 * db layer's Vietnamese ones (they already say what to fix); `code` and `fields` are added so
 * the UI can react without parsing text.
 */
import { ZodError } from 'zod';
import { ApiCallError, type ApiError } from '../../shared/api/errors';
import { validationError } from '../../shared/api/issues';
import { CatalogueFileError } from '../../shared/catalogue/file';
import { HolidayFileError } from '../../shared/calendar';
import { IllegalTransitionError } from '../../shared/dossier/lifecycle';
import { CalendarError } from '../calendar';
import { ProcedureNotFoundError } from '../catalogue/usage';
import { DossierError } from '../dossiers/errors';
import { DatabaseTooNewError } from '../migrate';
import { SeedDataError } from '../seed';
import { OfficeError, SettingsError } from '../settings';
import { OfficerError } from '../auth/officers';
import { SyncError } from '../sync/errors';
import { PrintDataError } from '../../shared/print';

export interface MappedError {
  error: ApiError;
  /** Unexpected: log it with its stack. */
  unexpected: boolean;
}

/** `fieldPrefix` puts field keys under a sub-object of the input (e.g. "office."). */
export function toApiErrorFromDb(err: unknown, fieldPrefix = ''): MappedError {
  const expected = (error: ApiError): MappedError => ({ error, unexpected: false });
  const field = (name: string, message: string) => ({ [`${fieldPrefix}${name}`]: message });

  if (err instanceof ApiCallError) return expected(err.toJSON());
  if (err instanceof DossierError) {
    switch (err.code) {
      case 'invalid_input':
        return expected({ code: 'validation', message: err.message, fields: { _: err.message } });
      case 'procedure':
        return expected({
          code: 'validation',
          message: err.message,
          fields: field('procedureId', err.message),
        });
      case 'not_found':
        return expected({ code: 'not_found', message: err.message });
      case 'illegal_transition':
        return expected({ code: 'illegal_transition', message: err.message });
      case 'not_set_up':
      case 'capacity':
      case 'sync_conflict':
        return expected({ code: 'conflict', message: err.message });
    }
  }
  if (err instanceof IllegalTransitionError)
    return expected({ code: 'illegal_transition', message: err.message });
  if (err instanceof SettingsError) {
    return expected({
      code: 'validation',
      message: err.message,
      fields: err.key ? field(err.key, err.message) : {},
    });
  }
  if (err instanceof OfficeError) {
    return expected({
      code: 'validation',
      message: err.message,
      fields: field(err.field, err.message),
    });
  }
  if (err instanceof OfficerError) {
    return expected({
      code: err.code,
      message: err.message,
      ...(err.field ? { fields: field(err.field, err.message) } : {}),
    });
  }
  if (err instanceof CalendarError || err instanceof HolidayFileError) {
    return expected({ code: 'validation', message: err.message, fields: { _: err.message } });
  }
  if (err instanceof CatalogueFileError) {
    return expected({
      code: 'validation',
      message: err.message,
      fields: field('json', err.message),
    });
  }
  if (err instanceof SyncError) {
    switch (err.code) {
      case 'invalid_input':
        return expected({ code: 'validation', message: err.message, fields: { _: err.message } });
      case 'enrolment':
        // The server refused the one-time code (unknown, used, expired, cancelled) or the workstation.
        return expected({
          code: 'validation',
          message: err.message,
          fields: field('code', err.message),
        });
      case 'not_found':
        return expected({ code: 'not_found', message: err.message });
      case 'unsent_events':
        // The marker the enrolment form asks the administrator about ("Vẫn đăng ký").
        return expected({
          code: 'conflict',
          message: err.message,
          fields: field('allowUnsentEvents', err.message),
        });
      default:
        // Not enrolled, offline, token revoked, local data disagreeing: nothing the form can fix.
        return expected({ code: 'conflict', message: err.message });
    }
  }
  if (err instanceof PrintDataError) return expected({ code: 'conflict', message: err.message });
  if (err instanceof ProcedureNotFoundError)
    return expected({ code: 'not_found', message: err.message });
  if (err instanceof ZodError) return expected(validationError(err.issues, 'Dữ liệu'));
  if (err instanceof DatabaseTooNewError || err instanceof SeedDataError) {
    return { error: { code: 'internal', message: err.message }, unexpected: true };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return {
    error: {
      code: 'internal',
      message:
        `Phần mềm gặp lỗi không mong muốn (${detail}). ` +
        'Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại phần mềm và báo cho quản trị viên kèm tệp nhật ký.',
    },
    unexpected: true,
  };
}
