import type { VaultDatabase } from '../open';
import type { Migration } from './types';

/** The record tables this step knew, with the entity their revisions name. */
const DOCUMENT_TABLES: ReadonlyArray<[entity: string, table: string]> = [
  ['company', 'companies'],
  ['engagement', 'engagements'],
  ['plan', 'plans'],
  ['package', 'evidence_packages'],
  ['assessment', 'assessments'],
];

/**
 * Keeps a revision whole when it refers to the document of a record in `table`: before the
 * document is replaced, changed or deleted, every revision of that record still referring to it
 * gets the old document as its own content. An upsert fires the insert trigger first; a REPLACE's
 * implicit delete fires no delete trigger, which the insert trigger covers. records/revisions.ts
 * refers to a table's documents only once its `_keeps_revision_on_update` trigger exists.
 */
export function documentRevisionTriggers(entity: string, table: string): string {
  const keep = (id: string, doc: string) => `UPDATE revisions SET content = ${doc}, in_doc = 0 WHERE entity = '${entity}' AND entity_id = ${id} AND in_doc = 1;`;
  return `
    CREATE TRIGGER ${table}_keeps_revision_on_insert BEFORE INSERT ON ${table}
      WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id)
      BEGIN ${keep('NEW.id', `(SELECT doc FROM ${table} WHERE id = NEW.id)`)} END;
    CREATE TRIGGER ${table}_keeps_revision_on_update BEFORE UPDATE OF id, doc ON ${table}
      BEGIN ${keep('OLD.id', 'OLD.doc')} END;
    CREATE TRIGGER ${table}_keeps_revision_on_delete BEFORE DELETE ON ${table}
      BEGIN ${keep('OLD.id', 'OLD.doc')} END;`;
}

/**
 * Each note was stored three times: in its record, in its latest revision and inside the search
 * index. Now:
 * - record search is a contentless FTS5 table (the index and its statistics only, deletes still
 *   possible). The index is moved over from the old table's own text, token for token, so every
 *   search finds and ranks exactly what it did; snippets are built from each record's document.
 * - the latest revision of a live record whose document is exactly its content refers to that
 *   document (in_doc = 1, content null) instead of holding a copy; the triggers above give it its
 *   content back before the document changes. Hashes, and so the chain, are untouched.
 * Everything runs in the migration's one transaction. The old tables' pages go to the free list,
 * which later writes reuse; the file itself shrinks only when it is next compacted (VACUUM).
 */
export const compactStorage: Migration = {
  version: 12,
  description: 'record search index without a copy of the text; latest revisions refer to their record',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE record_search_contentless USING fts5(
        title, body,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* M* N* Co'"
      );
      INSERT INTO record_search_contentless (rowid, title, body) SELECT rowid, title, body FROM record_search ORDER BY rowid;
      DROP TABLE record_search;
      ALTER TABLE record_search_contentless RENAME TO record_search;
    `);
    rebuildRevisions(db);
    for (const [entity, table] of DOCUMENT_TABLES) db.exec(documentRevisionTriggers(entity, table));
  },
};

/**
 * Revisions are copied into a new table, so the old one's pages go back to the free list whole
 * (emptying content in place would leave every page partly used): a latest revision whose content
 * is its record's document, byte for byte, drops its copy (in_doc = 1). Hashes are copied as they
 * are; seq, and so the chain's order, is kept.
 */
function rebuildRevisions(db: VaultDatabase): void {
  const document = `CASE r.entity ${DOCUMENT_TABLES.map(([entity, table]) => `WHEN '${entity}' THEN (SELECT doc FROM ${table} d WHERE d.id = r.entity_id)`).join(' ')} END`;
  const refers = `(r.content IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = r.entity AND n.entity_id = r.entity_id AND n.version > r.version)
      AND r.content = ${document})`;
  db.exec(`
    CREATE TABLE revisions_compact (
      seq INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      at TEXT NOT NULL,
      content TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      in_doc INTEGER NOT NULL DEFAULT 0,
      UNIQUE (entity, entity_id, version)
    ) STRICT;
    INSERT INTO revisions_compact (seq, entity, entity_id, version, at, content, prev_hash, hash, in_doc)
      SELECT r.seq, r.entity, r.entity_id, r.version, r.at,
             CASE WHEN ${refers} THEN NULL ELSE r.content END,
             r.prev_hash, r.hash,
             CASE WHEN ${refers} THEN 1 ELSE 0 END
        FROM revisions r ORDER BY r.seq;
    DROP TABLE revisions;
    ALTER TABLE revisions_compact RENAME TO revisions;
  `);
}
