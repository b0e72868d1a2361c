// The record a draft starts from, looked up in this vault.
import type { SubmissionSource } from '@shared/api/submissions';
import { findAssessment } from '../assessments/repository';
import { findPackage, findPlan } from '../plans/repository';
import type { VaultDatabase } from '../vault/open';

export function sourceExists(db: VaultDatabase, source: NonNullable<SubmissionSource>): boolean {
  switch (source.kind) {
    case 'planStep':
      return findPlan(db, source.planId)?.steps.some((s) => s.id === source.stepId) ?? false;
    case 'package':
      return findPackage(db, source.id) !== undefined;
    case 'assessment':
      return findAssessment(db, source.id) !== undefined;
  }
}
