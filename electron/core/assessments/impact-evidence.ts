// CLARITI impacts as evidence for packages ('impact' links). An impact lives inside its
// assessment, so it is pinned to a revision of the assessment: the latest revision in which the
// impact itself changed. Editing other parts of the assessment (the report, phase 8) therefore
// does not make a package's citation of the impact "changed since linked"; editing the impact does.
// Revisions are compared in the current shape, so the upgrade that added severity criteria and typed
// sources (migration 11) does not count as a change to any impact.
import type { AssessmentRecord } from '@shared/api/assessments';
import type { EvidenceResolver } from '../plans/evidence';
import { canonicalJson } from '../records/canonical';
import { listRevisions } from '../records/revisions';
import { currentImpact } from './legacy-shape';
import { assessmentIdOfImpact, findAssessment } from './repository';

export const impactEvidence: EvidenceResolver = (db, id) => {
  const assessmentId = assessmentIdOfImpact(db, id);
  const record = assessmentId ? findAssessment(db, assessmentId) : undefined;
  const impact = record?.impacts.find((item) => item.id === id);
  if (!assessmentId || !record || !impact) return null;

  let currentHash: string | null = null;
  let previous: string | undefined;
  const present = new Set<string>();
  for (const revision of listRevisions(db, 'assessment', assessmentId)) {
    const content = revision.content as AssessmentRecord | null;
    const found = content?.impacts.find((item) => item.id === id);
    const json = found ? canonicalJson(currentImpact(found)) : undefined;
    if (json !== undefined) {
      present.add(revision.hash);
      if (json !== previous) currentHash = revision.hash;
    }
    previous = json;
  }
  if (!currentHash) return null;
  return {
    label: `${impact.title || 'Untitled impact'} — ${record.title}${record.example ? ' (example)' : ''}`,
    currentHash,
    knows: (pinned) => present.has(pinned),
  };
};
