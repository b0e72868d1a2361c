// Reads every table of the open vault into a backup archive, in one read transaction so the copy
// is a consistent snapshot. FTS5's shadow tables are skipped, and so is a contentless search
// table (it holds no text to copy): a restore rebuilds that index from the records themselves.
// The tables of counts are left out too: the restore's triggers count the rows as they go in.
import { COUNT_TABLES } from '../vault/migrations/015-tallies';
import type { VaultDatabase } from '../vault/open';
import type { ArchiveWriter } from './archive';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, blobMember, MANIFEST, partMember, type BackupManifest, type Cell } from './backup-format';
import { sha256 } from './archive';
import { PART_SOFT_BYTES, ROWS_PER_PART } from './limits';

interface TableListRow {
  schema: string;
  name: string;
  type: string;
  wr: number;
}

/** The tables a backup copies: ordinary and virtual ones, never SQLite's own, FTS5 shadows, contentless indexes or counts. */
export function copiedTables(db: VaultDatabase): Array<{ name: string; virtual: boolean; withoutRowid: boolean; columns: string[] }> {
  const list = db.pragma('table_list') as TableListRow[];
  const contentless = new Set(
    (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as Array<{ name: string; sql: string }>)
      .filter((t) => /\bcontent\s*=\s*''/i.test(t.sql))
      .map((t) => t.name),
  );
  return list
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual') && !t.name.startsWith('sqlite_') && !contentless.has(t.name) && !COUNT_TABLES.includes(t.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => {
      const info = db.pragma(`table_info("${t.name}")`) as Array<{ name: string }>;
      const columns = info.map((c) => c.name);
      // A virtual table's rowid is data (other tables point at it); an ordinary table's is not.
      return { name: t.name, virtual: t.type === 'virtual', withoutRowid: t.wr === 1, columns: t.type === 'virtual' ? ['rowid', ...columns] : columns };
    });
}

export function dumpVault(db: VaultDatabase, writer: ArchiveWriter, createdAt: string): BackupManifest {
  return db.transaction(() => {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      createdAt,
      headHash: headHash(db),
      tables: [],
      blobs: [],
    };
    for (const table of copiedTables(db)) {
      const entry: BackupManifest['tables'][number] = { name: table.name, columns: table.columns, rows: 0, parts: [] };
      const order = table.withoutRowid ? '' : ' ORDER BY rowid';
      const select = db.prepare(`SELECT ${table.columns.map((c) => `"${c}"`).join(', ')} FROM "${table.name}"${order}`).raw();
      let part: Cell[][] = [];
      let partBytes = 0;
      const flush = () => {
        if (part.length === 0) return;
        entry.parts.push({ rows: part.length, sha256: writer.json(partMember(table.name, entry.parts.length), part) });
        entry.rows += part.length;
        part = [];
        partBytes = 0;
      };
      for (const values of select.iterate() as Iterable<unknown[]>) {
        const row = values.map((value) => toCell(value, writer, manifest));
        part.push(row);
        partBytes += rowBytes(row);
        if (part.length >= ROWS_PER_PART || partBytes >= PART_SOFT_BYTES) flush();
      }
      flush();
      manifest.tables.push(entry);
    }
    writer.json(MANIFEST, manifest);
    return manifest;
  })();
}

function toCell(value: unknown, writer: ArchiveWriter, manifest: BackupManifest): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) {
    const hash = sha256(value);
    if (!writer.has(blobMember(hash))) {
      writer.file(blobMember(hash), value);
      manifest.blobs.push({ sha256: hash, size: value.length });
    }
    return { blob: hash };
  }
  throw new TypeError('Unexpected SQLite value type.');
}

function rowBytes(row: Cell[]): number {
  let bytes = 0;
  for (const cell of row) bytes += typeof cell === 'string' ? cell.length * 3 : 24;
  return bytes;
}

function headHash(db: VaultDatabase): string | null {
  const hasRevisions = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'").get();
  if (!hasRevisions) return null;
  const row = db.prepare('SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return row?.hash ?? null;
}
