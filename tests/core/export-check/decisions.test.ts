// Remembered export decisions hold the text that was flagged (a folded real name, a phone number),
// so they must go with their record, by whichever path the record goes.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { decisionsOf, saveDecisions } from '../../../electron/core/export-check/repository';

const AT = '2026-12-01T10:00:00.000Z';

function vault(): VaultDatabase {
  const db = new Database(':memory:') as unknown as VaultDatabase;
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

const decide = (db: VaultDatabase, kind: string, id: string) =>
  saveDecisions(db, kind, id, [{ key: 'name:nguyen van minh', action: 'replace', replacement: '[Person A]' }, { key: 'email:a@example.org', action: 'fine' }], AT);

describe('remembered export decisions', () => {
  it('keeps the latest decision per flag, per record', () => {
    const db = vault();
    decide(db, 'plan', 'p1');
    saveDecisions(db, 'plan', 'p1', [{ key: 'email:a@example.org', action: 'replace', replacement: '[email address]' }], AT);
    expect(decisionsOf(db, 'plan', 'p1')).toEqual(
      expect.arrayContaining([
        { key: 'name:nguyen van minh', action: 'replace', replacement: '[Person A]' },
        { key: 'email:a@example.org', action: 'replace', replacement: '[email address]' },
      ]),
    );
    expect(decisionsOf(db, 'plan', 'p2')).toEqual([]);
  });

  it('deletes a record’s decisions, its bundle decisions included, when the record is deleted', () => {
    const db = vault();
    const row = (table: string, id: string) => db.prepare(`INSERT INTO ${table} (id, title, doc, created_at, updated_at) VALUES (?, 't', '{}', ?, ?)`).run(id, AT, AT);
    row('plans', 'p1');
    row('evidence_packages', 'k1');
    for (const [kind, id] of [['plan', 'p1'], ['bundle-plan', 'p1'], ['package', 'k1'], ['bundle-package', 'k1'], ['plan', 'p-other']] as const) decide(db, kind, id);

    db.prepare('DELETE FROM plans WHERE id = ?').run('p1');
    expect(decisionsOf(db, 'plan', 'p1')).toEqual([]);
    expect(decisionsOf(db, 'bundle-plan', 'p1')).toEqual([]);
    expect(decisionsOf(db, 'package', 'k1')).toHaveLength(2);
    db.prepare('DELETE FROM evidence_packages WHERE id = ?').run('k1');
    expect(decisionsOf(db, 'bundle-package', 'k1')).toEqual([]);
    expect(decisionsOf(db, 'plan', 'p-other')).toHaveLength(2);
  });

  it('deletes an attachment’s decisions when its diary entry is deleted with it', () => {
    const db = vault();
    db.prepare("INSERT INTO companies (id, name, sector, hq_country, doc, created_at, updated_at) VALUES ('c1', 'C', 'other', '', '{}', ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO engagements (id, company_id, occurred_at, channel, doc) VALUES ('e1', 'c1', ?, 'call', '{}')").run(AT);
    db.prepare("INSERT INTO attachments (id, engagement_id, name, type, size, sha256, added_at, data) VALUES ('a1', 'e1', 'n', 'text/plain', 1, 'x', ?, x'00')").run(AT);
    decide(db, 'attachment', 'a1');
    db.prepare("DELETE FROM engagements WHERE id = 'e1'").run();
    expect(decisionsOf(db, 'attachment', 'a1')).toEqual([]);
  });
});
