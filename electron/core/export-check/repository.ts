// Remembered decisions about flagged items, per record's export. The only SQL of the export check.
import type { IdentityDecision } from '@shared/api/identity';
import type { VaultDatabase } from '../vault/open';

interface Row {
  flagKey: string;
  action: 'fine' | 'replace';
  replacement: string;
}

export function decisionsOf(db: VaultDatabase, recordKind: string, recordId: string): IdentityDecision[] {
  const rows = db
    .prepare('SELECT flag_key AS flagKey, action, replacement FROM export_decisions WHERE record_kind = ? AND record_id = ?')
    .all(recordKind, recordId) as Row[];
  return rows.map((row) => (row.action === 'replace' ? { key: row.flagKey, action: 'replace', replacement: row.replacement } : { key: row.flagKey, action: 'fine' }));
}

export function saveDecisions(db: VaultDatabase, recordKind: string, recordId: string, decisions: readonly IdentityDecision[], at: string): void {
  const upsert = db.prepare(
    `INSERT INTO export_decisions (record_kind, record_id, flag_key, action, replacement, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(record_kind, record_id, flag_key) DO UPDATE SET action = excluded.action, replacement = excluded.replacement, decided_at = excluded.decided_at`,
  );
  db.transaction(() => {
    for (const decision of decisions) {
      upsert.run(recordKind, recordId, decision.key, decision.action, decision.action === 'replace' ? decision.replacement : '', at);
    }
  })();
}
