// The operating-context checklist from the toolkit's safe-engagement guidance (the CSO Guidelines
// for Engagement with ICT Companies, and principle 04 "Prioritise Safety"), saved with an
// engagement or a plan. `guidance` keeps to the toolkit's own words; anything the app adds is kept
// apart in `appAdvice` and shown as the app's, never as the toolkit's.
import { z } from 'zod';

export const SAFETY_CHECKS = [
  {
    id: 'context',
    label: 'Analyse the operating context',
    guidance: 'Analysing the conflict context is part of meaningful preparation before any engagement begins.',
  },
  {
    id: 'objectives',
    label: 'Clarify objectives and principles',
    guidance: 'Clarify your objectives and principles. The guiding principle throughout must be do no harm — to your organisation, your partners, and the communities whose experiences you represent.',
  },
  {
    id: 'risks',
    label: 'Assess security and data-protection risks',
    guidance: 'Assess security and data-protection risks. Use secure communications.',
  },
  {
    id: 'messages',
    label: 'Prepare clear messages',
    guidance: 'Develop clear messages before any engagement begins.',
  },
  {
    id: 'reprisals-before',
    label: 'Plan for reprisals before engaging',
    guidance: 'Assess risks before engagement. Consider what reprisals are possible and plan mitigation measures in advance.',
  },
  {
    id: 'reprisals-after',
    label: 'Review risks and reprisals after engaging',
    guidance: 'Assess risks before and after engagement.',
    appAdvice: 'Keep the mitigation measures you planned in place after the engagement, and note here anything that changed.',
  },
] as const;

export type SafetyCheckId = (typeof SAFETY_CHECKS)[number]['id'];

export const SafetyCheck = z.object({
  id: z.enum(SAFETY_CHECKS.map((check) => check.id) as [SafetyCheckId, ...SafetyCheckId[]]),
  done: z.boolean().default(false),
  note: z.string().trim().max(4000).default(''),
});
export type SafetyCheck = z.infer<typeof SafetyCheck>;

export const SafetyChecklist = z.array(SafetyCheck).max(SAFETY_CHECKS.length).default([]);

/** The full list in checklist order, with saved answers where there are some. */
export function completeChecklist(saved: readonly SafetyCheck[]): SafetyCheck[] {
  return SAFETY_CHECKS.map((check) => saved.find((item) => item.id === check.id) ?? { id: check.id, done: false, note: '' });
}
