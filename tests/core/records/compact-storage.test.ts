// Migration 012 on a vault filled before it (the search index held a copy of every text, every
// revision a whole document): the same records, the same chain with the same head hash, the same
// search results with the same snippets, fewer bytes. Then the storage it leaves behind: the
// latest revision refers to its record's document and gets its content back before any change,
// and tampering past the triggers is still caught.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CompanyDraft, ENTITY_KINDS, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { diaryRecords } from '../../../electron/core/diary/handlers';
import { DiaryService } from '../../../electron/core/diary/service';
import { listRevisions, verifyChain } from '../../../electron/core/records/revisions';
import { recordIndex, TEXT_SOURCES } from '../../../electron/core/search/record-texts';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { unlockedCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { createVault, harness, PASSPHRASE, type Harness } from '../vault/helpers';

// A vault at an older version was written by the app of its time, with the diary rows it had then.
vi.mock('../../../electron/core/diary/repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/diary/repository')>();
  const { writerOfTheVaultsVersion } = await import('../../helpers/legacy-diary-rows');
  return { ...actual, insertOrReplaceEngagement: writerOfTheVaultsVersion(actual.insertOrReplaceEngagement) };
});

const ENTRIES = 400;

/** Bytes the database uses: every page, less the free ones a later write would reuse. */
function usedBytes(db: VaultDatabase): { used: number; file: number } {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { used: (pages - free) * pageSize, file: pages * pageSize };
}

function snapshot(db: VaultDatabase) {
  const search = SEARCH_QUERIES.map((q) => recordIndex.search(db, q, 20).map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet })));
  const records = db.prepare('SELECT id, doc FROM engagements ORDER BY id').all();
  const companies = db.prepare('SELECT id, doc FROM companies ORDER BY id').all();
  const chain = verifyChain(db, () => diaryRecords(db));
  return { search, records, companies, chain };
}

/** A vault written by the app as it was at version 11: saves, edits and a deletion, in four languages. */
async function vaultAtVersion11(): Promise<{ h: Harness; id: string; edited: string[]; diary: DiaryService }> {
  const h = harness({ migrations: migrations.filter((m) => m.version <= 11) });
  const id = await createVault(h);
  const diary = new DiaryService({ database: () => h.service.database(), index: recordIndex });
  const random = seeded(12);
  const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
  const saved = [];
  for (let index = 0; index < ENTRIES; index++) {
    saved.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))));
  }
  const edited = saved.slice(0, 15).map((e) => diary.saveEngagement(EngagementDraft.parse({ ...e, outcome: `Revised outcome ${e.id}` })).id);
  // Today's services mark a deletion for the search purge (migration 017); an app at version 11
  // wrote no mark, so the table is there only for the deletion.
  h.service.database().exec('CREATE TABLE record_search_purge (pending INTEGER PRIMARY KEY)');
  diary.deleteEngagement(saved[20]!.id);
  h.service.database().exec('DROP TABLE record_search_purge');
  return { h, id, edited, diary };
}

describe('compact storage (migration 012)', () => {
  it('moves a vault filled at version 11: same records, chain, head hash and search results, fewer bytes', async () => {
    const old = await vaultAtVersion11();
    const oldDb = old.h.service.database();
    expect(oldDb.pragma('user_version', { simple: true })).toBe(11);
    const before = snapshot(oldDb);
    const historyBefore = old.edited.map((id) => listRevisions(oldDb, 'engagement', id));
    const bytesBefore = usedBytes(oldDb);
    expect(before.chain.ok).toBe(true);
    expect(before.search.filter((hits) => hits.length > 0).length).toBeGreaterThan(20);
    old.h.service.lock('user');
    await old.h.service.settled();

    // The bytes are those of migration 012 alone, on a copy: later migrations add tables of their own.
    const copyDir = tempDir('vault-012-');
    fs.cpSync(old.h.dataDir, copyDir, { recursive: true });
    const at12 = harness({ dataDir: copyDir, migrations: migrations.filter((m) => m.version <= 12) });
    await at12.service.unlock(old.id, PASSPHRASE);
    const bytesAfter = usedBytes(at12.service.database());
    at12.service.lock('user');
    await at12.service.settled();

    const current = harness({ dataDir: old.h.dataDir });
    await current.service.unlock(old.id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(12);
    const after = snapshot(db);
    console.log(
      `migration 012 on ${ENTRIES} entries: ${bytesBefore.used} bytes in use before, ${bytesAfter.used} after (${((bytesAfter.used / bytesBefore.used) * 100).toFixed(0)}%); file ${bytesBefore.file} → ${bytesAfter.file} until compacted`,
    );

    expect(after.records).toEqual(before.records);
    expect(after.companies).toEqual(before.companies);
    expect(after.chain).toEqual(before.chain);
    expect(after.chain.headHash).toBe(before.chain.headHash);
    expect(after.search).toEqual(before.search);
    expect(old.edited.map((id) => listRevisions(db, 'engagement', id))).toEqual(historyBefore);
    // The text is gone from the index, and latest revisions refer to their documents.
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'record_search_content'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM revisions WHERE in_doc = 1').pluck().get()).toBe(ENTRIES - 1 + 6);
    expect(bytesAfter.used).toBeLessThan(bytesBefore.used * 0.6);
    current.service.lock('user');
    await current.service.settled();
  }, 300_000);

  it('gives a revision its content back before its document changes or goes, so history and chain stay whole', async () => {
    const h = harness();
    await createVault(h);
    const db = h.service.database();
    const diary = new DiaryService({ database: () => db, index: recordIndex });
    const company = diary.saveCompany(CompanyDraft.parse({ name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] }));
    const random = seeded(3);
    const first = diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index: 0, count: 1, today: Date.UTC(2026, 11, 1), companyIds: [company.id] })));
    const inDoc = () => db.prepare('SELECT version, in_doc, content IS NULL AS empty FROM revisions WHERE entity_id = ? ORDER BY version').all(first.id);
    expect(inDoc()).toEqual([{ version: 1, in_doc: 1, empty: 1 }]);

    const second = diary.saveEngagement(EngagementDraft.parse({ ...first, outcome: 'A second outcome' }));
    expect(inDoc()).toEqual([
      { version: 1, in_doc: 0, empty: 0 },
      { version: 2, in_doc: 1, empty: 1 },
    ]);
    const history = listRevisions(db, 'engagement', first.id);
    expect(history.map((r) => r.content)).toEqual([JSON.parse(JSON.stringify(first)), JSON.parse(JSON.stringify(second))]);

    diary.deleteEngagement(first.id);
    expect(inDoc()).toEqual([
      { version: 1, in_doc: 0, empty: 0 },
      { version: 2, in_doc: 0, empty: 0 },
      { version: 3, in_doc: 0, empty: 1 },
    ]);
    expect(verifyChain(db, () => diaryRecords(db))).toMatchObject({ ok: true, checked: 4, records: 1 });
    h.service.lock('user');
    await h.service.settled();
  });

  it.each([
    ['the document a latest revision refers to is edited with the triggers dropped', "UPDATE engagements SET doc = replace(doc, '\"outcome\":\"', '\"outcome\":\"Refused. ')", /changed, removed or reordered/],
    ['a latest revision is given other content in place of its document', "UPDATE revisions SET in_doc = 0, content = (SELECT replace(doc, '\"outcome\":\"', '\"outcome\":\"Refused. ') FROM engagements) WHERE in_doc = 1 AND entity = 'engagement'", /changed, removed or reordered/],
    ['the document is edited while the triggers run', "UPDATE engagements SET doc = replace(doc, '\"outcome\":\"', '\"outcome\":\"Refused. ')", /outside the app/],
  ])('catches tampering when %s', async (label, sql, reason) => {
    const h = harness();
    await createVault(h);
    const db = h.service.database();
    const diary = new DiaryService({ database: () => db, index: recordIndex });
    const company = diary.saveCompany(CompanyDraft.parse({ name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] }));
    diary.saveEngagement(EngagementDraft.parse(engagementDraft(seeded(5), { index: 0, count: 1, today: Date.UTC(2026, 11, 1), companyIds: [company.id] })));
    expect(verifyChain(db, () => diaryRecords(db)).ok).toBe(true);
    if (label.includes('dropped')) for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER engagements_keeps_revision_on_${kind}`);
    expect(db.prepare(sql).run().changes).toBe(1);
    const report = verifyChain(db, () => diaryRecords(db));
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.reason).toMatch(reason);
    h.service.lock('user');
    await h.service.settled();
  });

  it('rebuilds the index a backup no longer carries: a restored vault finds and ranks every query the same', async () => {
    const t = await unlockedCore();
    try {
      const random = seeded(7);
      const companyIds: string[] = [];
      for (const draft of companyDrafts(random).slice(0, 4)) companyIds.push((await t.call('companies.save', CompanyDraft.parse(draft))).id);
      for (let index = 0; index < 200; index++) {
        await t.call('engagements.save', EngagementDraft.parse(engagementDraft(random, { index, count: 200, today: Date.UTC(2026, 11, 1), companyIds })));
      }
      const results = async () => Promise.all(SEARCH_QUERIES.map((q) => t.call('records.search', { q, limit: 20 })));
      const before = await results();
      const backup = await t.call('exchange.backup.create', { passphrase: 'backup file passphrase 2026' });
      const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: 'backup file passphrase 2026', name: 'Restored', vaultPassphrase: 'restored vault passphrase' });
      await t.call('vault.lock', null);
      await t.call('vault.unlock', { id: restored.vault.id, passphrase: 'restored vault passphrase' });
      expect(before.filter((hits) => hits.length > 0).length).toBeGreaterThan(20);
      expect(await results()).toEqual(before);
    } finally {
      t.core.close();
    }
  }, 300_000);

  it('reads back the texts of every kind of record the index holds', () => {
    expect(TEXT_SOURCES.map((s) => s.entity).sort()).toEqual([...ENTITY_KINDS].sort());
  });
});
