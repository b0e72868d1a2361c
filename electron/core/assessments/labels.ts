// The English words reports and packages use for the assessment's coded values.
import type {
  CITATION_CHOICES,
  CONSENT_STATUSES,
  CORROBORATION_STATUSES,
  HARM_CATEGORIES,
  INVOLVEMENTS,
  SEVERITIES,
  SEVERITY_CRITERIA,
  SeverityCriterion,
  SeverityRating,
  SOURCE_TYPES,
} from '@shared/api/assessments';
import { deriveSeverity } from '@shared/domain/severity';

export const HARM_LABELS: Record<(typeof HARM_CATEGORIES)[number], string> = {
  'data-disclosure-to-authorities': 'Disclosure of user data to the authorities',
  surveillance: 'Surveillance',
  'data-breach-doxxing': 'Data breach or doxxing',
  'shutdown-throttling-geoblocking': 'Shutdown, throttling or geo-blocking on government order',
  'discriminatory-algorithms-ads': 'Discriminatory algorithms or ads',
  'failure-to-act-incitement-gbv': 'Failure to act on incitement or gender-based violence',
  'no-effective-remedy': 'No effective appeal or remedy',
  'wrongful-removal': 'Wrongful content removal',
  'account-restriction': 'Account restriction or suspension',
  'reduced-visibility': 'Reduced visibility or shadow banning',
  'state-propaganda': 'Amplification of state propaganda',
  impersonation: 'Impersonation',
  harassment: 'Harassment',
  phishing: 'Phishing',
  'verification-abuse': 'Abuse of the verification system',
  'automated-moderation': 'Over-reliance on automated moderation',
  other: 'Other harm',
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

type CriterionValues = { [C in SeverityCriterion]: Record<(typeof SEVERITY_CRITERIA)[C][number], string> };
export const CRITERION_LABELS: CriterionValues = {
  scale: { 'not-assessed': 'not assessed', minor: 'minor', moderate: 'moderate', serious: 'serious', grave: 'grave' },
  scope: { 'not-assessed': 'not assessed', few: 'a few people', group: 'a group or community', many: 'many people', widespread: 'very many people, across a country or region' },
  irremediability: {
    'not-assessed': 'not assessed',
    remediable: 'remediable',
    'remediable-with-effort': 'remediable with effort',
    'hard-to-remedy': 'hard to remedy',
    irremediable: 'irremediable',
  },
  likelihood: { 'not-assessed': 'not assessed', unlikely: 'unlikely', possible: 'possible', likely: 'likely', 'almost-certain': 'almost certain' },
};

export const INVOLVEMENT_LABELS: Record<(typeof INVOLVEMENTS)[number], string> = {
  'not-assessed': 'not assessed',
  causes: 'the company causes it',
  contributes: 'the company contributes to it',
  'directly-linked': 'directly linked to the company’s products, services or business relationships',
};

export const SOURCE_TYPE_LABELS: Record<(typeof SOURCE_TYPES)[number], string> = {
  'first-hand': 'first-hand',
  'second-hand': 'second-hand',
  document: 'document',
  'platform-data': 'platform data',
  'not-recorded': 'type not recorded',
};

export const CORROBORATION_LABELS: Record<(typeof CORROBORATION_STATUSES)[number], string> = {
  'not-assessed': 'not assessed',
  corroborated: 'corroborated',
  'single-source': 'one source',
};

export const CONSENT_LABELS: Record<(typeof CONSENT_STATUSES)[number], string> = {
  'not-asked': 'not asked',
  given: 'given',
  'given-with-conditions': 'given with conditions',
  refused: 'refused',
  withdrawn: 'withdrawn',
};

export const CITATION_LABELS: Record<(typeof CITATION_CHOICES)[number], string> = {
  'not-asked': 'not asked',
  anonymous: 'anonymous only',
  named: 'by name',
  refused: 'not to be cited',
};

/** "High (scale: serious; scope: a group or community; irremediability: hard to remedy)", never a guess. */
export function severityText(rating: SeverityRating, nature: 'actual' | 'potential'): string {
  const derived = deriveSeverity(rating, nature);
  const rated = (['scale', 'scope', 'irremediability', ...(nature === 'potential' ? (['likelihood'] as const) : [])] as const)
    .filter((c) => rating[c] !== 'not-assessed')
    .map((c) => `${c}: ${(CRITERION_LABELS[c] as Record<string, string>)[rating[c]]}`);
  switch (derived.status) {
    case 'rated':
      return `${SEVERITY_LABELS[derived.level]} (${rated.join('; ')})`;
    case 'rated-before-criteria':
      return `${SEVERITY_LABELS[derived.level]}, rated before scale, scope and irremediability were recorded`;
    case 'partly-assessed':
      return `partly assessed (${rated.join('; ')}; not yet rated: ${derived.missing.join(', ')})`;
    default:
      return 'not assessed';
  }
}
