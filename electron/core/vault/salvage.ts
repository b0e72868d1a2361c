// When a vault file is damaged, the first step is to keep what can still be read, then to show it
// next to every backup so the user chooses with the facts in front of them. Nothing here writes
// to the damaged file or replaces anything: the salvaged copy is one more backup, and restoring
// it (or any other) goes through the usual confirmed restore.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo, RecoveryReport, VaultContents } from '@shared/api/vault';
import { recordIndex } from '../search/record-texts';
import { runVaultTask, type SalvageCounts } from './background';
import { backupFile, createSalvageSlot, listBackups } from './backups';
import { COUNT_TABLES, recountTallies } from './migrations/015-tallies';
import type { VaultPaths } from './layout';
import { applyKey, type VaultDatabase } from './open';

/** Tables that hold what the user thinks of as records, and what each is called in the summary. */
const COUNTED: ReadonlyArray<[keyof Omit<VaultContents, 'latestChange'>, string]> = [
  ['companies', 'companies'],
  ['engagements', 'engagements'],
  ['plans', 'plans'],
  ['packages', 'evidence_packages'],
  ['assessments', 'assessments'],
  ['notes', 'notes'],
  ['submissions', 'submissions'],
  ['attachments', 'attachments'],
  ['revisions', 'revisions'],
];

/** What an encrypted vault file holds; null when it cannot be read with this key. */
export function vaultContents(file: string, key: Buffer): VaultContents | null {
  let db: VaultDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, key);
    db.pragma('temp_store = MEMORY');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    const contents = { latestChange: null } as VaultContents;
    for (const [field, table] of COUNTED) {
      contents[field] = tables.has(table) ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0;
    }
    if (tables.has('revisions')) {
      const at = db.prepare('SELECT at FROM revisions ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
      contents.latestChange = at ? new Date(at).toISOString() : null;
    }
    return contents;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export interface SalvageOutcome {
  salvaged: BackupInfo | null;
  counts: SalvageCounts | null;
}

/**
 * Copies every row of the damaged vault that still decrypts into a new backup of kind
 * "salvaged", on a worker thread. Revisions whose hash does not match their content are left out.
 */
export async function salvageVault(paths: VaultPaths, key: Buffer, now: number): Promise<SalvageOutcome> {
  const slot = createSalvageSlot(paths.backups, now);
  try {
    const result = await runVaultTask(paths.db, key, { kind: 'salvage', target: slot.temp }).done;
    if (result.kind !== 'salvage') throw new Error('unexpected result');
    await rebuildSearchIndex(slot.temp, key);
    recount(slot.temp, key);
    // What was written must itself read back whole before it is offered as a backup.
    const check = await runVaultTask(slot.temp, key, { kind: 'check' }).done;
    if (check.kind !== 'check' || !check.ok) throw new Error('salvaged copy failed its check');
    return { salvaged: slot.commit(), counts: result.counts };
  } catch {
    // Nothing readable at all (the first page holds the schema): there is no copy to offer.
    fs.rmSync(slot.temp, { force: true });
    return { salvaged: null, counts: null };
  }
}

/**
 * The search index is contentless (migration 012): the worker copies its rows without their text,
 * so the copy's index is built again from the records that were saved. A copy whose index cannot
 * be rebuilt (a schema this version's readers do not fit) is still offered; only search is empty.
 */
async function rebuildSearchIndex(file: string, key: Buffer): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, key);
    db.pragma('temp_store = MEMORY');
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'record_search'").pluck().get() as string | undefined;
    if (sql && /\bcontent\s*=\s*''/i.test(sql)) await recordIndex.rebuild(db);
  } catch {
    // Kept as it is: the records themselves are what the copy is for.
  } finally {
    db.close();
  }
}

/**
 * The counts migration 015 keeps were copied as they were, but the copy may have lost rows they
 * included: they are counted again from the rows that were saved.
 */
function recount(file: string, key: Buffer): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, key);
    const present = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(COUNT_TABLES));
    if (present === COUNT_TABLES.length) db.transaction(() => recountTallies(db))();
  } catch {
    // Kept as it is: the records themselves are what the copy is for, and counts are never evidence.
  } finally {
    db.close();
  }
}

/** The salvaged copy first, then every other backup, each with what it holds. */
export function recoveryReport(paths: VaultPaths, key: Buffer, outcome: SalvageOutcome): RecoveryReport {
  const counts = outcome.counts;
  const incomplete = !counts || counts.unreadableTables.length > 0 || Object.keys(counts.lost).length > 0 || counts.badRevisions > 0;
  const backups = listBackups(paths.backups).filter((b) => b.id !== outcome.salvaged?.id);
  const ordered = outcome.salvaged ? [outcome.salvaged, ...backups] : backups;
  return {
    salvaged: outcome.salvaged,
    incomplete,
    badRevisions: counts?.badRevisions ?? 0,
    backups: ordered.map((backup) => ({ backup, contents: vaultContents(backupFile(paths.backups, backup.id), key) })),
  };
}
