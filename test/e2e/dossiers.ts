/** Dossiers made through the core's API, for e2e specs that need some on the board. */
import type { TestHost } from './host';

/** A dossier received at the counter for `name`, with the procedure's first component handed in. */
export async function receiveByApi(host: TestHost, procedureId: string, name: string) {
  const procedure = await host.core.call('procedures.get', { id: procedureId });
  const first = procedure.components[0]!;
  const out = await host.core.call('dossiers.receive', {
    procedureId,
    applicant: { kind: 'citizen', name },
    components: [{ name: first.name, originals: 1, certifiedCopies: 0, copies: 0 }],
  });
  return out.dossier;
}
