import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { revisionContent, revisionHash } from '../../../electron/core/records/revisions';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { NEW_VAULT_PAGE_SIZE } from '../../../electron/core/vault/open';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { filesUnder, openWithKey, vaultKey } from './helpers';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let t: TestCore;
afterEach(async () => t?.core.close());

/** Realistic entries: a long note each, so the table spans many pages. */
async function writeEntries(companyId: string, label: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await t.call('engagements.save', {
      occurredAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      companyId,
      channel: 'call',
      title: `${label} ${i}`,
      participantsOurs: ['Minh'],
      participantsTheirs: [],
      purpose: 'Follow up on removals',
      concerns: ['Wrongful removals'],
      commitments: [],
      followUps: [],
      riskBefore: { level: 'low', notes: '' },
      riskAfter: { level: 'low', notes: '' },
      safety: [],
      outcome: '',
      tags: [],
      notes: `${label} ${i}: ${'Nhóm đã gặp đại diện nền tảng để trao đổi về việc gỡ bỏ nội dung. '.repeat(30)}`,
    });
  }
}

async function settle(dataDir: string, vaultId: string): Promise<void> {
  // Let the lock's background work end, then fold the WAL into the file, as a later open would.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const db = openWithKey(vaultPaths(dataDir, vaultId).db, await vaultKey(dataDir, vaultId));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites a middle leaf page of a table, as a bad sector or a torn copy would. */
async function damageLeafOf(dataDir: string, vaultId: string, table: string): Promise<number> {
  const file = vaultPaths(dataDir, vaultId).db;
  const db = openWithKey(file, await vaultKey(dataDir, vaultId));
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(64), 0, 64, (page - 1) * pageSize + 100);
  fs.closeSync(fd);
  return leaves.length;
}

describe('a damaged vault', () => {
  it('salvages the readable records, including those written after the last backup, and compares them with every backup', async () => {
    t = await unlockedCore();
    const { vault } = await t.call('vault.status', null);
    const vaultId = vault!.id;
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
    await writeEntries(company.id, 'Before the backup', 20);
    const backup = await t.call('vault.backups.create', null);
    await writeEntries(company.id, 'After the backup', 40);
    // Panic takes no backup: the last copy is the one above, twenty entries behind.
    t.core.panic();
    await settle(t.dataDir, vaultId);
    const leaves = await damageLeafOf(t.dataDir, vaultId, 'engagements');
    expect(leaves).toBeGreaterThan(4);
    const file = vaultPaths(t.dataDir, vaultId).db;
    const damagedHash = sha256(file);
    const report = await t.call('vault.recovery.salvage', { vaultId, passphrase: TEST_PASSPHRASE });
    expect(sha256(file)).toBe(damagedHash);
    expect(report.salvaged?.kind).toBe('salvaged');
    expect(report.incomplete).toBe(true);
    expect(report.badRevisions).toBe(0);
    const [salvaged, ...others] = report.backups;
    expect(salvaged!.backup.id).toBe(report.salvaged!.id);
    const fromBackup = others.find((entry) => entry.backup.id === backup.id)!;
    expect(fromBackup.contents).toMatchObject({ companies: 1, engagements: 20 });
    // One damaged page costs the entries on it, not the table: most of the 60 are back.
    expect(salvaged!.contents!.engagements).toBeGreaterThan(40);
    expect(salvaged!.contents!.engagements).toBeLessThan(60);
    expect(salvaged!.contents!.companies).toBe(1);
    expect(Date.parse(salvaged!.contents!.latestChange!)).toBeGreaterThan(Date.parse(fromBackup.contents!.latestChange!));

    // Every revision copied verifies against its hash (the same formula the app writes with).
    const key = await vaultKey(t.dataDir, vaultId);
    const copy = openWithKey(path.join(vaultPaths(t.dataDir, vaultId).backups, `${report.salvaged!.id}.db`), key);
    const titles = copy.prepare("SELECT doc ->> '$.title' FROM engagements").pluck().all() as string[];
    expect(titles.filter((title) => title.startsWith('After the backup')).length).toBeGreaterThan(20);
    // The search index keeps no text to copy: it was rebuilt from the records that were saved.
    const found = copy.prepare('SELECT count(*) FROM record_search WHERE record_search MATCH ?').pluck().get('"after the backup"') as number;
    expect(found).toBe(titles.filter((title) => title.startsWith('After the backup')).length);
    const revisions = copy.prepare('SELECT * FROM revisions').all() as Array<{
      prev_hash: string;
      entity: string;
      entity_id: string;
      version: number;
      at: string;
      content: string | null;
      in_doc: number;
      hash: string;
    }>;
    // Each entry was saved once, so its only revision refers to its document: the entries on the
    // damaged page are lost with their revision, every other revision is back.
    expect(revisions.length).toBe(1 + salvaged!.contents!.engagements);
    // A latest revision may refer to its record's document (in_doc) rather than hold a copy.
    for (const r of revisions) expect(revisionHash(r.prev_hash, r.entity, r.entity_id, r.version, r.at, revisionContent(copy, r))).toBe(r.hash);
    expect(revisions.some((r) => r.in_doc === 1)).toBe(true);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    // A new file, so a new vault's page size; its counts are recounted from the rows it saved.
    expect(copy.pragma('page_size', { simple: true })).toBe(NEW_VAULT_PAGE_SIZE);
    expect(copy.prepare('SELECT sum(n) FROM company_engagement_counts').pluck().get()).toBe(titles.length);
    copy.close();

    // Choosing the salvaged copy replaces the vault only when confirmed; the damaged file is kept.
    expect(await t.raw('vault.backups.restore', { backupId: report.salvaged!.id, confirm: false, vaultId, passphrase: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(sha256(file)).toBe(damagedHash);
    const status = await t.call('vault.backups.restore', { backupId: report.salvaged!.id, confirm: true, vaultId, passphrase: TEST_PASSPHRASE });
    expect(status.state).toBe('unlocked');
    const list = await t.call('engagements.list', {});
    expect(list.items.some((e) => e.title === 'After the backup 39')).toBe(true);
    expect(filesUnder(vaultPaths(t.dataDir, vaultId).replaced).filter((f) => f.endsWith('.db')).map(sha256)).toEqual([damagedHash]);
  });

  it('reports nothing salvaged, and still lists the backups, when the first page is unreadable', async () => {
    t = await unlockedCore();
    const { vault } = await t.call('vault.status', null);
    const vaultId = vault!.id;
    await t.call('vault.backups.create', null);
    t.core.panic();
    await settle(t.dataDir, vaultId);
    const file = vaultPaths(t.dataDir, vaultId).db;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(32), 0, 32, 200);
    fs.closeSync(fd);
    const report = await t.call('vault.recovery.salvage', { vaultId, passphrase: TEST_PASSPHRASE });
    expect(report.salvaged).toBeNull();
    expect(report.incomplete).toBe(true);
    expect(report.backups.map((entry) => entry.backup.kind)).toContain('manual');
    expect(report.backups.every((entry) => entry.contents !== null)).toBe(true);
    expect(fs.readdirSync(vaultPaths(t.dataDir, vaultId).backups).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
