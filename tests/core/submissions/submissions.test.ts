// Submission drafts through the dispatcher against real encrypted vaults: saved and read back whole,
// a stale save refused, found by search and gone from it once deleted, kept in the revision chain,
// never readable in the vault file, carried through a backup and a partner bundle without the
// sender's private links, and their rows, company links and export decisions gone on delete, the
// decisions' flagged names overwritten in the file itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionDraft } from '@shared/api/submissions';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { vaultContents } from '../../../electron/core/vault/salvage';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { fullVault } from '../exchange/fixtures';
import { decryptedCopy, openWithKey, vaultKey } from '../vault/helpers';

const FILE_PASSPHRASE = 'backup file passphrase 2026';
const NEW_VAULT_PASSPHRASE = 'restored vault passphrase';
const SHARED = 'coalition shared passphrase';
const uuid = () => crypto.randomUUID();

let t: TestCore;
let partner: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  await partner?.core.close();
  partner = undefined;
});

async function rawDb(core: TestCore = t): Promise<Database.Database> {
  const vault = (await core.call('vault.status', null)).vault!;
  return openWithKey(vaultPaths(core.dataDir, vault.id).db, await vaultKey(core.dataDir, vault.id, TEST_PASSPHRASE));
}

function ncpDraft(companyId: string): SubmissionDraft {
  return {
    route: 'ncpSpecificInstance',
    title: 'Specific instance: Example Platform removals',
    companyIds: [companyId],
    fields: {
      route: 'ncpSpecificInstance',
      enterprises: { companyIds: [companyId], entityNames: ['Example Platform Pte Ltd'] },
      whereIssueArose: 'VN',
      chapters: ['humanRights', 'generalPolicies'],
      submitterInterest: 'We represent the independent outlets whose posts were removed.',
      desiredOutcome: 'Publish takedown requests; restore the removed posts.',
      confidentialityRequests: 'Keep the names of the outlets confidential.',
    },
    body: '## The enterprise\n\nExample Platform removed posts of Báo Độc Lập (账号封禁).',
    filingDeadline: '2027-02-01',
  };
}

describe('submission drafts', () => {
  it('saves a draft with its route fields and reads it back whole, newest first in the list', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const saved = await t.call('submissions.save', ncpDraft(c.id));
    expect(saved).toMatchObject({ ...ncpDraft(c.id), version: 1, status: 'drafting', includeHashAppendix: false, language: 'en', source: null });
    expect(await t.call('submissions.get', { id: saved.id })).toEqual(saved);

    const second = await t.call('submissions.save', { route: 'trustedPartner', title: 'Escalation to the platform', fields: { route: 'trustedPartner', partner: 'Partner One' } });
    const page = await t.call('submissions.list', { limit: 1 });
    expect(page.items.map((s) => s.id)).toEqual([second.id]);
    expect(page.total).toBe(2);
    const rest = await t.call('submissions.list', { limit: 1, cursor: page.next! });
    expect(rest.items).toEqual([
      { id: saved.id, route: 'ncpSpecificInstance', title: saved.title, status: 'drafting', source: null, companyIds: [c.id], filingDeadline: '2027-02-01', filedOn: null, updatedAt: saved.updatedAt },
    ]);
    expect((await t.call('submissions.list', { companyId: c.id })).items.map((s) => s.id)).toEqual([saved.id]);
    expect((await t.call('submissions.list', { status: 'filed' })).items).toEqual([]);
  });

  it('refuses fields of another route, a save over a newer version, and a company not in the vault, with a sentence', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const mismatch = await t.raw('submissions.save', { ...ncpDraft(c.id), route: 'uprStakeholder' });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'validation.submissionRoute', fields: ['fields'] } });

    const saved = await t.call('submissions.save', ncpDraft(c.id));
    const edited = await t.call('submissions.save', { ...saved, body: 'Second window', version: saved.version });
    expect(edited.version).toBe(2);
    const stale = await t.raw('submissions.save', { ...saved, body: 'First window, stale', version: saved.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'submissions.changedElsewhere' } });
    expect((await t.call('submissions.get', { id: saved.id })).body).toBe('Second window');

    const ghost = await t.raw('submissions.save', { ...ncpDraft(c.id), companyIds: [uuid()] });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'submissions.companyGone' } });
    const gone = await t.raw('submissions.start', { route: 'bhrrcResponse', source: { kind: 'package', id: uuid() } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'submissions.sourceGone', params: { context: 'package' } } });
  });

  it('is found by search in its body and fields, keeps every save as a revision, and leaves a tombstone on delete', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const saved = await t.call('submissions.save', ncpDraft(c.id));
    const edited = await t.call('submissions.save', { ...saved, fields: { ...ncpDraft(c.id).fields, desiredOutcome: 'Mediation on restoring archived journalism' } as never });
    expect((await t.call('records.search', { q: 'archived journalism', limit: 5 })).map((h) => [h.entity, h.id])).toEqual([['submission', saved.id]]);
    expect((await t.call('records.search', { q: 'Độc Lập', limit: 5 })).map((h) => h.id)).toEqual([saved.id]);

    await t.call('submissions.delete', { id: saved.id });
    expect(await t.call('records.search', { q: 'archived journalism', limit: 5 })).toEqual([]);
    expect(await t.raw('submissions.get', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'submissions.notFound' } });
    const history = await t.call('history.list', { entity: 'submission', id: saved.id });
    expect(history.map((r) => [r.version, r.deleted])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(history[1]!.content).toEqual(edited);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('catches a draft edited behind the app in the integrity check', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const saved = await t.call('submissions.save', ncpDraft(c.id));
    const db = await rawDb();
    db.prepare("UPDATE submissions SET doc = json_set(doc, '$.body', 'rewritten') WHERE id = ?").run(saved.id);
    db.close();
    const report = await t.call('integrity.verify', null);
    expect(report.ok).toBe(false);
  });

  it('deletes its row, company links and remembered export decisions, and the record search no longer holds it', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const saved = await t.call('submissions.save', ncpDraft(c.id));
    const db = await rawDb();
    db.prepare("INSERT INTO export_decisions (record_kind, record_id, flag_key, action, replacement, decided_at) VALUES ('submission', ?, 'name:nguyen thi hoa', 'replace', 'Source A', '2026-12-01')").run(saved.id);
    db.close();
    await t.call('submissions.delete', { id: saved.id });
    const after = await rawDb();
    expect(after.prepare('SELECT count(*) AS n FROM submissions').get()).toEqual({ n: 0 });
    expect(after.prepare('SELECT count(*) AS n FROM submission_companies').get()).toEqual({ n: 0 });
    expect(after.prepare("SELECT count(*) AS n FROM export_decisions WHERE record_kind = 'submission'").get()).toEqual({ n: 0 });
    expect(after.pragma('secure_delete', { simple: true })).toBe(1);
    after.close();
    expect(await t.raw('submissions.delete', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The decision held the flagged name; once the lock checkpoints, no page of the file holds it.
    const vault = (await t.call('vault.status', null)).vault!;
    const key = await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE);
    await t.call('vault.lock', null);
    await t.core.settled();
    expect(decryptedCopy(vaultPaths(t.dataDir, vault.id).db, key).includes(Buffer.from('name:nguyen thi hoa'))).toBe(false);
  });

  it('is written encrypted: neither title, body nor fields are readable in the vault files', async () => {
    t = await unlockedCore();
    await t.call('submissions.save', {
      route: 'spCommunication',
      title: 'Urgent appeal for Nguyễn Văn A',
      fields: { route: 'spCommunication', kind: 'urgentAppeal', facts: 'Detained after the livestream on Tuesday.' },
      body: 'Confidential: the safe house is in Quận 3.',
    });
    await t.call('vault.lock', null);
    for (const file of fs.readdirSync(`${t.dataDir}/vaults`, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const bytes = fs.readFileSync(`${file.parentPath}/${file.name}`);
      for (const secret of ['Urgent appeal', 'Nguyễn Văn A', 'livestream', 'safe house']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('is counted when the copies of a damaged vault are compared, so a copy without the latest drafts shows it', async () => {
    t = await unlockedCore();
    await t.call('submissions.start', { route: 'trustedPartner', source: null });
    await t.call('submissions.start', { route: 'oversightBoard', source: null });
    const vault = (await t.call('vault.status', null)).vault!;
    const key = await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE);
    expect(vaultContents(vaultPaths(t.dataDir, vault.id).db, key)).toMatchObject({ submissions: 2, revisions: 2 });
  });

  it('goes into a backup file and comes back whole in the restored vault, searchable, with its history', async () => {
    t = await unlockedCore();
    const c = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    const saved = await t.call('submissions.save', ncpDraft(c.id));
    const edited = await t.call('submissions.save', { ...saved, status: 'filed', filedOn: '2026-11-30', outcomeNote: 'Acknowledged by phone' });
    const before = await t.call('integrity.verify', null);
    const backup = await t.call('exchange.backup.create', { passphrase: FILE_PASSPHRASE });
    expect(backup.report).toMatchObject({ historyVerified: true, headHash: before.headHash });
    expect(backup.report.tables).toMatchObject({ submissions: 1, submission_companies: 1 });
    expect(backup.report.records).toMatchObject({ submissions: 1 });
    expect(Buffer.from(backup.data, 'base64').includes(Buffer.from('Độc Lập'))).toBe(false);

    const restored = await t.call('exchange.backup.restore', { data: backup.data, passphrase: FILE_PASSPHRASE, name: 'Restored', vaultPassphrase: NEW_VAULT_PASSPHRASE });
    expect(restored.report).toMatchObject({ historyVerified: true });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: restored.vault.id, passphrase: NEW_VAULT_PASSPHRASE });
    expect(await t.call('submissions.get', { id: saved.id })).toEqual(edited);
    expect(await t.call('history.list', { entity: 'submission', id: saved.id })).toHaveLength(2);
    expect((await t.call('records.search', { q: 'Độc Lập', limit: 5 })).map((h) => h.id)).toEqual([saved.id]);
    expect((await t.call('submissions.list', { companyId: c.id })).items.map((s) => s.id)).toEqual([saved.id]);
    expect(await t.call('integrity.verify', null)).toEqual(before);
  });

  it('travels in a partner bundle with its source package, without company links or the people register, and passes the identity check', async () => {
    t = await unlockedCore();
    partner = await unlockedCore({ dataDir: tempDir() });
    const fixture = await fullVault(t);
    const person = await t.call('people.save', { realName: 'Trần Thị Mai', pseudonym: 'Source M', givenName: 'Mai', note: '', aliases: [], otherScripts: [], handles: [], emails: [], phones: [], urls: [] });
    const started = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'package', id: fixture.pkg.id } });
    const draft = await t.call('submissions.save', {
      ...started,
      fields: {
        ...(started.fields as Extract<typeof started.fields, { route: 'spCommunication' }>),
        victims: [{ id: uuid(), pseudonym: 'Source M', realNameKnown: true, consentToBeNamed: 'given', personId: person.id }],
      },
      body: `${started.body}\n\nTrần Thị Mai was detained.`,
    });

    const items = [
      { kind: 'package' as const, id: fixture.pkg.id },
      { kind: 'submission' as const, id: draft.id },
    ];
    // The check sees the real name in the draft's text: without a decision the bundle is refused.
    expect(await t.raw('exchange.bundle.create', { organisation: 'Coalition One', passphrase: SHARED, items, identity: { acknowledge: false } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'exportCheck.undecided' },
    });
    const review = await t.call('exports.bundleIdentityCheck', { items, includeCitedFiles: false });
    const key = review.flags.find((f) => f.personId === person.id)!.key;
    const bundle = await t.call('exchange.bundle.create', { organisation: 'Coalition One', passphrase: SHARED, items, identity: { decisions: [{ key, action: 'replace', replacement: 'Source M' }] } });
    expect(bundle.items).toBe(2);

    const result = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    const added = result.added.find((a) => a.kind === 'submission')!;
    const pkg = result.added.find((a) => a.kind === 'package')!;
    const received = await partner.call('submissions.get', { id: added.id });
    expect(received).toMatchObject({ route: 'spCommunication', companyIds: [], source: { kind: 'package', id: pkg.id }, version: 1 });
    expect(received.body).toContain('Source M was detained.');
    expect(received.body).not.toContain('Trần Thị Mai');
    const fields = received.fields as Extract<typeof received.fields, { route: 'spCommunication' }>;
    expect(fields.perpetrators.companyIds).toEqual([]);
    expect(fields.victims.map((v) => [v.pseudonym, v.personId])).toEqual([['Source M', null]]);
    expect((await partner.call('records.search', { q: 'detained', limit: 5 })).map((h) => h.id)).toEqual([added.id]);
    expect(await partner.call('integrity.verify', null)).toMatchObject({ ok: true });
  });
});
