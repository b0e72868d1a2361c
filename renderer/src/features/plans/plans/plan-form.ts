// The plan editor's form shape and its conversion to and from the API's plan draft. Dates stay ''
// in the form (what a date input holds) and become null for the API.
import type { Plan, PlanDraft, PlanStep, PrincipleCheck, Partner } from '@shared/api/plans';
import { completeChecklist, type SafetyCheck } from '@shared/domain/safety';

export interface StepForm extends Omit<PlanStep, 'targetDate' | 'triggerDate' | 'mechanismId'> {
  targetDate: string;
  triggerDate: string;
  mechanismId: string;
}

export interface PlanForm {
  title: string;
  objective: string;
  companyId: string;
  /** Comma-separated two-letter codes, as typed. */
  operatingCountries: string;
  context: string;
  engagementIds: string[];
  partners: Partner[];
  steps: StepForm[];
  principles: PrincipleCheck[];
  safety: SafetyCheck[];
}

type DraftLike = Pick<Plan, 'title' | 'objective' | 'companyId' | 'operatingCountries' | 'context' | 'engagementIds' | 'partners' | 'steps' | 'principles'> & {
  safety?: SafetyCheck[] | undefined;
};

export function formFromPlan(plan: DraftLike): PlanForm {
  return {
    title: plan.title,
    objective: plan.objective,
    companyId: plan.companyId ?? '',
    operatingCountries: plan.operatingCountries.join(', '),
    context: plan.context,
    engagementIds: plan.engagementIds,
    partners: plan.partners,
    steps: plan.steps.map((s) => ({ ...s, targetDate: s.targetDate ?? '', triggerDate: s.triggerDate ?? '', mechanismId: s.mechanismId ?? '' })),
    principles: plan.principles,
    safety: completeChecklist(plan.safety ?? []),
  };
}

export const countryCodes = (text: string): string[] =>
  [...new Set(text.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))];

export function draftFromForm(form: PlanForm, id: string | undefined): PlanDraft {
  return {
    ...(id && { id }),
    title: form.title.trim(),
    objective: form.objective,
    companyId: form.companyId || null,
    operatingCountries: countryCodes(form.operatingCountries),
    context: form.context,
    engagementIds: form.engagementIds,
    partners: form.partners.filter((p) => p.name.trim()),
    steps: form.steps.map((s) => ({ ...s, targetDate: s.targetDate || null, triggerDate: s.triggerDate || null, mechanismId: s.mechanismId || null })),
    principles: form.principles,
    safety: form.safety,
  };
}

export function newStep(stage: PlanStep['stage'] = 'other', title = '', mechanismId = ''): StepForm {
  return { id: crypto.randomUUID(), stage, title, mechanismId, status: 'planned', targetDate: '', trigger: '', triggerDate: '', outcome: '', engagementIds: [] };
}
