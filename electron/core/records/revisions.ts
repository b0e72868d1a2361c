// Every save of a record appends a revision to one hash chain per vault: the hash of a revision
// covers the previous hash, so changing, removing or reordering any past revision breaks every
// hash after it. A deleted record leaves a tombstone (content null) so the chain still verifies.
import crypto from 'node:crypto';
import type { IntegrityReport, Revision } from '@shared/api/diary';
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
  prev_hash: string;
  hash: string;
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
  const { lastInsertRowid } = db
    .prepare('INSERT INTO revisions (entity, entity_id, version, at, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entity, entityId, version, at, content, prevHash, hash);
  return { seq: Number(lastInsertRowid), entity, entityId, version, at, deleted: content === null, content: record, hash };
}

export function listRevisions(db: VaultDatabase, entity: EntityKind, entityId: string): Revision[] {
  const rows = db.prepare('SELECT * FROM revisions WHERE entity = ? AND entity_id = ? ORDER BY version').all(entity, entityId) as RevisionRow[];
  return rows.map(toRevision);
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
      const expected = revisionHash(prevHash, row.entity, row.entity_id, row.version, row.at, row.content);
      if (row.prev_hash !== prevHash || row.hash !== expected) {
        return broken(checked, 0, row.seq, row.entity, row.entity_id, 'This revision was changed, removed or reordered after it was written.');
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
  if (gap) return broken(checked, 0, gap.seq, gap.entity, gap.entity_id, 'A revision of this record is missing.');

  const latest = db.prepare('SELECT seq, content FROM revisions WHERE entity = ? AND entity_id = ? ORDER BY version DESC LIMIT 1');
  let live = 0;
  for (const source of sources) {
    for (const { entity, id, record } of source.records()) {
      const row = latest.get(entity, id) as { seq: number; content: string | null } | undefined;
      if (!row || row.content === null) return broken(checked, live, -1, entity, id, 'This record has no revision: it was added outside the app.');
      if (row.content !== canonicalJson(record)) {
        return broken(checked, live, row.seq, entity, id, 'This record differs from its last revision: it was changed outside the app.');
      }
      live++;
      if (source.pausable && live % BATCH === 0) yield { phase: 'records', done: live, total: live };
    }
  }
  // Every record whose latest revision is not a tombstone must have been among the live ones.
  const expectedLive = db.prepare(
    `SELECT r.seq, r.entity, r.entity_id FROM revisions r
      WHERE r.content IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = r.entity AND n.entity_id = r.entity_id AND n.version > r.version)`,
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
    return broken(checked, live, at.seq, at.entity, at.entity_id, 'This record was removed outside the app without a tombstone.');
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
        WHERE r.content IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revisions n WHERE n.entity = r.entity AND n.entity_id = r.entity_id AND n.version > r.version)
        ORDER BY r.seq`,
    )
    .iterate() as Iterable<{ seq: number; entity: EntityKind; entity_id: string }>;
  for (const row of rows) if (!present.has(`${row.entity}:${row.entity_id}`)) return row;
  return undefined;
}

function broken(checked: number, records: number, seq: number, entity: EntityKind, entityId: string, reason: string): IntegrityReport {
  return { ok: false, checked, records, firstBroken: { seq, entity, entityId, reason }, headHash: null };
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
