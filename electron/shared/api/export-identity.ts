// What every export method takes about the identity check, and what the check shows before an
// export. Kept apart from the methods (exports.ts) so the plans, assessments and exchange
// contracts can take it without importing each other.
import { z } from 'zod';
import { IdentityDecision, IdentityFlag } from './identity';

/**
 * The user's decisions about flagged items, and whether they chose to export items left undecided
 * as they are (the deliberate second step of the export dialog). Without it, an export with an
 * undecided flag is refused.
 */
export const ExportIdentity = z
  .object({
    decisions: z.array(IdentityDecision).max(2000).default([]),
    acknowledge: z.boolean().default(false),
  })
  .default({ decisions: [], acknowledge: false });
export type ExportIdentity = z.input<typeof ExportIdentity>;

/** A flag as the export dialog shows it: with the decision remembered from an earlier export, if any. */
export const ReviewedFlag = IdentityFlag.extend({
  decision: IdentityDecision.nullable(),
  /** What "replace" prefills: the person's pseudonym, or "[Person A]", "[email]"… */
  suggestion: z.string(),
});
export type ReviewedFlag = z.infer<typeof ReviewedFlag>;

export const IdentityReview = z.object({
  /** One entry per place a flagged item appears, in the order of the document. */
  flags: z.array(ReviewedFlag),
  /** Distinct flagged items (by key) that have no decision yet. */
  undecided: z.number(),
});
export type IdentityReview = z.infer<typeof IdentityReview>;
