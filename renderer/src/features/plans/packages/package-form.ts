// The package editor's form shape. A new package starts with two finding slots and five ask slots
// (three to companies and two to governments); empty asks are simply not counted. Each finding and
// ask has a tick ("goes in the package") and keeps its place in the list, which is the order printed.
import {
  EMPTY_METHODOLOGY,
  SUGGESTED_ASKS,
  UNREVIEWED,
  type Ask,
  type EvidenceLinkDraft,
  type EvidencePackage,
  type FindingReview,
  type MethodSource,
  type PackageDraft,
  type Partner,
} from '@shared/api/plans';

/** Dates are '' while empty, as date fields give them. */
export interface ReviewForm extends Omit<FindingReview, 'on'> {
  on: string;
}

export interface FindingForm {
  id: string;
  title: string;
  statement: string;
  evidence: EvidenceLinkDraft[];
  review: ReviewForm;
  included: boolean;
}

export interface SourceForm extends Omit<MethodSource, 'count'> {
  /** A number field's text; '' when not counted. */
  count: string;
}

export interface MethodologyForm {
  sources: SourceForm[];
  periodFrom: string;
  periodTo: string;
  consent: string;
  verification: string;
  limitations: string;
}

export interface PackageForm {
  title: string;
  planId: string;
  companyId: string;
  findings: FindingForm[];
  risksSummary: string;
  asks: Ask[];
  forumMechanismId: string;
  forumName: string;
  forumNote: string;
  partners: Partner[];
  methodology: MethodologyForm;
  unconfirmedReason: string;
}

const reviewForm = (review: FindingReview = UNREVIEWED): ReviewForm => ({ ...review, on: review.on ?? '' });

export const emptyFinding = (): FindingForm => ({ id: crypto.randomUUID(), title: '', statement: '', evidence: [], review: reviewForm(), included: true });
export const emptyAsk = (audience: Ask['audience']): Ask => ({ id: crypto.randomUUID(), audience, text: '', included: true });
export const emptySource = (): SourceForm => ({ type: 'first-hand', count: '', note: '' });

function fiveAsks(asks: Ask[]): Ask[] {
  const out = [...asks];
  while (out.length < SUGGESTED_ASKS) out.push(emptyAsk(out.length < 3 ? 'company' : 'government'));
  return out;
}

function methodologyForm(method: Partial<EvidencePackage['methodology']> = EMPTY_METHODOLOGY): MethodologyForm {
  const full = { ...EMPTY_METHODOLOGY, ...method };
  return {
    sources: full.sources.map((s) => ({ type: s.type, count: s.count === null || s.count === undefined ? '' : String(s.count), note: s.note ?? '' })),
    periodFrom: full.periodFrom ?? '',
    periodTo: full.periodTo ?? '',
    consent: full.consent,
    verification: full.verification,
    limitations: full.limitations,
  };
}

export function emptyPackage(planId: string, companyId: string): PackageForm {
  return {
    title: '',
    planId,
    companyId,
    findings: [emptyFinding(), emptyFinding()],
    risksSummary: '',
    asks: fiveAsks([]),
    forumMechanismId: '',
    forumName: '',
    forumNote: '',
    partners: [],
    methodology: methodologyForm(),
    unconfirmedReason: '',
  };
}

export function formFromPackage(pkg: EvidencePackage): PackageForm {
  return {
    title: pkg.title,
    planId: pkg.planId ?? '',
    companyId: pkg.companyId ?? '',
    findings: pkg.findings.map((f) => ({ id: f.id, title: f.title, statement: f.statement, evidence: f.evidence, review: reviewForm(f.review), included: f.included })),
    risksSummary: pkg.risksSummary,
    asks: fiveAsks(pkg.asks),
    forumMechanismId: pkg.forumMechanismId ?? '',
    forumName: pkg.forumName,
    forumNote: pkg.forumNote,
    partners: pkg.partners,
    methodology: methodologyForm(pkg.methodology),
    unconfirmedReason: pkg.unconfirmedReason,
  };
}

/** A draft kept from an earlier version of the editor lacks the newer fields: fill them in. */
export function restoredForm(content: unknown, blank: PackageForm): PackageForm {
  const form = { ...blank, ...(content as Partial<PackageForm>) };
  return {
    ...form,
    findings: (form.findings ?? []).map((f) => ({ ...emptyFinding(), ...f, review: { ...reviewForm(), ...f.review } })),
    asks: (form.asks ?? []).map((a) => ({ ...emptyAsk(a.audience), ...a })),
    methodology: { ...blank.methodology, ...form.methodology },
  };
}

const countOf = (text: string): number | null => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

export function draftFromForm(form: PackageForm, id: string | undefined): PackageDraft {
  return {
    ...(id && { id }),
    title: form.title.trim(),
    planId: form.planId || null,
    companyId: form.companyId || null,
    findings: form.findings.map((f) => ({ ...f, review: { ...f.review, on: f.review.on || null } })),
    risksSummary: form.risksSummary,
    asks: form.asks,
    forumMechanismId: form.forumMechanismId || null,
    forumName: form.forumMechanismId ? '' : form.forumName,
    forumNote: form.forumNote,
    partners: form.partners.filter((p) => p.name.trim()),
    methodology: {
      ...form.methodology,
      sources: form.methodology.sources.map((s) => ({ type: s.type, count: countOf(String(s.count)), note: s.note })),
      periodFrom: form.methodology.periodFrom || null,
      periodTo: form.methodology.periodTo || null,
    },
    unconfirmedReason: form.unconfirmedReason,
  };
}
