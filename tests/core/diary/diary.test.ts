import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngagementDraft } from '@shared/api/diary';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from '../vault/helpers';

const uuid = () => crypto.randomUUID();
let t: TestCore;
afterEach(async () => t?.core.close());

async function company(name = 'Example Platform', hqCountry = 'US') {
  return t.call('companies.save', { name, sector: 'social-media', hqCountry, policies: '', contacts: [] });
}

function meeting(companyId: string, overrides: Partial<EngagementDraft> = {}): EngagementDraft {
  return {
    occurredAt: '2026-10-01T09:30:00.000Z',
    companyId,
    channel: 'call',
    title: 'Video call with trust and safety',
    participantsOurs: ['Minh'],
    participantsTheirs: ['Regional T&S lead'],
    purpose: 'Raise wrongful removals of independent media',
    concerns: ['Wrongful removals of independent media', 'Account restrictions', 'Reduced visibility'],
    commitments: [
      { id: uuid(), text: 'Review 40 flagged posts', owner: 'T&S lead', dueDate: '2026-10-15', status: 'open', evidence: '' },
      { id: uuid(), text: 'Name a regional escalation contact', owner: 'Policy manager', dueDate: '2026-11-01', status: 'open', evidence: '' },
    ],
    followUps: [{ id: uuid(), text: 'Send the case list', owner: 'Minh', dueDate: '2026-10-03', done: false }],
    riskBefore: { level: 'medium', notes: 'Staff names visible' },
    riskAfter: { level: 'low', notes: '' },
    safety: [
      { id: 'context', done: true, note: 'Checked local law on platform liability' },
      { id: 'reprisals-before', done: false, note: '' },
    ],
    outcome: 'Agreed to review',
    tags: ['removals', 'media'],
    notes: '## Notes\nThey asked for **examples**.',
    ...overrides,
  };
}

describe('the engagement diary', () => {
  it('round-trips every field of a company and an engagement through the API', async () => {
    t = await unlockedCore();
    const contact = { id: uuid(), team: 'trust-and-safety' as const, name: 'A. Person', role: 'Lead', email: 'a@example.org', phone: '+1', notes: 'prefers Signal' };
    const saved = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: 'Transparency report 2025', contacts: [contact] });
    expect(await t.call('companies.get', { id: saved.id })).toEqual(saved);
    expect(saved.contacts[0]).toEqual(contact);

    const draft = meeting(saved.id);
    const engagement = await t.call('engagements.save', draft);
    const loaded = await t.call('engagements.get', { id: engagement.id });
    const { id: _id, attachments, createdAt: _c, updatedAt: _u, ...fields } = loaded;
    expect(fields).toEqual(draft);
    expect(attachments).toEqual([]);
  });

  it('lists, filters and sorts engagements', async () => {
    t = await unlockedCore();
    const a = await company('Alpha');
    const b = await company('Beta');
    await t.call('engagements.save', meeting(a.id, { occurredAt: '2026-01-05T10:00:00Z', channel: 'email', tags: ['x'] }));
    await t.call('engagements.save', meeting(b.id, { occurredAt: '2026-02-05T10:00:00Z', channel: 'meeting', tags: ['y'] }));
    await t.call('engagements.save', meeting(b.id, { occurredAt: '2026-03-05T10:00:00Z', channel: 'meeting', tags: ['y'], commitments: [] }));

    const all = await t.call('engagements.list', {});
    expect(all.total).toBe(3);
    expect(all.items.map((row) => row.occurredAt)).toEqual(['2026-03-05T10:00:00.000Z', '2026-02-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z']);
    expect((await t.call('engagements.list', { companyId: a.id })).total).toBe(1);
    expect((await t.call('engagements.list', { channel: 'meeting' })).total).toBe(2);
    expect((await t.call('engagements.list', { tag: 'y', status: 'open' })).total).toBe(1);
    expect((await t.call('engagements.list', { from: '2026-02-01', to: '2026-02-28' })).total).toBe(1);
    expect((await t.call('engagements.list', { sort: 'oldest', limit: 1 })).items[0]!.companyName).toBe('Alpha');
    expect(await t.call('engagements.tags', null)).toEqual(['x', 'y']);
  });

  it('shows overdue and upcoming commitments and follow-ups on the dashboard', async () => {
    t = await unlockedCore();
    const c = await company();
    const engagement = await t.call('engagements.save', meeting(c.id));
    const due = await t.call('dashboard.due', { today: '2026-10-20', horizonDays: 30 });
    expect(due.groups.overdue.items.map((item) => item.text)).toEqual(['Send the case list', 'Review 40 flagged posts']);
    expect(due.groups.overdue.total).toBe(2);
    expect(due.groups.thisWeek).toEqual({ items: [], total: 0, next: null });
    expect(due.groups.later.items.map((item) => item.text)).toEqual(['Name a regional escalation contact']);
    expect(due.overdueByCompany).toEqual([{ companyId: c.id, companyName: 'Example Platform', count: 2, oldestDueDate: '2026-10-03' }]);

    // Marking one kept takes it off the dashboard.
    const [first, second] = engagement.commitments;
    await t.call('engagements.save', { ...engagement, commitments: [{ ...first!, status: 'kept' }, second!] });
    const after = await t.call('dashboard.due', { today: '2026-10-20', horizonDays: 30 });
    expect(after.groups.overdue.items.map((item) => item.text)).toEqual(['Send the case list']);
  });

  it('says in one sentence how a company has kept its word', async () => {
    t = await unlockedCore();
    const c = await company();
    const engagement = await t.call('engagements.save', meeting(c.id));
    const [first, second] = engagement.commitments;
    await t.call('engagements.save', { ...engagement, commitments: [{ ...first!, status: 'kept' }, { ...second!, dueDate: '2026-10-10' }] });
    const ledger = await t.call('companies.ledger', { id: c.id, today: '2026-11-20' });
    expect(ledger).toMatchObject({ made: 2, kept: 1, open: 1, overdue: 1, sentence: '2 made, 1 kept, 1 overdue.' });
    expect(ledger.byMonth).toEqual([{ month: '2026-10', made: 2, kept: 1, broken: 0 }]);
  });

  it('refuses to delete a company that still has entries, and explains why', async () => {
    t = await unlockedCore();
    const c = await company();
    await t.call('engagements.save', meeting(c.id));
    const result = await t.raw('companies.delete', { id: c.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('companies.get', { id: c.id })).toMatchObject({ name: 'Example Platform' });
  });

  it('gives clear errors for bad input and changes nothing', async () => {
    t = await unlockedCore();
    const c = await company();
    const noCompany = await t.raw('engagements.save', meeting(uuid()));
    expect(noCompany).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: ['companyId'] } });
    const badDate = await t.raw('engagements.save', { ...meeting(c.id), occurredAt: 'yesterday' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['occurredAt'] } });
    const badCountry = await t.raw('companies.save', { name: 'X', sector: 'ai', hqCountry: 'Japan' });
    expect(badCountry).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // "JA" looks like a code but is no country: a guess for Japan must never be stored.
    const guessedCode = await t.raw('companies.save', { name: 'X', sector: 'ai', hqCountry: 'JA' });
    expect(guessedCode).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['hqCountry'] } });
    expect((await t.call('companies.list', null)).map((saved: { name: string }) => saved.name)).not.toContain('X');
    expect((await t.call('engagements.list', {})).total).toBe(0);
  });

  it('refuses diary calls while the vault is locked', async () => {
    t = await unlockedCore();
    await t.call('vault.lock', null);
    expect(await t.raw('companies.list', null)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('drafts', () => {
  it('keeps unsaved editor state in the vault across a lock', async () => {
    t = await unlockedCore();
    await t.call('drafts.save', { key: 'engagement:new', content: { notes: 'half-typed sentence' } });
    const vault = (await t.call('vault.status', null)).vault!;
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: vault.id, passphrase: 'correct horse battery staple' });
    expect(await t.call('drafts.get', { key: 'engagement:new' })).toMatchObject({ content: { notes: 'half-typed sentence' } });
    await t.call('drafts.discard', { key: 'engagement:new' });
    expect(await t.call('drafts.get', { key: 'engagement:new' })).toBeNull();
  });
});

describe('attachments', () => {
  it('stores files inside the vault with their SHA-256, type and size', async () => {
    t = await unlockedCore();
    const c = await company();
    const engagement = await t.call('engagements.save', meeting(c.id));
    const bytes = Buffer.from('post id,date\n1,2026-10-01\n');
    const meta = await t.call('attachments.add', { engagementId: engagement.id, name: 'cases.csv', type: 'text/csv', data: bytes.toString('base64') });
    expect(meta).toMatchObject({ name: 'cases.csv', type: 'text/csv', size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    expect((await t.call('engagements.get', { id: engagement.id })).attachments).toEqual([meta]);
    const read = await t.call('attachments.read', { id: meta.id });
    expect(Buffer.from(read.data, 'base64').equals(bytes)).toBe(true);
    await t.call('attachments.remove', { id: meta.id });
    expect((await t.call('engagements.get', { id: engagement.id })).attachments).toEqual([]);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    t = await unlockedCore();
    const c = await company();
    const engagement = await t.call('engagements.save', meeting(c.id));
    const big = Buffer.alloc(26 * 1024 * 1024).toString('base64');
    const result = await t.raw('attachments.add', { engagementId: engagement.id, name: 'big.bin', type: 'application/octet-stream', data: big });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/25 MB/);
  });
});

describe('revisions and integrity', () => {
  async function populated() {
    t = await unlockedCore();
    const c = await company();
    const engagement = await t.call('engagements.save', meeting(c.id));
    await t.call('engagements.save', { ...engagement, outcome: 'Changed outcome' });
    return { c, engagement };
  }

  /** A second connection straight to the vault file, as someone tampering with it would open it. */
  async function rawDb(): Promise<Database.Database> {
    const vault = (await t.call('vault.status', null)).vault!;
    return openWithKey(vaultPaths(t.dataDir, vault.id).db, await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE));
  }

  it('keeps every save as a version and shows the history', async () => {
    const { engagement } = await populated();
    const history = await t.call('history.list', { entity: 'engagement', id: engagement.id });
    expect(history.map((r) => r.version)).toEqual([1, 2]);
    expect((history[1]!.content as { outcome: string }).outcome).toBe('Changed outcome');
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true, checked: 3, records: 2, firstBroken: null });
  });

  it('leaves a tombstone when a record is deleted, so the chain still verifies', async () => {
    const { engagement } = await populated();
    await t.call('engagements.delete', { id: engagement.id });
    const history = await t.call('history.list', { entity: 'engagement', id: engagement.id });
    expect(history.at(-1)).toMatchObject({ version: 3, deleted: true, content: null });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true, checked: 4, records: 1 });
  });

  it.each([
    ['a past revision is edited', "UPDATE revisions SET content = replace(content, 'Agreed to review', 'Refused') WHERE seq = 2"],
    ['a revision is removed', 'DELETE FROM revisions WHERE seq = 2'],
    ['a record is edited behind the app', "UPDATE engagements SET doc = replace(doc, 'Changed outcome', 'Other outcome')"],
    ['a record is deleted without a tombstone', 'DELETE FROM engagements'],
    ['a record is added outside the app', `INSERT INTO companies VALUES ('${crypto.randomUUID()}', 'Ghost', 'ai', '', '{}', 'x', 'x')`],
  ])('detects tampering when %s', async (_case, sql) => {
    await populated();
    const db = await rawDb();
    db.exec(sql);
    db.close();
    const report = await t.call('integrity.verify', null);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.reason).toMatch(/outside the app|changed, removed or reordered|missing/);
  });
});
