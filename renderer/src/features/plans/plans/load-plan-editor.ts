import type { CompanySummary } from '@shared/api/diary';
import type { MechanismSummary } from '@shared/api/kb';
import type { Plan } from '@shared/api/plans';
import { api } from '../../../api/client';
import { userLocale } from '../../../i18n/locale-format';
import type { PickerOption } from '../../../components/RecordPicker';
import { linkedEngagementLabels } from '../../../components/engagement-search';
import { formFromPlan, formFromStoredDraft, type PlanForm } from './plan-form';

export interface PlanEditorData {
  plan: Plan | null;
  form: PlanForm;
  restoredAt: string | null;
  companies: CompanySummary[];
  /** Labels of the diary entries the plan links (plan-wide and per step); the pickers find the rest. */
  engagementLabels: ReadonlyMap<string, PickerOption>;
  mechanisms: MechanismSummary[];
}

export const planDraftKey = (id: string | undefined) => `plan:${id ?? 'new'}`;

/**
 * Everything the editor shows before it renders: the saved plan (or a new one from a template),
 * any newer unsaved draft of it, and the lists its selects choose from.
 */
export async function loadPlanEditor(id: string | undefined, templateId: string | null, companyId: string | null): Promise<PlanEditorData> {
  const client = api();
  const plan = id ? await client.call('plans.get', { id }) : null;
  const draft = await client.call('drafts.get', { key: planDraftKey(id) });
  const base = plan
    ? formFromPlan(plan)
    : formFromPlan(
        templateId
          ? await client.call('plans.fromTemplate', { templateId, companyId, locale: userLocale() })
          : { ...(await client.call('plans.fromTemplate', { templateId: 'full-ladder', companyId })), title: '', steps: [] },
      );
  // A draft of a new plan is only restored when the user did not just pick a template.
  const useDraft = draft && (plan ? draft.savedAt > plan.updatedAt : !templateId);
  const form = useDraft ? formFromStoredDraft(draft.content) : base;
  const linked = [...form.engagementIds, ...form.steps.flatMap((step) => step.engagementIds)];
  const [companies, engagementLabels, mechanisms] = await Promise.all([
    client.call('companies.list', null),
    linkedEngagementLabels(linked),
    client.call('kb.mechanisms.list', null),
  ]);
  return { plan, form, restoredAt: useDraft ? draft.savedAt : null, companies, engagementLabels, mechanisms };
}
