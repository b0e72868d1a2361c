// A full backup file: every table of the vault as rows of JSON (in parts, so no member grows
// without bound) and every BLOB as a file member named by its SHA-256, with a manifest that lists
// each part's checksum. reading checks the manifest, every checksum and every count before
// anything is loaded anywhere.
import { z } from 'zod';
import { assertChecksum, assertOnlyListed, parseMember } from './archive';
import { badFile } from './errors';
import { BACKUP_LIMITS, ROWS_PER_PART } from './limits';
import { readZip, type MemberClass } from './zip-reader';

export const BACKUP_FORMAT = 'advocacy-workbench-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const Count = z.number().int().min(0).max(100_000_000);

export const BackupManifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().min(1).max(10_000),
  createdAt: z.iso.datetime({ offset: true }),
  headHash: Sha256.nullable(),
  tables: z
    .array(
      z.strictObject({
        name: Identifier,
        columns: z.array(Identifier).min(1).max(200),
        rows: Count,
        parts: z.array(z.strictObject({ rows: z.number().int().min(1).max(ROWS_PER_PART), sha256: Sha256 })).max(50_000),
      }),
    )
    .max(200),
  blobs: z.array(z.strictObject({ sha256: Sha256, size: Count })).max(BACKUP_LIMITS.members),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** One SQLite value: text, number, null, or a reference to a file member (BLOB). */
const Cell = z.union([z.string(), z.number(), z.null(), z.strictObject({ blob: Sha256 })]);
export type Cell = z.infer<typeof Cell>;
const Part = z.array(z.array(Cell).max(200)).max(ROWS_PER_PART);

export const partMember = (table: string, index: number): string => `tables/${table}/${index + 1}.json`;
export const blobMember = (hash: string): string => `blobs/${hash}`;

function classify(name: string): MemberClass | null {
  if (name === MANIFEST || /^tables\/[a-z][a-z0-9_]{0,62}\/[1-9][0-9]{0,4}\.json$/.test(name)) return 'json';
  if (/^blobs\/[0-9a-f]{64}$/.test(name)) return 'file';
  return null;
}

export interface BackupTable {
  name: string;
  columns: string[];
  rows: Cell[][];
}

export interface ValidatedBackup {
  manifest: BackupManifest;
  tables: BackupTable[];
  blobs: Map<string, Uint8Array>;
  checksums: number;
}

/** The decrypted zip → a backup whose every part and file matched its checksum and count. */
export function readBackup(zip: Uint8Array): ValidatedBackup {
  const members = readZip('backup', zip, BACKUP_LIMITS, classify);
  const manifest = parseMember('backup', members.get(MANIFEST), BACKUP_LIMITS.jsonBytes, BackupManifest, 'its manifest');
  const listed = new Set([MANIFEST]);
  let checksums = 0;

  const blobs = new Map<string, Uint8Array>();
  for (const blob of manifest.blobs) {
    if (blobs.has(blob.sha256)) throw badFile('backup', 'exchange.blobTwice', 'its manifest lists the same file twice');
    const bytes = assertChecksum('backup', members.get(blobMember(blob.sha256)), blob.sha256, 'an attached file');
    if (bytes.length !== blob.size) throw badFile('backup', 'exchange.attachedFileSize', 'an attached file has a different size than its manifest says');
    blobs.set(blob.sha256, bytes);
    listed.add(blobMember(blob.sha256));
    checksums++;
  }

  const tables: BackupTable[] = [];
  const seen = new Set<string>();
  for (const table of manifest.tables) {
    if (seen.has(table.name)) throw badFile('backup', 'exchange.tableTwice', 'its manifest lists a table twice');
    seen.add(table.name);
    if (new Set(table.columns).size !== table.columns.length) throw badFile('backup', 'exchange.columnTwice', 'its manifest lists a column twice');
    const rows: Cell[][] = [];
    table.parts.forEach((part, index) => {
      const name = partMember(table.name, index);
      listed.add(name);
      const bytes = assertChecksum('backup', members.get(name), part.sha256, 'a part of its records');
      const parsed = parseMember('backup', bytes, BACKUP_LIMITS.jsonBytes, Part, 'a part of its records');
      if (parsed.length !== part.rows) throw badFile('backup', 'exchange.partRowCount', 'a part of its records holds a different number of rows than its manifest says');
      for (const row of parsed) {
        if (row.length !== table.columns.length) throw badFile('backup', 'exchange.recordColumnCount', 'a record has a different number of values than its table has columns');
        for (const cell of row) {
          if (cell !== null && typeof cell === 'object' && !blobs.has(cell.blob)) throw badFile('backup', 'exchange.recordFileMissing', 'a record refers to a file the backup does not hold');
        }
        rows.push(row);
      }
      checksums++;
    });
    if (rows.length !== table.rows) throw badFile('backup', 'exchange.tableRowCount', 'a table holds a different number of rows than its manifest says');
    tables.push({ name: table.name, columns: table.columns, rows });
  }
  assertOnlyListed('backup', members, listed);
  return { manifest, tables, blobs, checksums };
}
