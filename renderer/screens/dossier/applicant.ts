/** The applicant as the counter recorded it, read back from the dossier's events. */
import type { DossierDetail } from '../../../shared/api/schemas';
import { emptyApplicant, type ApplicantDraft } from '../../stores/receptionDraft';

/** The applicant as the counter recorded it (the first event that carries one). */
export function applicantOf(d: DossierDetail): Record<string, unknown> | undefined {
  const first = d.timeline.find(
    (t) => (t.payload as { applicant?: unknown }).applicant !== undefined,
  );
  return (first?.payload as { applicant?: Record<string, unknown> } | undefined)?.applicant;
}

/** The recorded applicant back into the reception form's shape. */
export function applicantDraftOf(d: DossierDetail): ApplicantDraft {
  const a = (applicantOf(d) ?? {}) as Partial<Record<string, string>> & {
    representative?: { name: string; idNumber?: string; phone?: string; relation?: string };
  };
  const base = emptyApplicant();
  return {
    ...base,
    kind: (a.kind as ApplicantDraft['kind'] | undefined) ?? 'citizen',
    name: a.name ?? d.applicantName ?? '',
    idKind: (a.idKind as ApplicantDraft['idKind'] | undefined) ?? 'cccd',
    idNumber: a.idNumber ?? '',
    birthDate: a.birthDate ? a.birthDate.split('-').reverse().join('/') : '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    address: a.address ?? '',
    hasRepresentative: a.representative !== undefined,
    representative: {
      name: a.representative?.name ?? '',
      idNumber: a.representative?.idNumber ?? '',
      phone: a.representative?.phone ?? '',
      relation: a.representative?.relation ?? '',
    },
  };
}
