// @vitest-environment jsdom
// A package saved before review status, selection, methodology and free-text forums, written into a
// real encrypted vault in its old shape (with its revision, as the app wrote it): it opens, lists,
// checks, exports in every text format, verifies, and is written in the new shape on the next save.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/records/canonical';
import { appendRevision } from '../../../electron/core/records/revisions';
import { testCore, type TestCore } from '../../helpers/core';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';
import { uuid } from './fixtures';
import { exportedText, flat } from './package-exports';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const at = '2026-09-01T08:00:00.000Z';
/** Exactly the fields an evidence package had before this version: no review, no ticks, no methodology. */
const oldPackage = () => ({
  id: uuid(),
  title: 'Before the UN RBHR Forum',
  planId: null,
  companyId: null,
  findings: [
    {
      id: uuid(),
      title: 'Wrongful removals',
      statement: 'Independent media posts were removed without notice.',
      evidence: [{ kind: 'engagement', id: uuid(), hash: 'a'.repeat(64), label: 'Video call with trust and safety (2026-08-01)' }],
    },
    { id: uuid(), title: 'Account restrictions', statement: 'Accounts were restricted.', evidence: [{ kind: 'attachment', id: uuid(), hash: 'b'.repeat(64), label: 'cases.csv' }] },
  ],
  risksSummary: 'Independent media lose their audience.',
  asks: [
    { id: uuid(), audience: 'company', text: 'Publish every government takedown request.' },
    { id: uuid(), audience: 'government', text: 'Repeal the decree on online content.' },
  ],
  forumMechanismId: 'un-rbhr-forum-ap',
  forumNote: 'Bangkok session',
  partners: [{ id: uuid(), name: 'Partner One', role: 'Co-signatory' }],
  createdAt: at,
  updatedAt: at,
});

async function vaultWithOldPackage() {
  const old = harness();
  const vaultId = await createVault(old);
  const db = old.service.database();
  const pkg = oldPackage();
  db.transaction(() => {
    db.prepare('INSERT INTO evidence_packages (id, title, plan_id, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(pkg.id, pkg.title, null, canonicalJson(pkg), at, at);
    appendRevision(db, 'package', pkg.id, pkg, at);
  })();
  old.service.lock('shutdown');
  return { dataDir: old.dataDir, vaultId, pkg };
}

describe('a package saved in the old shape', () => {
  it('opens with every finding and ask chosen in its old order, each finding unconfirmed, and an empty methodology', async () => {
    const fixture = await vaultWithOldPackage();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.vaultId, passphrase: PASSPHRASE });

    const pkg = await t.call('packages.get', { id: fixture.pkg.id });
    expect(pkg.findings.map((f) => [f.title, f.included, f.review.status])).toEqual([
      ['Wrongful removals', true, 'unconfirmed'],
      ['Account restrictions', true, 'unconfirmed'],
    ]);
    expect(pkg.asks.map((a) => [a.text, a.included])).toEqual(fixture.pkg.asks.map((a) => [a.text, true]));
    expect(pkg).toMatchObject({ forumName: '', unconfirmedReason: '', methodology: { sources: [], periodFrom: null, consent: '' } });
    expect((await t.call('packages.list', null))[0]).toMatchObject({ id: fixture.pkg.id, ready: false, forumName: '' });
    const check = await t.call('packages.check', pkg);
    expect(check.problems.map((p) => p.field)).toEqual(['unconfirmedReason', 'methodology.sources', 'methodology.consent', 'methodology.verification', 'methodology.limitations']);

    for (const format of ['markdown', 'html', 'docx'] as const) {
      const text = flat(await exportedText(t, pkg.id, format));
      expect(text, format).toContain('Finding 1: Wrongful removals Review status: Not confirmed by a reviewer');
      expect(text, format).toContain('Methodology and verification');
      expect(text, format).toContain('0 of 2 findings were confirmed by a reviewer');
      expect(text, format).toContain('b'.repeat(64));
    }
    // Reading did not rewrite the stored record: its revision chain verifies as it was.
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
    expect(await t.call('history.list', { entity: 'package', id: fixture.pkg.id })).toHaveLength(1);
  });

  it('is written in the new shape on the next save, keeping the sender-style evidence it cites', async () => {
    const fixture = await vaultWithOldPackage();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.vaultId, passphrase: PASSPHRASE });
    const pkg = await t.call('packages.get', { id: fixture.pkg.id });
    const saved = await t.call('packages.save', { ...pkg, findings: pkg.findings.map((f) => ({ ...f, review: { status: 'confirmed', role: 'Researcher', on: '2026-11-30' } })) });
    expect(saved.findings[0]!.evidence).toEqual(fixture.pkg.findings[0]!.evidence);
    expect(saved.findings[1]!.review).toEqual({ status: 'confirmed', role: 'Researcher', on: '2026-11-30', note: '', source: 'package' });
    expect(await t.call('history.list', { entity: 'package', id: fixture.pkg.id })).toHaveLength(2);
    expect(await t.call('packages.check', saved)).toMatchObject({ findingsUnconfirmed: 0 });
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });
});
