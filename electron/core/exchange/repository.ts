// The only place the SQL of imported-bundle provenance and received files lives.
import crypto from 'node:crypto';
import type { EntityKind } from '../records/revisions';
import type { VaultDatabase } from '../vault/open';

export interface ProvenanceRow {
  bundleId: string;
  organisation: string;
  sentAt: string;
  importedAt: string;
}

/**
 * Records one import and returns the key its records and files are filed under: the bundle id
 * the file gives, unless an earlier import from another sender (or another date) holds that id.
 * Then this file gets a key of its own, so a reused bundle id never lends it another sender's
 * name, and never moves the earlier records to this sender.
 */
export function insertImport(db: VaultDatabase, row: ProvenanceRow): string {
  const held = db.prepare('SELECT organisation, sent_at AS sentAt FROM exchange_imports WHERE bundle_id = ?').get(row.bundleId) as
    | { organisation: string; sentAt: string }
    | undefined;
  if (held?.organisation === row.organisation && held.sentAt === row.sentAt) return row.bundleId;
  const key = held ? crypto.randomUUID() : row.bundleId;
  db.prepare('INSERT INTO exchange_imports (bundle_id, organisation, sent_at, imported_at) VALUES (?, ?, ?, ?)').run(key, row.organisation, row.sentAt, row.importedAt);
  return key;
}

export function insertProvenance(db: VaultDatabase, entity: EntityKind, entityId: string, importKey: string, sourceId: string, contentSha256: string): void {
  db.prepare('INSERT INTO exchange_provenance (entity, entity_id, bundle_id, source_id, content_sha256) VALUES (?, ?, ?, ?, ?)').run(
    entity,
    entityId,
    importKey,
    sourceId,
    contentSha256,
  );
}

/** Ids of records imported earlier with this exact content (live or deleted since; callers check). */
export function importedWithContent(db: VaultDatabase, entity: EntityKind, contentSha256: string): string[] {
  const rows = db.prepare('SELECT entity_id AS id FROM exchange_provenance WHERE entity = ? AND content_sha256 = ?').all(entity, contentSha256) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

export function findProvenance(db: VaultDatabase, entity: EntityKind, entityId: string): ProvenanceRow | undefined {
  return db
    .prepare(
      `SELECT i.bundle_id AS bundleId, i.organisation, i.sent_at AS sentAt, i.imported_at AS importedAt
         FROM exchange_provenance p JOIN exchange_imports i ON i.bundle_id = p.bundle_id
        WHERE p.entity = ? AND p.entity_id = ?`,
    )
    .get(entity, entityId) as ProvenanceRow | undefined;
}

export function hasFile(db: VaultDatabase, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM exchange_files WHERE sha256 = ?').get(sha256) !== undefined;
}

export function insertFile(db: VaultDatabase, file: { sha256: string; name: string; type: string; data: Uint8Array }, importKey: string): void {
  db.prepare('INSERT OR IGNORE INTO exchange_files (sha256, name, type, size, bundle_id, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    file.sha256,
    file.name,
    file.type,
    file.data.length,
    importKey,
    Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
  );
}

export function fileMeta(db: VaultDatabase, sha256: string): { sha256: string; name: string; type: string; size: number } | undefined {
  return db.prepare('SELECT sha256, name, type, size FROM exchange_files WHERE sha256 = ?').get(sha256) as
    | { sha256: string; name: string; type: string; size: number }
    | undefined;
}

export function readFile(db: VaultDatabase, sha256: string): { name: string; type: string; data: Buffer } | undefined {
  return db.prepare('SELECT name, type, data FROM exchange_files WHERE sha256 = ?').get(sha256) as { name: string; type: string; data: Buffer } | undefined;
}
