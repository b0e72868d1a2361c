// Loads a checked backup into a fresh database: first the schema the backup was made with, then
// its rows (foreign keys checked once, at the end, so table order does not matter), then the
// migrations since. Used twice: into a memory-only database to verify, and into the new encrypted
// vault to restore, so what was verified is exactly what is restored.
import type { BackupReport } from '@shared/api/exchange';
import type { LiveRecords } from '../diary/handlers';
import { verifyChain } from '../records/revisions';
import { DomainError } from '../rpc/domain-error';
import { latestVersion, migrate, type Migration } from '../vault/migrations';
import type { VaultDatabase } from '../vault/open';
import type { ValidatedBackup } from './backup-format';
import { badFile } from './errors';
import { copiedTables } from './vault-dump';

export function loadBackup(db: VaultDatabase, backup: ValidatedBackup, steps: readonly Migration[], liveRecords: readonly LiveRecords[]): BackupReport {
  const { schemaVersion } = backup.manifest;
  if (schemaVersion > latestVersion(steps)) {
    throw new DomainError('VAULT_TOO_NEW', 'exchange.backupTooNew', 'This backup was made by a newer version of Advocacy Workbench. Install that version (or newer) to restore it. Nothing was changed.');
  }
  const earlier = steps.filter((step) => step.version <= schemaVersion);
  if (latestVersion(earlier) !== schemaVersion) throw badFile('backup', 'exchange.unknownDatabaseVersion', 'it names a database version this app never had');
  migrate(db, earlier);

  const schema = new Map(copiedTables(db).map((t) => [t.name, new Set(t.columns)]));
  for (const table of backup.tables) {
    const columns = schema.get(table.name);
    if (!columns || table.columns.some((c) => !columns.has(c))) throw badFile('backup', 'exchange.tablesDoNotMatch', 'its tables do not match the database version it names');
  }

  // Foreign keys are checked after every row is in: a per-row check would depend on table order.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const table of backup.tables) {
        // Names were checked against this database's own schema above, so quoting them is safe.
        const insert = db.prepare(`INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
        for (const row of table.rows) insert.run(row.map((cell) => (cell !== null && typeof cell === 'object' ? backup.blobs.get(cell.blob)! : cell)));
      }
      if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw badFile('backup', 'exchange.danglingReferences', 'some of its records point at records it does not hold');
    })();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // Constraint or type errors from SQLite: the rows do not fit, whatever the checksums say.
    throw badFile('backup', 'exchange.recordsDoNotFit', 'its records do not fit the tables of the database version it names');
  } finally {
    db.pragma('foreign_keys = ON');
  }
  migrate(db, steps);

  const history = verifyChain(db, function* () {
    for (const records of liveRecords) yield* records(db);
  });
  const rows = Object.fromEntries(backup.tables.map((t) => [t.name, t.rows.length]));
  const count = (name: string) => rows[name] ?? 0;
  return {
    formatVersion: backup.manifest.formatVersion,
    schemaVersion,
    createdAt: backup.manifest.createdAt,
    tables: rows,
    records: {
      companies: count('companies'),
      engagements: count('engagements'),
      plans: count('plans'),
      packages: count('evidence_packages'),
      assessments: count('assessments'),
      notes: count('notes'),
      submissions: count('submissions'),
    },
    revisions: count('revisions'),
    attachments: count('attachments'),
    checksums: backup.checksums,
    headHash: backup.manifest.headHash,
    historyVerified: history.ok && history.headHash === backup.manifest.headHash,
  };
}
