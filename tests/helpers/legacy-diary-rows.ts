// The diary's row writer as the app had it before migration 019, for tests that fill a vault at an
// older schema version: such a vault was written with every column its tables had then.
import type { Engagement } from '@shared/api/diary';
import { canonicalJson } from '../../electron/core/records/canonical';
import type { VaultDatabase } from '../../electron/core/vault/open';

/** The first schema version whose diary rows hold only what queries read. */
const SLIM_ROWS = 19;

function insertBefore19(db: VaultDatabase, engagement: Engagement): void {
  db.prepare(
    `INSERT INTO engagements (id, company_id, occurred_at, channel, title, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET company_id = excluded.company_id, occurred_at = excluded.occurred_at, channel = excluded.channel,
       title = excluded.title, doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(engagement.id, engagement.companyId, engagement.occurredAt, engagement.channel, engagement.title, canonicalJson(engagement), engagement.createdAt, engagement.updatedAt);
  for (const table of ['engagement_tags', 'commitments', 'follow_ups']) db.prepare(`DELETE FROM ${table} WHERE engagement_id = ?`).run(engagement.id);
  const tag = db.prepare('INSERT OR IGNORE INTO engagement_tags (engagement_id, tag) VALUES (?, ?)');
  for (const name of engagement.tags) tag.run(engagement.id, name);
  const commitment = db.prepare('INSERT INTO commitments (id, engagement_id, company_id, made_at, text, owner, due_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of engagement.commitments) commitment.run(c.id, engagement.id, engagement.companyId, engagement.occurredAt, c.text, c.owner, c.dueDate, c.status);
  const followUp = db.prepare('INSERT INTO follow_ups (id, engagement_id, company_id, text, owner, due_date, done) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of engagement.followUps) followUp.run(f.id, engagement.id, engagement.companyId, f.text, f.owner, f.dueDate, f.done ? 1 : 0);
}

/**
 * Today's writer on a vault at version 19 or later, the writer of its time on an older one. Tests
 * route the repository's writer through this with vi.mock.
 */
export function writerOfTheVaultsVersion(current: (db: VaultDatabase, engagement: Engagement) => void) {
  return (db: VaultDatabase, engagement: Engagement): void =>
    (db.pragma('user_version', { simple: true }) as number) >= SLIM_ROWS ? current(db, engagement) : insertBefore19(db, engagement);
}
