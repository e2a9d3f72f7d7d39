/** The procedure catalogue at the counter (danh mục thủ tục): search, one procedure, recent ones. */
import { apiError } from '../../../shared/api/errors';
import { getProcedure, recentProcedures, searchProcedures } from '../../catalogue';
import type { CoreEnv, HandlersOf } from './types';

export function procedureHandlers(env: CoreEnv): HandlersOf<'procedures.'> {
  return {
    'procedures.search': (input, ctx) =>
      searchProcedures(env.db, input.query, { limit: input.limit, now: ctx.local }),
    'procedures.get': (input) => {
      const p = getProcedure(env.db, input.id);
      if (!p) {
        throw apiError(
          'not_found',
          `Không tìm thấy thủ tục "${input.id}" trong danh mục: hãy tìm và chọn lại thủ tục.`,
        );
      }
      return p;
    },
    'procedures.recent': (input, ctx) =>
      recentProcedures(env.db, { limit: input?.limit ?? 10, now: ctx.local }),
  };
}
