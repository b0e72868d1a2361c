// The package editor's form shape. There are always five ask slots (three to companies and two to
// governments to start with); empty ones are simply not counted as written.
import { SUGGESTED_ASKS, type Ask, type EvidenceLinkDraft, type EvidencePackage, type PackageDraft, type Partner } from '@shared/api/plans';

export interface FindingForm {
  id: string;
  title: string;
  statement: string;
  evidence: EvidenceLinkDraft[];
}

export interface PackageForm {
  title: string;
  planId: string;
  companyId: string;
  findings: FindingForm[];
  risksSummary: string;
  asks: Ask[];
  forumMechanismId: string;
  forumNote: string;
  partners: Partner[];
}

const emptyFinding = (): FindingForm => ({ id: crypto.randomUUID(), title: '', statement: '', evidence: [] });
export { emptyFinding };

function fiveAsks(asks: Ask[]): Ask[] {
  const out = [...asks];
  while (out.length < SUGGESTED_ASKS) out.push({ id: crypto.randomUUID(), audience: out.length < 3 ? 'company' : 'government', text: '', included: true });
  return out;
}

export function emptyPackage(planId: string, companyId: string): PackageForm {
  return { title: '', planId, companyId, findings: [emptyFinding(), emptyFinding()], risksSummary: '', asks: fiveAsks([]), forumMechanismId: '', forumNote: '', partners: [] };
}

export function formFromPackage(pkg: EvidencePackage): PackageForm {
  return {
    title: pkg.title,
    planId: pkg.planId ?? '',
    companyId: pkg.companyId ?? '',
    findings: pkg.findings,
    risksSummary: pkg.risksSummary,
    asks: fiveAsks(pkg.asks),
    forumMechanismId: pkg.forumMechanismId ?? '',
    forumNote: pkg.forumNote,
    partners: pkg.partners,
  };
}

export function draftFromForm(form: PackageForm, id: string | undefined): PackageDraft {
  return {
    ...(id && { id }),
    title: form.title.trim(),
    planId: form.planId || null,
    companyId: form.companyId || null,
    findings: form.findings,
    risksSummary: form.risksSummary,
    asks: form.asks,
    forumMechanismId: form.forumMechanismId || null,
    forumNote: form.forumNote,
    partners: form.partners.filter((p) => p.name.trim()),
  };
}
