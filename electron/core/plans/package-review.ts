// Where a package finding's review status comes from. A CLARITI finding's reviewer confirmation
// becomes the package's: the assessment counts a finding confirmed once a reviewer and a date are
// recorded; the package keeps the role and the date, never the reviewer's name, because packages
// leave the vault. A partner's package keeps the status its sender recorded, marked as theirs.
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

/** A finding as a partner's bundle carries it: the status stays, credited to the sender. */
export const receivedReview = (review: FindingReview): FindingReview => ({ ...review, source: 'partner' });

/**
 * The review as saved: where the user changed the status, the role or the date of a stored finding,
 * the status is now theirs ('package'); otherwise it keeps where it came from.
 */
export function savedReview(review: FindingReview, stored: FindingReview | undefined): FindingReview {
  if (!stored) return review;
  const unchanged = review.status === stored.status && review.role === stored.role && review.on === stored.on;
  return { ...review, source: unchanged ? stored.source : 'package' };
}
