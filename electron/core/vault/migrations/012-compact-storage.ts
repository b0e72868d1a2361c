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
function documentRevisionTriggers(entity: string, table: string): string {
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
 * Everything runs in the migration's one transaction. Freed pages are reused by later writes (the
 * file itself shrinks only when it is next compacted).
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

      ALTER TABLE revisions ADD COLUMN in_doc INTEGER NOT NULL DEFAULT 0;
    `);
    for (const [entity, table] of DOCUMENT_TABLES) {
      db.exec(documentRevisionTriggers(entity, table));
      referToDocuments(db, entity, table);
    }
  },
};

/** Latest revisions whose content is their record's document, byte for byte, drop their copy. */
function referToDocuments(db: VaultDatabase, entity: string, table: string): void {
  db.prepare(
    `UPDATE revisions SET content = NULL, in_doc = 1
      WHERE entity = ? AND content IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = revisions.entity AND n.entity_id = revisions.entity_id AND n.version > revisions.version)
        AND content = (SELECT doc FROM ${table} d WHERE d.id = revisions.entity_id)`,
  ).run(entity);
}
