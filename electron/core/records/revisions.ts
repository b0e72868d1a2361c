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

/**
 * Re-walks the whole chain, then checks that every live record still equals its latest revision
 * (a record edited behind the app's back no longer matches) and every record has one.
 * currentRecords yields each live record as the app would revise it.
 */
export function verifyChain(db: VaultDatabase, currentRecords: () => Iterable<{ entity: EntityKind; id: string; record: unknown }>): IntegrityReport {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const latest = new Map<string, RevisionRow>();
  for (const row of db.prepare('SELECT * FROM revisions ORDER BY seq').iterate() as Iterable<RevisionRow>) {
    const expected = revisionHash(prevHash, row.entity, row.entity_id, row.version, row.at, row.content);
    if (row.prev_hash !== prevHash || row.hash !== expected) {
      return broken(checked, row.seq, row.entity, row.entity_id, 'This revision was changed, removed or reordered after it was written.');
    }
    const key = `${row.entity}:${row.entity_id}`;
    const previous = latest.get(key);
    if (previous && row.version !== previous.version + 1) {
      return broken(checked, row.seq, row.entity, row.entity_id, 'A revision of this record is missing.');
    }
    latest.set(key, row);
    prevHash = row.hash;
    checked++;
  }

  for (const { entity, id, record } of currentRecords()) {
    const row = latest.get(`${entity}:${id}`);
    if (!row || row.content === null) return broken(checked, -1, entity, id, 'This record has no revision: it was added outside the app.');
    if (row.content !== canonicalJson(record)) {
      return broken(checked, row.seq, entity, id, 'This record differs from its last revision: it was changed outside the app.');
    }
    latest.delete(`${entity}:${id}`);
  }
  for (const row of latest.values()) {
    if (row.content !== null) return broken(checked, row.seq, row.entity, row.entity_id, 'This record was removed outside the app without a tombstone.');
  }
  return { ok: true, checked, firstBroken: null, headHash: checked === 0 ? null : prevHash };
}

function broken(checked: number, seq: number, entity: EntityKind, entityId: string, reason: string): IntegrityReport {
  return { ok: false, checked, firstBroken: { seq, entity, entityId, reason }, headHash: null };
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
