// Migration 019 on a vault written at version 17 by the app of that version (every column the diary
// rows had then): the same records, revisions, chain and head hash, the same list pages, companies,
// ledgers, due items with their words and search results, fewer bytes in use. Then writes after it:
// a save and a deletion keep the slimmer rows, the counts and the chain right.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CompanyDraft, EngagementDraft, type Engagement } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { diaryRecords } from '../../../electron/core/diary/handlers';
import { DiaryService } from '../../../electron/core/diary/service';
import { listRevisions, verifyChain } from '../../../electron/core/records/revisions';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { tempDir } from '../../helpers/temp';
import { createVault, harness, PASSPHRASE } from './helpers';

// A vault at an older version was written by the app of its time, with the diary rows it had then.
vi.mock('../../../electron/core/diary/repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/diary/repository')>();
  const { writerOfTheVaultsVersion } = await import('../../helpers/legacy-diary-rows');
  return { ...actual, insertOrReplaceEngagement: writerOfTheVaultsVersion(actual.insertOrReplaceEngagement) };
});

const ENTRIES = 400;
const TODAY = '2026-12-01';

/** Bytes the database uses: every page, less the free ones a later write would reuse. */
function usedBytes(db: VaultDatabase): { used: number; file: number } {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { used: (pages - free) * pageSize, file: pages * pageSize };
}

const columns = (db: VaultDatabase, table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();

/** Everything a reader gets from the diary, through the service, as the app asks for it. */
function snapshot(db: VaultDatabase, diary: DiaryService, companyIds: string[], edited: string[]) {
  const list = (filter: Record<string, unknown>) => {
    const first = diary.listEngagements({ limit: 60, sort: 'newest', locale: 'en', ...filter } as Parameters<DiaryService['listEngagements']>[0]);
    const next = first.next ? diary.listEngagements({ limit: 60, sort: 'newest', locale: 'en', ...filter, cursor: first.next } as Parameters<DiaryService['listEngagements']>[0]) : null;
    return { first, next };
  };
  const filters = [
    {},
    { sort: 'oldest' },
    { sort: 'company', locale: 'th' },
    { channel: 'meeting' },
    { status: 'open' },
    { status: 'kept' },
    { companyId: companyIds[2] },
    { from: '2026-01-01', to: '2026-06-30' },
    { offset: 150 },
    { q: 'removal' },
    { tag: diary.tags('en')[0] },
  ];
  return {
    records: db.prepare('SELECT id, doc FROM engagements ORDER BY id').all(),
    companies: db.prepare('SELECT id, doc FROM companies ORDER BY id').all(),
    chain: verifyChain(db, () => diaryRecords(db)),
    history: edited.map((id) => listRevisions(db, 'engagement', id)),
    lists: filters.map(list),
    tags: diary.tags('en'),
    summaries: diary.listCompanies(),
    ledgers: companyIds.map((id) => diary.ledger(id, TODAY)),
    dashboard: diary.dueSummary(TODAY, 30, 25),
    due: diary.due(TODAY, 400),
    search: SEARCH_QUERIES.map((q) => recordIndex.search(db, q, 20).map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet }))),
  };
}

/** Tag rows as (tag, entry), sorted, and the same pairs as the live documents name them. */
function tagRows(db: VaultDatabase) {
  const rows = db.prepare('SELECT tag, engagement_id AS id FROM engagement_tags ORDER BY tag, id').all();
  const named = db.prepare("SELECT t.value AS tag, e.id AS id FROM engagements e, json_each(e.doc, '$.tags') t ORDER BY 1, 2").all();
  return { rows, named };
}

/** The words of every open item as version 17 stored them in its own columns. */
function itemWordsAt17(db: VaultDatabase): Map<string, { text: string; owner: string }> {
  const rows = db
    .prepare(`SELECT id, text, owner FROM commitments WHERE status = 'open' UNION ALL SELECT id, text, owner FROM follow_ups WHERE done = 0`)
    .all() as Array<{ id: string; text: string; owner: string }>;
  return new Map(rows.map((row) => [row.id, { text: row.text, owner: row.owner }]));
}

describe('slim diary rows (migration 019)', () => {
  it('moves a vault written at version 17: same records, chain, pages, counts, due items and search, fewer bytes', async () => {
    const h = harness({ migrations: migrations.filter((m) => m.version <= 17) });
    const id = await createVault(h);
    const clock = () => new Date(h.clock.now);
    let diary = new DiaryService({ database: () => h.service.database(), index: recordIndex, now: clock });
    const random = seeded(19);
    const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
    const saved: Engagement[] = [];
    for (let index = 0; index < ENTRIES; index++) {
      saved.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))));
    }
    // Owners, edits (new revisions, closed commitments) and a deletion, as people make them.
    const edited = saved.slice(0, 20).map((e, i) => {
      h.clock.now += 60_000;
      const commitments = e.commitments.map((c) => ({ ...c, owner: `Owner ${i}`, status: i % 2 ? ('kept' as const) : c.status }));
      const followUps = e.followUps.map((f) => ({ ...f, owner: `Lead ${i}` }));
      return diary.saveEngagement(EngagementDraft.parse({ ...e, title: `Revised ${e.title}`, commitments, followUps })).id;
    });
    diary.deleteEngagement(saved[30]!.id);

    const oldDb = h.service.database();
    expect(oldDb.pragma('user_version', { simple: true })).toBe(17);
    expect(columns(oldDb, 'commitments')).toContain('text');
    const words = itemWordsAt17(oldDb);
    expect([...words.values()].filter((w) => w.owner !== '').length).toBeGreaterThan(5);
    const before = snapshot(oldDb, diary, companyIds, edited);
    expect(before.tags.length).toBeGreaterThan(3);
    const tagsAt17 = tagRows(oldDb);
    expect(tagsAt17.rows).toEqual(tagsAt17.named);
    expect(before.chain.ok).toBe(true);
    expect(before.dashboard.groups.overdue.items.length).toBeGreaterThan(0);
    expect(before.lists.every((l) => l.first.items.length > 0)).toBe(true);
    const bytesBefore = usedBytes(oldDb);
    h.service.lock('user');
    await h.service.settled();

    // The bytes are those of migration 019 alone, on a copy: other steps after 17 change other tables.
    const copyDir = tempDir('vault-019-');
    fs.cpSync(h.dataDir, copyDir, { recursive: true });
    const alone = harness({ dataDir: copyDir, migrations: migrations.filter((m) => m.version <= 17 || m.version === 19), checkAfterUnlock: false });
    await alone.service.unlock(id, PASSPHRASE);
    const bytesAfter = usedBytes(alone.service.database());
    alone.service.lock('user');
    await alone.service.settled();

    const current = harness({ dataDir: h.dataDir });
    await current.service.unlock(id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(19);
    diary = new DiaryService({ database: () => current.service.database(), index: recordIndex, now: clock });
    const after = snapshot(db, diary, companyIds, edited);
    console.log(
      `migration 019 on ${ENTRIES} entries: ${bytesBefore.used} bytes in use before, ${bytesAfter.used} after (${((bytesAfter.used / bytesBefore.used) * 100).toFixed(0)}%); file ${bytesBefore.file} → ${bytesAfter.file} until compacted`,
    );

    expect(after.records).toEqual(before.records);
    expect(after.companies).toEqual(before.companies);
    expect(after.chain).toEqual(before.chain);
    expect(after.chain.headHash).toBe(before.chain.headHash);
    expect(after.history).toEqual(before.history);
    expect(after.lists).toEqual(before.lists);
    expect(after.summaries).toEqual(before.summaries);
    expect(after.ledgers).toEqual(before.ledgers);
    expect(after.dashboard).toEqual(before.dashboard);
    expect(after.due).toEqual(before.due);
    expect(after.search).toEqual(before.search);
    expect(tagRows(db).rows).toEqual(tagsAt17.rows);
    // The due items' words are those version 17 stored.
    const shown = [...after.due.overdue, ...after.due.upcoming].filter((item) => item.kind !== 'filing' && item.kind !== 'reply');
    expect(shown.length).toBeGreaterThan(50);
    for (const item of shown) expect({ text: item.text, owner: item.owner }).toEqual(words.get(item.id));
    // List rows carry the edited titles from their documents.
    expect(after.lists.flatMap((l) => l.first.items).filter((row) => row.title.startsWith('Revised ')).length).toBeGreaterThan(0);

    expect(columns(db, 'engagements')).toEqual(['channel', 'company_id', 'doc', 'id', 'occurred_at']);
    const indexed = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all();
    expect(indexed('engagements_by_date')).toEqual(['occurred_at']);
    expect(indexed('engagements_by_company')).toEqual(['company_id', 'occurred_at', 'id']);
    expect(indexed('engagements_by_channel')).toEqual(['channel', 'occurred_at']);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'engagement_tags' AND type = 'index'").pluck().all()).toEqual([]);
    expect(columns(db, 'commitments')).toEqual(['company_id', 'due_date', 'engagement_id', 'id', 'owner', 'status', 'text']);
    // Words stay only on open items, the due list's rows; closed ones keep theirs in the document.
    expect(db.prepare("SELECT count(*) FROM commitments WHERE status <> 'open' AND (text <> '' OR owner <> '')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM follow_ups WHERE done <> 0 AND (text <> '' OR owner <> '')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM commitments WHERE status = 'open' AND text = ''").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('companies_by_name', 'commitments_by_company', 'commitments_by_company_status')").pluck().get()).toBe(0);
    expect(bytesAfter.used).toBeLessThan(bytesBefore.used);

    // Writes after the move: an edit closing a commitment and changing tags, and a deletion, keep
    // rows, tags, counts and chain right.
    const target = diary.getEngagement(saved[40]!.id);
    const openBefore = diary.listCompanies().find((c) => c.id === target.companyId)!.openCommitments;
    const open = target.commitments.filter((c) => c.status === 'open').length;
    h.clock.now += 60_000;
    diary.saveEngagement(EngagementDraft.parse({ ...target, tags: ['after the move', ...target.tags.slice(1)], commitments: target.commitments.map((c) => ({ ...c, status: 'kept' })) }));
    diary.deleteEngagement(saved[41]!.id);
    const summary = diary.listCompanies().find((c) => c.id === target.companyId)!;
    const deletedOpen = saved[41]!.companyId === target.companyId ? saved[41]!.commitments.filter((c) => c.status === 'open').length : 0;
    expect(summary.openCommitments).toBe(openBefore - open - deletedOpen);
    expect(db.prepare('SELECT count(*) FROM commitments WHERE engagement_id = ?').pluck().get(saved[41]!.id)).toBe(0);
    const tagsAfterWrites = tagRows(db);
    expect(tagsAfterWrites.rows).toEqual(tagsAfterWrites.named);
    expect(diary.listEngagements({ tag: 'after the move', limit: 10, sort: 'newest', locale: 'en' } as Parameters<DiaryService['listEngagements']>[0]).items.map((row) => row.id)).toEqual([target.id]);
    expect(verifyChain(db, () => diaryRecords(db))).toMatchObject({ ok: true });
    current.service.lock('user');
    await current.service.settled();
  }, 300_000);
});
