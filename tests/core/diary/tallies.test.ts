// Migration 015 on a vault filled before it, then the counts it keeps through every kind of write:
// companies and the due dashboard answer exactly what counting the rows themselves answers, for
// days at a month's start, middle and end; notes' latest revisions refer to the note, the chain
// and its head hash are unchanged, and a note edited behind the app is still caught.
import { describe, expect, it, vi } from 'vitest';
import { CompanyDraft, EngagementDraft, type Engagement } from '@shared/api/diary';
import { NoteDraft } from '@shared/api/notes';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { SEARCH_QUERIES } from '../../../bench/scale.bench';
import { diaryRecords } from '../../../electron/core/diary/handlers';
import * as repo from '../../../electron/core/diary/repository';
import { dueBounds } from '../../../electron/core/diary/rules';
import { DiaryService } from '../../../electron/core/diary/service';
import { noteRecords } from '../../../electron/core/notes/handlers';
import { NoteService } from '../../../electron/core/notes/service';
import { listRevisions, verifyChain } from '../../../electron/core/records/revisions';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';

// A vault at an older version was written by the app of its time, with the diary rows it had then.
vi.mock('../../../electron/core/diary/repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/diary/repository')>();
  const { writerOfTheVaultsVersion } = await import('../../helpers/legacy-diary-rows');
  return { ...actual, insertOrReplaceEngagement: writerOfTheVaultsVersion(actual.insertOrReplaceEngagement) };
});

const ENTRIES = 300;
const DAYS = ['2026-01-01', '2026-03-15', '2026-03-31', '2026-12-01', '2026-12-02', '2027-02-28', '2025-06-01'];

/** Counting the rows themselves, as the queries before the counts did. */
function companiesByCounting(db: VaultDatabase, today: string) {
  return db
    .prepare(
      `SELECT c.id, c.name, c.sector, c.hq_country AS hqCountry,
         (SELECT count(*) FROM engagements e WHERE e.company_id = c.id) AS engagements,
         (SELECT max(e.occurred_at) FROM engagements e WHERE e.company_id = c.id) AS lastEngagementAt,
         (SELECT count(*) FROM commitments m WHERE m.company_id = c.id AND m.status = 'open') AS openCommitments,
         (SELECT count(*) FROM commitments m WHERE m.company_id = c.id AND m.status = 'open' AND m.due_date < ?) AS overdueCommitments
       FROM companies c ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(today);
}

function dueByCounting(db: VaultDatabase, from: string, to: string): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM commitments WHERE status = 'open' AND due_date >= @from AND due_date < @to)
            + (SELECT count(*) FROM follow_ups WHERE done = 0 AND due_date >= @from AND due_date < @to) AS n`,
    )
    .pluck()
    .get({ from, to }) as number;
}

function overdueByCounting(db: VaultDatabase, today: string) {
  return db
    .prepare(
      `SELECT companyId, sum(n) AS count, min(oldest) AS oldestDueDate FROM (
         SELECT company_id AS companyId, count(*) AS n, min(due_date) AS oldest FROM commitments
          WHERE status = 'open' AND due_date >= '' AND due_date < @today GROUP BY company_id
         UNION ALL
         SELECT company_id, count(*), min(due_date) FROM follow_ups
          WHERE done = 0 AND due_date >= '' AND due_date < @today GROUP BY company_id)
       GROUP BY companyId ORDER BY count DESC, companyId LIMIT 50`,
    )
    .all({ today });
}

/** Bytes in use: every page, less the free ones a later write would reuse. */
function usedBytes(db: VaultDatabase): number {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

const searchResults = (db: VaultDatabase) => SEARCH_QUERIES.map((q) => recordIndex.search(db, q, 20).map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet })));

function expectCountsMatchRows(db: VaultDatabase): void {
  for (const today of DAYS) {
    expect(repo.companySummaries(db, today), today).toEqual(companiesByCounting(db, today));
    expect(repo.overdueByCompany(db, today, 50), today).toEqual(overdueByCounting(db, today));
    for (const horizon of [30, 90, 400]) {
      for (const group of ['overdue', 'thisWeek', 'later'] as const) {
        const [from, to] = dueBounds(today, horizon, group);
        expect(repo.countDue(db, today, from, to), `${today} ${group} ${horizon}`).toBe(dueByCounting(db, from, to));
      }
    }
  }
}

describe('counts per company and due month (migration 015)', () => {
  it('splits a span of days into whole months and the days at its edges', () => {
    expect(repo.splitDays('', '2026-03-15')).toEqual({ months: ['0000-00', '2026-03'], edges: [['2026-03-01', '2026-03-15']] });
    expect(repo.splitDays('', '2026-03-01')).toEqual({ months: ['0000-00', '2026-03'], edges: [] });
    expect(repo.splitDays('2026-03-15', '2026-03-22')).toEqual({ months: null, edges: [['2026-03-15', '2026-03-22']] });
    expect(repo.splitDays('2026-03-15', '2026-06-10')).toEqual({ months: ['2026-04', '2026-06'], edges: [['2026-03-15', '2026-04-01'], ['2026-06-01', '2026-06-10']] });
    expect(repo.splitDays('2026-12-20', '2027-02-01')).toEqual({ months: ['2027-01', '2027-02'], edges: [['2026-12-20', '2027-01-01']] });
  });

  it('moves a vault filled at version 13 and keeps its counts, chain and notes through every kind of write', async () => {
    const h = harness({ migrations: migrations.filter((m) => m.version <= 13) });
    const id = await createVault(h);
    const clock = () => new Date(h.clock.now);
    let diary = new DiaryService({ database: () => h.service.database(), index: recordIndex, now: clock });
    let notes = new NoteService({ database: () => h.service.database(), index: recordIndex, now: clock });
    const random = seeded(15);
    const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
    const saved: Engagement[] = [];
    for (let index = 0; index < ENTRIES; index++) {
      saved.push(diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds }))));
    }
    const noteIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      h.clock.now += 60_000;
      const note = notes.save(NoteDraft.parse({ title: `Reading ${i}`, body: `Decree ${i}: removals within 24 hours. Nghị định ${i}.`, tags: ['policy'], companyId: companyIds[i % 6] }));
      noteIds.push(note.id);
      // Half the notes get a second version, so older revisions hold content and the latest may refer.
      if (i % 2 === 0) notes.save(NoteDraft.parse({ ...note, body: `${note.body} Revised.` }));
    }
    // Today's services mark a deletion for the search purge (migration 017); an app at version 13
    // wrote no mark, so the table is there only for the deletion.
    h.service.database().exec('CREATE TABLE record_search_purge (pending INTEGER PRIMARY KEY)');
    notes.delete(noteIds[11]!);
    h.service.database().exec('DROP TABLE record_search_purge');

    const oldDb = h.service.database();
    const chainBefore = verifyChain(oldDb, () => [...diaryRecords(oldDb), ...noteRecords(oldDb)]);
    const historyBefore = noteIds.slice(0, 11).map((noteId) => listRevisions(oldDb, 'note', noteId));
    const searchBefore = searchResults(oldDb);
    const bytesBefore = usedBytes(oldDb);
    const noteCopies = oldDb.prepare("SELECT count(*) FROM revisions WHERE entity = 'note' AND content IS NOT NULL").pluck().get() as number;
    expect(chainBefore.ok).toBe(true);
    h.service.lock('user');
    await h.service.settled();

    const current = harness({ dataDir: h.dataDir });
    await current.service.unlock(id, PASSPHRASE);
    const db = current.service.database();
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);
    expect(verifyChain(db, () => [...diaryRecords(db), ...noteRecords(db)])).toEqual(chainBefore);
    expect(searchResults(db)).toEqual(searchBefore);
    expect(searchBefore.filter((hits) => hits.length > 0).length).toBeGreaterThan(15);
    console.log(`migration 015 on ${ENTRIES} entries and 12 notes: ${bytesBefore} bytes in use before, ${usedBytes(db)} after`);
    expect(noteIds.slice(0, 11).map((noteId) => listRevisions(db, 'note', noteId))).toEqual(historyBefore);
    // Each of the 11 live notes' latest revision now refers to the note instead of holding a copy.
    expect(db.prepare("SELECT count(*) FROM revisions WHERE entity = 'note' AND in_doc = 1").pluck().get()).toBe(11);
    expect(db.prepare("SELECT count(*) FROM revisions WHERE entity = 'note' AND content IS NOT NULL").pluck().get()).toBe(noteCopies - 11);
    expect(dueByCounting(db, '', '2026-12-01')).toBeGreaterThan(50);
    expectCountsMatchRows(db);

    // Every kind of write after the migration: settle and reopen commitments, move due dates,
    // move an entry to another company, add items without a due date, delete entries.
    diary = new DiaryService({ database: () => current.service.database(), index: recordIndex, now: clock });
    notes = new NoteService({ database: () => current.service.database(), index: recordIndex, now: clock });
    for (const [i, entry] of saved.slice(0, 60).entries()) {
      const commitments = entry.commitments.map((c, j) => ({
        ...c,
        status: (i + j) % 3 === 0 ? ('kept' as const) : ('open' as const),
        dueDate: (i + j) % 4 === 0 ? null : (i + j) % 4 === 1 ? `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (j % 28)).padStart(2, '0')}` : c.dueDate,
      }));
      const followUps = entry.followUps.map((f, j) => ({ ...f, done: (i + j) % 2 === 0, dueDate: (i + j) % 5 === 0 ? null : f.dueDate }));
      diary.saveEngagement(EngagementDraft.parse({ ...entry, commitments, followUps, companyId: i % 7 === 0 ? companyIds[(companyIds.indexOf(entry.companyId) + 1) % 6]! : entry.companyId }));
    }
    for (const entry of saved.slice(60, 80)) diary.deleteEngagement(entry.id);
    expectCountsMatchRows(db);

    // Notes saved after the migration keep one copy of the latest version too, and their history.
    h.clock.now += 60_000;
    const edited = notes.save(NoteDraft.parse({ ...notes.get(noteIds[0]!), body: 'Third version.' }));
    const history = listRevisions(db, 'note', edited.id);
    expect(history.map((r) => (r.content as { body: string }).body).at(-1)).toBe('Third version.');
    expect(history.slice(0, -1)).toEqual(historyBefore[0]);
    expect(db.prepare("SELECT in_doc, content IS NULL AS empty FROM revisions WHERE entity = 'note' AND entity_id = ? ORDER BY version DESC LIMIT 1").get(edited.id)).toEqual({ in_doc: 1, empty: 1 });
    expect(verifyChain(db, () => [...diaryRecords(db), ...noteRecords(db)]).ok).toBe(true);

    // A note changed behind the app's back no longer matches the revision that refers to it.
    db.prepare('UPDATE notes SET doc = replace(doc, ?, ?) WHERE id = ?').run('Third version.', 'Forged version.', edited.id);
    const tampered = verifyChain(db, () => [...diaryRecords(db), ...noteRecords(db)]);
    expect(tampered.ok).toBe(false);
    expect(tampered.firstBroken?.entityId).toBe(edited.id);
    current.service.lock('user');
    await current.service.settled();
  });
});
