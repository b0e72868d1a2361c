// The texts each kind of record gives the search index, read back from the record's own document:
// the index keeps no copy of them (a contentless FTS5 table), so snippets for the rows shown and a
// rebuild after a restore both come from here. Each entry must index exactly what the kind's
// service passes to index.put(), or snippets and rebuilt rankings drift from what a save wrote.
import type { EntityKind } from '../records/revisions';
import { createRecordIndex, type IndexedRecord, type RecordIndex, type RecordTexts } from '../records/search-index';
import { findAssessment, liveAssessments } from '../assessments/repository';
import { assessmentText } from '../assessments/service';
import type { Engagement } from '@shared/api/diary';
import { companyNames, findCompany, findEngagement, liveCompanies, liveEngagements } from '../diary/repository';
import { companyText, engagementText, engagementTitle } from '../diary/service';
import { findNote, liveNotes } from '../notes/repository';
import { noteText } from '../notes/service';
import { findPackage, findPlan, livePackages, livePlans } from '../plans/repository';
import { packageText } from '../plans/package-service';
import { planText } from '../plans/plan-service';
import { findSubmission, liveSubmissions } from '../submissions/repository';
import { submissionText } from '../submissions/service';
import type { VaultDatabase } from '../vault/open';

export interface TextSource {
  entity: EntityKind;
  one(db: VaultDatabase, id: string): IndexedRecord | null;
  all(db: VaultDatabase): Iterable<IndexedRecord>;
}

/**
 * A kind whose record is found by id and listed whole, indexed by `indexed`. A rebuild writes while
 * it lists, so a list that holds its statement open (not `batched`) is read whole first; only the
 * diary's lists, which read in batches, can be large.
 */
function source<T>(
  entity: EntityKind,
  find: (db: VaultDatabase, id: string) => T | undefined,
  list: (db: VaultDatabase) => Iterable<T>,
  indexed: (db: VaultDatabase, record: T) => IndexedRecord | null,
  batched = false,
): TextSource {
  return {
    entity,
    one: (db, id) => {
      const record = find(db, id);
      return record === undefined ? null : indexed(db, record);
    },
    *all(db) {
      for (const record of batched ? list(db) : [...list(db)]) {
        const entry = indexed(db, record);
        if (entry) yield entry;
      }
    },
  };
}

function engagementEntry(e: Engagement, name: string): IndexedRecord {
  return { entity: 'engagement', id: e.id, title: engagementTitle(e, name), texts: engagementText(e, name), at: e.occurredAt };
}

const engagements: TextSource = {
  entity: 'engagement',
  one(db, id) {
    const e = findEngagement(db, id);
    return e ? engagementEntry(e, findCompany(db, e.companyId)?.name ?? '') : null;
  },
  *all(db) {
    const names = companyNames(db);
    for (const e of liveEngagements(db)) yield engagementEntry(e, names.get(e.companyId) ?? '');
  },
};

export const TEXT_SOURCES: readonly TextSource[] = [
  source('company', findCompany, liveCompanies, (_db, c) => ({ entity: 'company', id: c.id, title: c.name, texts: companyText(c), at: null }), true),
  engagements,
  source('plan', findPlan, livePlans, (_db, p) => ({ entity: 'plan', id: p.id, title: p.title, texts: planText(p), at: p.updatedAt })),
  source('package', findPackage, livePackages, (_db, p) => ({ entity: 'package', id: p.id, title: p.title, texts: packageText(p), at: p.updatedAt })),
  // Examples stay out of record search, as the assessment service keeps them out on save.
  source('assessment', findAssessment, liveAssessments, (_db, a) => (a.example ? null : { entity: 'assessment', id: a.id, title: a.title, texts: assessmentText(a), at: a.updatedAt })),
  source('note', findNote, liveNotes, (_db, n) => ({ entity: 'note', id: n.id, title: n.title, texts: noteText(n), at: n.updatedAt }), true),
  source('submission', findSubmission, liveSubmissions, (_db, s) => ({ entity: 'submission', id: s.id, title: s.title, texts: submissionText(s), at: s.updatedAt }), true),
];

export function recordTexts(sources: readonly TextSource[]): RecordTexts {
  const byEntity = new Map(sources.map((s) => [s.entity, s]));
  return {
    one: (db, entity, id) => byEntity.get(entity)?.one(db, id) ?? null,
    *all(db) {
      for (const s of sources) yield* s.all(db);
    },
  };
}

/** The app's record index, over every kind above. */
export const recordIndex: RecordIndex = createRecordIndex(recordTexts(TEXT_SOURCES));
