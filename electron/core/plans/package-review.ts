// A CLARITI finding's reviewer confirmation as a package finding's review status. The assessment
// counts a finding confirmed once a reviewer and a date are recorded; the package keeps the role
// and the date, never the reviewer's name, because packages leave the vault.
import type { FindingReview } from '@shared/api/plans';

export interface AssessmentReview {
  reviewer: string;
  role: string;
  confirmedOn: string | null;
}

export function reviewFromAssessment(review: AssessmentReview): FindingReview {
  const confirmed = review.reviewer.trim().length > 0 && review.confirmedOn !== null;
  if (!confirmed) return { status: 'unconfirmed', role: '', on: null, note: '', source: 'assessment' };
  return { status: 'confirmed', role: review.role.trim() || 'Reviewer (role not recorded)', on: review.confirmedOn, note: '', source: 'assessment' };
}
