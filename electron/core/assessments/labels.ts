// The words reports and packages use for the assessment's coded values, in the report's language
// (resources/export-labels/<language>.json); without a language, English.
import type {
  CITATION_CHOICES,
  CONSENT_STATUSES,
  CORROBORATION_STATUSES,
  HARM_CATEGORIES,
  INVOLVEMENTS,
  SeverityCriterion,
  SeverityRating,
  SOURCE_TYPES,
} from '@shared/api/assessments';
import { deriveSeverity } from '@shared/domain/severity';
import { exportLabels, type LabelKey, type Labels } from '../exports/labels';

const ENGLISH = exportLabels('en');

/** A coded value's words: the key is built from the value, so every value has an entry in every label file. */
const coded =
  <T extends string>(prefix: string) =>
  (value: T, l: Labels = ENGLISH): string =>
    l(`${prefix}.${value}` as LabelKey);

export const harmLabel = coded<(typeof HARM_CATEGORIES)[number]>('report.harm');
export const involvementLabel = coded<(typeof INVOLVEMENTS)[number]>('report.involvement');
export const sourceTypeLabel = coded<(typeof SOURCE_TYPES)[number]>('report.sourceType');
export const corroborationLabel = coded<(typeof CORROBORATION_STATUSES)[number]>('report.corroboration');
export const consentLabel = coded<(typeof CONSENT_STATUSES)[number]>('report.consent');
export const citationLabel = coded<(typeof CITATION_CHOICES)[number]>('report.citation');

/** "High (scale: serious; scope: a group or community; irremediability: hard to remedy)", never a guess. */
export function severityText(rating: SeverityRating, nature: 'actual' | 'potential', l: Labels = ENGLISH): string {
  const derived = deriveSeverity(rating, nature);
  const criterion = (c: SeverityCriterion) => l(`report.criterion.${c}` as LabelKey);
  const criteria = (['scale', 'scope', 'irremediability', ...(nature === 'potential' ? (['likelihood'] as const) : [])] as const)
    .filter((c) => rating[c] !== 'not-assessed')
    .map((c) => l('report.severity.criterion', { criterion: criterion(c), value: l(`report.criterion.${c}.${rating[c]}` as LabelKey) }))
    .join('; ');
  switch (derived.status) {
    case 'rated':
      return l('report.severity.rated', { level: l(`report.severity.${derived.level}`), criteria });
    case 'rated-before-criteria':
      return l('report.severity.ratedBeforeCriteria', { level: l(`report.severity.${derived.level}`) });
    case 'partly-assessed':
      return l('report.severity.partly', { criteria, missing: derived.missing.map(criterion).join(', ') });
    default:
      return l('report.severity.notAssessed');
  }
}
