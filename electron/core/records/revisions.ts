// Every save of a record appends a revision to one hash chain per vault: the hash of a revision
// covers the previous hash, so changing, removing or reordering any past revision breaks every
// hash after it. A deleted record leaves a tombstone (content null) so the chain still verifies.
//
// The latest revision of a live record is usually the record's own document, byte for byte: it is
// then stored once, in the record's table, and the revision row says so (in_doc = 1, content null).
// Triggers on each record table (migration 012) copy the document into the revision before the
// document changes or goes, so what every revision hashed is always readable and the chain and its
// verification are unchanged: a revision's content is still the canonical JSON the hash covers.
import crypto from 'node:crypto';
import type { IntegrityReport, Revision } from '@shared/api/diary';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from '../vault/open';
import { canonicalJson } from './canonical';

export type EntityKind = Revision['entity'];

export const GENESIS_HASH = '0'.repeat(64);

interface RevisionRow {
  seq: number;
  entity: EntityKind;
  entity_id: string;
  version: number;
  at: string;
  content: string | null;
  /** 1 when the content is the record's current document (see DOCUMENT_TABLES); absent before version 12. */
  in_doc?: number;
  prev_hash: string;
  hash: string;
}

/**
 * The table holding each kind's document (id, doc), for revisions that refer to it. A revision
 * refers to a document only where that table has the triggers that keep revisions whole (created
 * by migration 012 for the tables it knew, named <table>_keeps_revision_on_*); every other kind keeps
 * each revision's content in the revision itself, which is always valid.
 */
export const DOCUMENT_TABLES: Partial<Record<EntityKind, string>> = {
  company: 'companies',
  engagement: 'engagements',
  plan: 'plans',
  package: 'evidence_packages',
  assessment: 'assessments',
  note: 'notes',
  submission: 'submissions',
};

/** Per connection, the statement reading each table's document, once its triggers are known to exist. */
const documentReaders = new WeakMap<VaultDatabase, Map<string, Statement<[string], string>>>();

function documentReader(db: VaultDatabase, entity: string): Statement<[string], string> | null {
  const table = DOCUMENT_TABLES[entity as EntityKind];
  if (!table) return null;
  let readers = documentReaders.get(db);
  const known = readers?.get(table);
  if (known) return known;
  // Triggers are never dropped by the app, so a positive answer is kept; a negative one is asked
  // again (a migration may add them later on the same connection).
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(`${table}_keeps_revision_on_update`)) return null;
  // Table names come from the constant above, never from a row.
  const reader = db.prepare<[string], string>(`SELECT doc FROM "${table}" WHERE id = ?`).pluck();
  if (!readers) documentReaders.set(db, (readers = new Map()));
  readers.set(table, reader);
  return reader;
}

/** Connections known to have the in_doc column (version 12 on); columns are never removed. */
const withDocumentRefs = new WeakSet<VaultDatabase>();
function refersToDocuments(db: VaultDatabase): boolean {
  if (withDocumentRefs.has(db)) return true;
  const has = db.prepare("SELECT 1 FROM pragma_table_info('revisions') WHERE name = 'in_doc'").get() !== undefined;
  if (has) withDocumentRefs.add(db);
  return has;
}

function documentOf(db: VaultDatabase, entity: string, id: string): string | null {
  return documentReader(db, entity)?.get(id) ?? null;
}

/** What a revision hashed: its own content, or the record's document it refers to (null if that is gone). */
export function revisionContent(db: VaultDatabase, row: { entity: string; entity_id: string; content: string | null; in_doc?: number | null }): string | null {
  return row.in_doc === 1 ? documentOf(db, row.entity, row.entity_id) : row.content;
}

export function revisionHash(prevHash: string, entity: string, entityId: string, version: number, at: string, content: string | null): string {
  return crypto
    .createHash('sha256')
    .update([prevHash, entity, entityId, String(version), at, content ?? 'null'].join('\n'))
    .digest('hex');
}

/** Appends one revision; call inside the transaction that writes the record itself. */
export function appendRevision(db: VaultDatabase, entity: EntityKind, entityId: string, record: unknown, at: string): Revision {
  const head = db.prepare('SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const last = db.prepare('SELECT max(version) AS v FROM revisions WHERE entity = ? AND entity_id = ?').get(entity, entityId) as { v: number | null };
  const version = (last.v ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content = record === null ? null : canonicalJson(record);
  const hash = revisionHash(prevHash, entity, entityId, version, at, content);
  // The record was written first in this transaction: when its document is exactly this content,
  // the revision refers to it instead of holding a second copy.
  const inDoc = content !== null && documentOf(db, entity, entityId) === content;
  const { lastInsertRowid } = inDoc
    ? db
        .prepare('INSERT INTO revisions (entity, entity_id, version, at, content, in_doc, prev_hash, hash) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)')
        .run(entity, entityId, version, at, prevHash, hash)
    : db
        .prepare('INSERT INTO revisions (entity, entity_id, version, at, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(entity, entityId, version, at, content, prevHash, hash);
  return { seq: Number(lastInsertRowid), entity, entityId, version, at, deleted: content === null, content: record, hash };
}

export function listRevisions(db: VaultDatabase, entity: EntityKind, entityId: string): Revision[] {
  const rows = db.prepare('SELECT * FROM revisions WHERE entity = ? AND entity_id = ? ORDER BY version').all(entity, entityId) as RevisionRow[];
  return rows.map((row) => toRevision({ ...row, content: revisionContent(db, row) }));
}

/** The hash of a record's latest revision, for evidence appendices. */
export function latestHash(db: VaultDatabase, entity: EntityKind, entityId: string): string | null {
  const row = db.prepare('SELECT hash FROM revisions WHERE entity = ? AND entity_id = ? ORDER BY version DESC LIMIT 1').get(entity, entityId) as
    | { hash: string }
    | undefined;
  return row?.hash ?? null;
}

export type LiveRecord = { entity: EntityKind; id: string; record: unknown };

/**
 * A source of live records. `pausable` sources read in batches and hold no statement open between
 * the records they yield, so the check may give the event loop back in the middle of them (a
 * write on the connection while a statement iterates would fail).
 */
export interface LiveSource {
  records: () => Iterable<LiveRecord>;
  pausable: boolean;
}

/** How far a check has come: revisions walked, then live records compared. */
export interface VerifyProgress {
  phase: 'chain' | 'records';
  done: number;
  total: number;
}

const BATCH = 1_000;

/** A revision that is not a tombstone, in SQL: content of its own, or the document's. */
function liveRevisionSql(db: VaultDatabase): string {
  return refersToDocuments(db) ? '(r.content IS NOT NULL OR r.in_doc = 1)' : 'r.content IS NOT NULL';
}

/**
 * Re-walks the whole chain, then checks that every live record still equals its latest revision
 * (a record edited behind the app's back no longer matches) and every record has one.
 * currentRecords yields each live record as the app would revise it.
 *
 * Streaming: revisions are read in batches of 1,000 by seq and each live record's latest revision
 * is looked up by index, so memory stays flat however large the vault. The steps yield between
 * batches (see verifyChainInBackground); here they run straight through.
 */
export function verifyChain(db: VaultDatabase, currentRecords: () => Iterable<LiveRecord>): IntegrityReport {
  const steps = verifySteps(db, [{ records: currentRecords, pausable: false }]);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same check, giving the event loop back between batches (so lock, panic and typing are
 * answered while it runs) and reporting progress. A save made while it runs would look like a
 * record changed outside the app, so a check that saw the vault change starts again.
 */
export async function verifyChainInBackground(
  db: () => VaultDatabase,
  sources: (db: VaultDatabase) => LiveSource[],
  onProgress: (progress: VerifyProgress) => void,
): Promise<IntegrityReport> {
  for (let attempt = 0; ; attempt++) {
    const connection = db();
    const changesBefore = totalChanges(connection);
    const steps = verifySteps(connection, sources(connection));
    let report: IntegrityReport;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        report = step.value;
        break;
      }
      onProgress(step.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // db() throws once the vault is locked, which ends the check with the lock's error.
    if (attempt >= 2 || totalChanges(db()) === changesBefore) return report;
  }
}

function totalChanges(db: VaultDatabase): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/**
 * The check as steps: each yield is a point where no statement is open on the connection (rows
 * are read with .all(), never held in an iterator), so other calls may run in between.
 */
function* verifySteps(db: VaultDatabase, sources: LiveSource[]): Generator<VerifyProgress, IntegrityReport> {
  const currentRecords = function* () {
    for (const source of sources) yield* source.records();
  };
  const total = (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
  const batch = db.prepare('SELECT * FROM revisions WHERE seq > ? ORDER BY seq LIMIT ?');
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = batch.all(lastSeq, BATCH) as RevisionRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = revisionHash(prevHash, row.entity, row.entity_id, row.version, row.at, revisionContent(db, row));
      if (row.prev_hash !== prevHash || row.hash !== expected) {
        return broken(checked, 0, row.seq, row.entity, row.entity_id, 'changed');
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
    yield { phase: 'chain', done: checked, total };
  }

  // A version with no version before it: removed together with every hash after it recomputed.
  const gap = db
    .prepare(
      `SELECT r.seq, r.entity, r.entity_id FROM revisions r
        WHERE r.version > 1 AND NOT EXISTS (SELECT 1 FROM revisions p WHERE p.entity = r.entity AND p.entity_id = r.entity_id AND p.version = r.version - 1)
        ORDER BY r.seq LIMIT 1`,
    )
    .get() as { seq: number; entity: EntityKind; entity_id: string } | undefined;
  if (gap) return broken(checked, 0, gap.seq, gap.entity, gap.entity_id, 'gap');

  const latest = db.prepare('SELECT * FROM revisions WHERE entity = ? AND entity_id = ? ORDER BY version DESC LIMIT 1');
  let live = 0;
  for (const source of sources) {
    for (const { entity, id, record } of source.records()) {
      const row = latest.get(entity, id) as RevisionRow | undefined;
      const content = row ? revisionContent(db, row) : null;
      if (!row || (content === null && row.in_doc !== 1)) return broken(checked, live, -1, entity, id, 'noRevision');
      if (content !== canonicalJson(record)) {
        return broken(checked, live, row.seq, entity, id, 'differs');
      }
      live++;
      if (source.pausable && live % BATCH === 0) yield { phase: 'records', done: live, total: live };
    }
  }
  // Every record whose latest revision is not a tombstone must have been among the live ones.
  const expectedLive = db.prepare(
    `SELECT r.seq, r.entity, r.entity_id FROM revisions r
      WHERE ${liveRevisionSql(db)} AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = r.entity AND n.entity_id = r.entity_id AND n.version > r.version)`,
  );
  let withContent = 0;
  let first: { seq: number; entity: EntityKind; entity_id: string } | undefined;
  for (const row of expectedLive.iterate() as Iterable<{ seq: number; entity: EntityKind; entity_id: string }>) {
    withContent++;
    first ??= row;
  }
  if (withContent !== live) {
    const missing = findMissingRecord(db, currentRecords);
    const at = missing ?? first!;
    return broken(checked, live, at.seq, at.entity, at.entity_id, 'removed');
  }
  return { ok: true, checked, records: live, firstBroken: null, headHash: checked === 0 ? null : prevHash };
}

/** Only after a mismatch: the first record with a live revision but no live row (slow, rare). */
function findMissingRecord(db: VaultDatabase, currentRecords: () => Iterable<LiveRecord>): { seq: number; entity: EntityKind; entity_id: string } | undefined {
  const present = new Set<string>();
  for (const { entity, id } of currentRecords()) present.add(`${entity}:${id}`);
  const rows = db
    .prepare(
      `SELECT r.seq, r.entity, r.entity_id FROM revisions r
        WHERE ${liveRevisionSql(db)} AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = r.entity AND n.entity_id = r.entity_id AND n.version > r.version)
        ORDER BY r.seq`,
    )
    .iterate() as Iterable<{ seq: number; entity: EntityKind; entity_id: string }>;
  for (const row of rows) if (!present.has(`${row.entity}:${row.entity_id}`)) return row;
  return undefined;
}

/** What each break means, in English; `vault:integrity.reasons.<why>` says it in the user's language. */
export const BREAK_REASONS = {
  changed: 'This revision was changed, removed or reordered after it was written.',
  gap: 'A revision of this record is missing.',
  noRevision: 'This record has no revision: it was added outside the app.',
  differs: 'This record differs from its last revision: it was changed outside the app.',
  removed: 'This record was removed outside the app without a tombstone.',
} as const;

function broken(checked: number, records: number, seq: number, entity: EntityKind, entityId: string, why: keyof typeof BREAK_REASONS): IntegrityReport {
  const firstBroken = { seq, entity, entityId, reason: BREAK_REASONS[why], reasonKey: `vault:integrity.reasons.${why}` };
  return { ok: false, checked, records, firstBroken, headHash: null };
}

function toRevision(row: RevisionRow): Revision {
  return {
    seq: row.seq,
    entity: row.entity,
    entityId: row.entity_id,
    version: row.version,
    at: row.at,
    deleted: row.content === null,
    content: row.content === null ? null : (JSON.parse(row.content) as unknown),
    hash: row.hash,
  };
}
