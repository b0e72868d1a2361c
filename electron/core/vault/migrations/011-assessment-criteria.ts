import { currentRecord } from '../../assessments/legacy-shape';
import { canonicalJson } from '../../records/canonical';
import { appendRevision } from '../../records/revisions';
import type { Migration } from './types';

/**
 * Assessments in the shape with severity criteria, company involvement, consent per use, typed and
 * corroborated sources, the steps before publication and recorded uses (see assessments/legacy-shape).
 * Each record whose document changes is rewritten together with a new revision appended to the chain,
 * so old revisions are never edited, the chain still verifies and the history shows the upgrade.
 */
export const assessmentCriteria: Migration = {
  version: 11,
  description: 'CLARITI assessments with severity criteria, consent per use, typed sources and the right of reply',
  up(db) {
    const rows = db.prepare('SELECT id, doc FROM assessments ORDER BY created_at, id').all() as Array<{ id: string; doc: string }>;
    const update = db.prepare('UPDATE assessments SET doc = ? WHERE id = ?');
    const at = new Date().toISOString();
    for (const row of rows) {
      const record = currentRecord(JSON.parse(row.doc));
      const doc = canonicalJson(record);
      if (doc === row.doc) continue;
      update.run(doc, row.id);
      appendRevision(db, 'assessment', row.id, record, at);
    }
  },
};
