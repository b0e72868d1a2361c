import { currentRecord } from '../../assessments/legacy-shape';
import { canonicalJson } from '../../records/canonical';
import { GENESIS_HASH, revisionHash } from '../../records/revisions';
import type { Migration } from './types';

/**
 * Assessments in the shape with severity criteria, company involvement, consent per use, typed and
 * corroborated sources, the steps before publication and recorded uses (see assessments/legacy-shape).
 * Each record whose document changes is rewritten together with a new revision appended to the chain,
 * so old revisions are never edited, the chain still verifies and the history shows the upgrade.
 * The revision is written with this step's own SQL, for the revisions table as it is at version 11:
 * later steps change how records/revisions.ts stores revisions, and a step never changes once released.
 */
export const assessmentCriteria: Migration = {
  version: 11,
  description: 'CLARITI assessments with severity criteria, consent per use, typed sources and the right of reply',
  up(db) {
    const rows = db.prepare('SELECT id, doc FROM assessments ORDER BY created_at, id').all() as Array<{ id: string; doc: string }>;
    const update = db.prepare('UPDATE assessments SET doc = ? WHERE id = ?');
    const head = db.prepare('SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1');
    const lastVersion = db.prepare("SELECT max(version) AS v FROM revisions WHERE entity = 'assessment' AND entity_id = ?");
    const insert = db.prepare("INSERT INTO revisions (entity, entity_id, version, at, content, prev_hash, hash) VALUES ('assessment', ?, ?, ?, ?, ?, ?)");
    const at = new Date().toISOString();
    for (const row of rows) {
      const doc = canonicalJson(currentRecord(JSON.parse(row.doc)));
      if (doc === row.doc) continue;
      update.run(doc, row.id);
      const prevHash = (head.get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
      const version = ((lastVersion.get(row.id) as { v: number | null }).v ?? 0) + 1;
      insert.run(row.id, version, at, doc, prevHash, revisionHash(prevHash, 'assessment', row.id, version, at, doc));
    }
  },
};
