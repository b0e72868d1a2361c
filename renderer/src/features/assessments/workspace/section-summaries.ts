// What each closed section of the assessment workspace holds, as counts for its summary line.
// Pure, so the rules (what counts as recorded or confirmed) are tested without a browser.
import { CONSENT_USES } from '@shared/api/assessments';
import type { ConsentForm, FindingForm, ReviewForm } from './form-model';

/** Confirmed as core's check reads it: a reviewer and a date. */
export const isConfirmed = (review: ReviewForm): boolean => Boolean(review.reviewer.trim()) && Boolean(review.confirmedOn);

/** The three uses and how they may be cited: each is recorded once it is no longer "not asked". */
export function consentCounts(consent: ConsentForm): { recorded: number; total: number } {
  const answers = [...CONSENT_USES.map((use) => consent[use]), consent.citation];
  return { recorded: answers.filter((answer) => answer !== 'not-asked').length, total: answers.length };
}

export function findingReviewCounts(findings: Array<Pick<FindingForm, 'review'>>): { reviewed: number; total: number } {
  return { reviewed: findings.filter((f) => isConfirmed(f.review)).length, total: findings.length };
}

/** Sources with words in them; the empty row a new element starts with is not a source. */
export const sourceCount = (sources: Array<{ text: string }>): number => sources.filter((s) => s.text.trim()).length;
