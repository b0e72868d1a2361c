// Notes through the dispatcher against real encrypted vaults: saved and read back whole, found by
// search in several scripts, kept in the revision chain (and caught when edited behind the app),
// paged newest first, and carried whole through a backup file into a new vault.
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { vaultContents } from '../../../electron/core/vault/salvage';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from '../vault/helpers';

const FILE_PASSPHRASE = 'backup file passphrase 2026';
const NEW_VAULT_PASSPHRASE = 'restored vault passphrase';

let t: TestCore;
afterEach(async () => t?.core.close());

async function company(name = 'Example Platform') {
  return t.call('companies.save', { name, sector: 'social-media' });
}

/** A second connection straight to the vault file, as someone tampering with it would open it. */
async function rawDb(): Promise<Database.Database> {
  const vault = (await t.call('vault.status', null)).vault!;
  return openWithKey(vaultPaths(t.dataDir, vault.id).db, await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE));
}

describe('notes', () => {
  it('saves a note with its links and reads it back whole', async () => {
    t = await unlockedCore();
    const c = await company();
    const entry = await t.call('engagements.save', { occurredAt: '2026-03-02T09:00:00Z', companyId: c.id, channel: 'call' });
    const plan = await t.call('plans.save', { title: 'Escalate removals', companyId: c.id });
    const saved = await t.call('notes.save', {
      title: '  Reading: draft cybersecurity decree  ',
      body: '# Article 8\n\nRequires **removal within 24 hours**.',
      tags: ['policy', 'decree', 'policy'],
      companyId: c.id,
      engagementId: entry.id,
      planId: plan.id,
    });
    expect(saved).toMatchObject({ title: 'Reading: draft cybersecurity decree', tags: ['policy', 'decree'], companyId: c.id, engagementId: entry.id, planId: plan.id, assessmentId: null });
    expect(await t.call('notes.get', { id: saved.id })).toEqual(saved);
    expect(await t.call('notes.tags', null)).toEqual(['decree', 'policy']);

    const page = await t.call('notes.list', {});
    expect(page).toMatchObject({ total: 1, next: null });
    expect(page.items[0]).toMatchObject({ id: saved.id, companyName: 'Example Platform', excerpt: 'Article 8 Requires removal within 24 hours.' });
  });

  it('refuses a link to a record that is not in the vault, and a note without a title, with a sentence', async () => {
    t = await unlockedCore();
    const ghost = await t.raw('notes.save', { title: 'x', companyId: crypto.randomUUID() });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Choose a company that is in this vault.' } });
    const untitled = await t.raw('notes.save', { title: '   ', body: 'text' });
    expect(untitled).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.call('notes.list', {})).total).toBe(0);
  });

  it('keeps a link to a company deleted since, and the list says no company name', async () => {
    t = await unlockedCore();
    const c = await company('Short-lived');
    const note = await t.call('notes.save', { title: 'About them', companyId: c.id });
    await t.call('companies.delete', { id: c.id });
    const edited = await t.call('notes.save', { ...note, body: 'Still useful.' });
    expect(edited.companyId).toBe(c.id);
    expect((await t.call('notes.list', {})).items[0]).toMatchObject({ companyId: c.id, companyName: null });
  });

  it('is found by search in Vietnamese without diacritics, Thai and Chinese, by title, body and tag, and no longer once deleted', async () => {
    t = await unlockedCore();
    const vi = await t.call('notes.save', { title: 'Nghị định an ninh mạng', body: 'Yêu cầu gỡ bỏ nội dung trong 24 giờ.', tags: ['chính-sách'] });
    const th = await t.call('notes.save', { title: 'Reading list', body: 'กฎหมายความมั่นคงปลอดภัยไซเบอร์ฉบับใหม่' });
    const zh = await t.call('notes.save', { title: 'Policy', body: '平台的账号被封禁了', tags: ['takedowns'] });
    const ids = async (q: string) => (await t.call('records.search', { q, limit: 10 })).filter((h) => h.entity === 'note').map((h) => h.id);
    expect(await ids('nghi dinh')).toEqual([vi.id]);
    expect(await ids('go bo noi dung')).toEqual([vi.id]);
    expect(await ids('ไซเบอร์')).toEqual([th.id]);
    expect(await ids('封禁')).toEqual([zh.id]);
    expect(await ids('takedowns')).toEqual([zh.id]);
    const hit = (await t.call('search.all', { q: 'nghi dinh', limit: 5 })).records[0]!;
    expect(hit).toMatchObject({ entity: 'note', id: vi.id, title: 'Nghị định an ninh mạng' });

    await t.call('notes.save', { ...vi, body: 'Replaced text.' });
    expect(await ids('go bo')).toEqual([]);
    await t.call('notes.delete', { id: zh.id });
    expect(await ids('封禁')).toEqual([]);
  });

  it('keeps every save as a revision, leaves a tombstone on delete, and the integrity check covers notes', async () => {
    t = await unlockedCore();
    const note = await t.call('notes.save', { title: 'Meeting prep', body: 'First words.' });
    await t.call('notes.save', { ...note, body: 'Second words.' });
    const history = await t.call('history.list', { entity: 'note', id: note.id });
    expect(history.map((r) => r.version)).toEqual([1, 2]);
    expect((history[0]!.content as { body: string }).body).toBe('First words.');
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true, checked: 2, records: 1, firstBroken: null });

    const other = await t.call('notes.save', { title: 'To delete', body: 'gone soon' });
    await t.call('notes.delete', { id: other.id });
    expect((await t.call('history.list', { entity: 'note', id: other.id })).at(-1)).toMatchObject({ version: 2, deleted: true, content: null });
    expect(await t.raw('notes.get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true, checked: 4, records: 1 });
  });

  it.each([
    ['a note is edited behind the app', "UPDATE notes SET doc = replace(doc, 'Second words.', 'Forged words.')", /changed outside the app/],
    ['a note is deleted without a tombstone', 'DELETE FROM notes', /removed outside the app/],
    [
      'a note is added outside the app',
      `INSERT INTO notes VALUES ('${crypto.randomUUID()}', 'Ghost', NULL, '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      /added outside the app/,
    ],
  ])('the integrity check names the note when %s', async (_case, sql, reason) => {
    t = await unlockedCore();
    const note = await t.call('notes.save', { title: 'Meeting prep', body: 'First words.' });
    await t.call('notes.save', { ...note, body: 'Second words.' });
    const db = await rawDb();
    db.exec(sql);
    db.close();
    const report = await t.call('integrity.verify', null);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ entity: 'note', reason: expect.stringMatching(reason) });
  });

  it('pages newest change first with a cursor, by tag and by company, without repeating or skipping a note', async () => {
    let clock = Date.UTC(2026, 0, 1);
    t = await unlockedCore({ now: () => new Date((clock += 60_000)) });
    const c = await company();
    const saved = [];
    for (let i = 0; i < 25; i++) {
      saved.push(await t.call('notes.save', { title: `Note ${i}`, tags: i % 2 ? ['odd'] : ['even'], companyId: i % 5 === 0 ? c.id : null }));
    }
    // Editing an old note moves it to the top.
    await t.call('notes.save', { ...saved[3]!, body: 'edited' });

    const walk = async (filter: { tag?: string; companyId?: string }) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.call('notes.list', { ...filter, limit: 4, ...(cursor && { cursor }) });
        seen.push(...page.items.map((n) => n.title));
        cursor = page.next ?? undefined;
      } while (cursor);
      return seen;
    };
    const all = await walk({});
    expect(all).toHaveLength(25);
    expect(all.slice(0, 3)).toEqual(['Note 3', 'Note 24', 'Note 23']);
    expect(new Set(all).size).toBe(25);
    expect(await walk({ tag: 'odd' })).toEqual(['Note 3', ...[23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 1].map((n) => `Note ${n}`)]);
    expect(await walk({ companyId: c.id })).toEqual([20, 15, 10, 5, 0].map((n) => `Note ${n}`));
    expect((await t.call('notes.list', { tag: 'odd', limit: 1 })).total).toBe(12);
    expect(await t.raw('notes.list', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is written encrypted: neither title nor body is readable in the vault file', async () => {
    t = await unlockedCore();
    await t.call('notes.save', { title: 'Whistleblower contact Nguyễn Văn A', body: 'Met at the usual place on Tuesday.' });
    await t.call('vault.lock', null);
    const vaultDir = `${t.dataDir}/vaults`;
    for (const file of fs.readdirSync(vaultDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const bytes = fs.readFileSync(`${file.parentPath}/${file.name}`);
      for (const secret of ['Whistleblower', 'usual place', 'Nguyễn Văn A']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('is counted when the copies of a damaged vault are compared, so a copy without the latest notes shows it', async () => {
    t = await unlockedCore();
    await t.call('notes.save', { title: 'One' });
    await t.call('notes.save', { title: 'Two' });
    const vault = (await t.call('vault.status', null)).vault!;
    const key = await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE);
    expect(vaultContents(vaultPaths(t.dataDir, vault.id).db, key)).toMatchObject({ notes: 2, revisions: 2 });
  });

  it('goes into a backup file and comes back whole in the restored vault, searchable, with its history', async () => {
    t = await unlockedCore();
    const c = await company();
    const note = await t.call('notes.save', { title: 'Transparency report notes', body: 'Government requests rose 40% (账号封禁).', tags: ['reports'], companyId: c.id });
    const edited = await t.call('notes.save', { ...note, body: `${note.body}\n\nSee also the appeal data.` });
    const before = await t.call('integrity.verify', null);

    const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(backup.report).toMatchObject({ records: { notes: 1 }, historyVerified: true, headHash: before.headHash });
    const bytes = Buffer.from(backup.data, 'base64');
    for (const secret of ['Transparency report', 'appeal data']) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Restored', vaultPassphrase: NEW_VAULT_PASSPHRASE });
    expect(restored.report).toMatchObject({ records: { notes: 1 }, historyVerified: true });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: restored.vault.id, passphrase: NEW_VAULT_PASSPHRASE });
    expect(await t.call('notes.get', { id: note.id })).toEqual(edited);
    expect(await t.call('history.list', { entity: 'note', id: note.id })).toHaveLength(2);
    expect((await t.call('records.search', { q: 'appeal', limit: 5 })).map((h) => h.id)).toEqual([note.id]);
    expect((await t.call('notes.list', {})).items[0]).toMatchObject({ id: note.id, companyName: 'Example Platform' });
    expect(await t.call('integrity.verify', null)).toEqual(before);
  });
});
