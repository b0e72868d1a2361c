// The plan editor's form shape and its conversion to and from the API's plan draft. Dates stay ''
// in the form (what a date input holds) and become null for the API; countries are ISO codes
// chosen with the country picker.
import type { Plan, PlanDraft, PlanStep, PrincipleCheck, Partner } from '@shared/api/plans';
import { isCountryCode } from '@shared/domain/countries';
import { completeChecklist, type SafetyCheck } from '@shared/domain/safety';

export interface StepForm extends Omit<PlanStep, 'startDate' | 'targetDate' | 'triggerDate' | 'mechanismId'> {
  startDate: string;
  targetDate: string;
  triggerDate: string;
  mechanismId: string;
}

export interface PlanForm {
  title: string;
  objective: string;
  companyId: string;
  harmCountries: string[];
  operatingCountries: string[];
  entityCountries: string[];
  countriesNeedReview: boolean;
  risk: Plan['risk'];
  context: string;
  engagementIds: string[];
  partners: Partner[];
  steps: StepForm[];
  principles: PrincipleCheck[];
  safety: SafetyCheck[];
}

type DraftLike = Pick<Plan, 'title' | 'objective' | 'companyId' | 'context' | 'engagementIds' | 'partners' | 'steps' | 'principles'> &
  Partial<Pick<Plan, 'harmCountries' | 'operatingCountries' | 'entityCountries' | 'countriesNeedReview' | 'risk'>> & {
    safety?: SafetyCheck[] | undefined;
  };

const stepForm = (s: Partial<PlanStep> & Pick<PlanStep, 'id' | 'stage' | 'title'>): StepForm => ({
  id: s.id,
  stage: s.stage,
  title: s.title,
  status: s.status ?? 'planned',
  trigger: s.trigger ?? '',
  outcome: s.outcome ?? '',
  engagementIds: s.engagementIds ?? [],
  submissionIds: s.submissionIds ?? [],
  mandates: s.mandates ?? [],
  jointCommunication: s.jointCommunication ?? false,
  exposureAcknowledged: s.exposureAcknowledged ?? null,
  startDate: s.startDate ?? '',
  targetDate: s.targetDate ?? '',
  triggerDate: s.triggerDate ?? '',
  mechanismId: s.mechanismId ?? '',
});

export function formFromPlan(plan: DraftLike): PlanForm {
  return {
    title: plan.title,
    objective: plan.objective,
    companyId: plan.companyId ?? '',
    harmCountries: plan.harmCountries ?? [],
    operatingCountries: plan.operatingCountries ?? [],
    entityCountries: plan.entityCountries ?? [],
    countriesNeedReview: plan.countriesNeedReview ?? false,
    risk: plan.risk ?? { level: 'unknown', notes: '' },
    context: plan.context,
    engagementIds: plan.engagementIds,
    partners: plan.partners,
    steps: plan.steps.map(stepForm),
    principles: plan.principles,
    safety: completeChecklist(plan.safety ?? []),
  };
}

const isCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && isCountryCode(code);

/**
 * An unsaved draft as the editor stored it, possibly by an older version: then "operating
 * countries" was one comma-separated text meaning "where it operates and the harm happens", which
 * becomes harmCountries for the user to check, as the vault migration does for saved plans.
 */
export function formFromStoredDraft(content: unknown): PlanForm {
  const form = content as Record<string, unknown>;
  const legacy = form.operatingCountries;
  if (typeof legacy === 'string') {
    const codes = legacy.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(isCode);
    return formFromPlan({ ...form, harmCountries: [...new Set(codes)], operatingCountries: [], countriesNeedReview: codes.length > 0 } as unknown as DraftLike);
  }
  return formFromPlan(form as unknown as DraftLike);
}

export function draftFromForm(form: PlanForm, id: string | undefined): PlanDraft {
  return {
    ...(id && { id }),
    title: form.title.trim(),
    objective: form.objective,
    companyId: form.companyId || null,
    harmCountries: form.harmCountries,
    operatingCountries: form.operatingCountries,
    entityCountries: form.entityCountries,
    countriesNeedReview: form.countriesNeedReview,
    risk: form.risk,
    context: form.context,
    engagementIds: form.engagementIds,
    partners: form.partners.filter((p) => p.name.trim()),
    steps: form.steps.map((s) => ({
      ...s,
      startDate: s.startDate || null,
      targetDate: s.targetDate || null,
      triggerDate: s.triggerDate || null,
      mechanismId: s.mechanismId || null,
    })),
    principles: form.principles,
    safety: form.safety,
  };
}

export function newStep(stage: PlanStep['stage'] = 'other', title = '', mechanismId = ''): StepForm {
  return stepForm({ id: crypto.randomUUID(), stage, title, mechanismId });
}
