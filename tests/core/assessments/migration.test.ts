// An assessment saved in the shape before severity criteria, consent per use and typed sources
// existed, written as that version wrote it (its JSON through SQL, with its revision, in a real
// encrypted vault at schema version 7), then opened by this version: migration 11 brings it to the
// current shape by appending a revision, never editing an old one, and it opens, exports and
// verifies. A package citing one of its impacts does not see the upgrade as an edit.
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '@shared/api/assessments';
import { impactEvidence } from '../../../electron/core/assessments/impact-evidence';
import { kindSpec } from '../../../electron/core/exchange/record-kinds';
import { canonicalJson } from '../../../electron/core/records/canonical';
import { GENESIS_HASH, revisionHash } from '../../../electron/core/records/revisions';
import { migrations } from '../../../electron/core/vault/migrations';
import { testCore, type TestCore } from '../../helpers/core';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';
import { uuid } from './fixtures';

let t: TestCore | undefined;
afterEach(async () => t?.core.close());

const at = '2025-06-01T10:00:00.000Z';
const [activist, refuser, member, issue, impact, finding] = [uuid(), uuid(), uuid(), uuid(), uuid(), uuid()];

/** A record exactly as the version before migration 11 saved it. */
const OLD_RECORD = {
  id: uuid(),
  title: 'Platform X in Vietnam',
  platform: 'Platform X',
  companyId: null,
  safety: { answer: 'consulted', riskLevel: 'high', mitigations: 'Signal only.', notApplicableReason: '' },
  purpose: { scope: 'Platform X, 2024', objectives: 'Document removals', audience: 'The company' },
  team: [{ id: member, name: 'Researcher One', role: 'Lead researcher' }],
  stakeholders: [
    { id: activist, pseudonym: 'Activist A', group: 'Activists', consent: 'given', notes: '' },
    { id: refuser, pseudonym: 'Editor B', group: 'Media', consent: 'withdrawn', notes: '' },
  ],
  issues: [{ id: issue, concern: 'Wrongful removals', frameworkIds: ['udhr-iccpr-19'], notes: '' }],
  legal: { items: [], notes: '' },
  impacts: [
    {
      id: impact,
      title: 'Posts removed',
      whatHappened: 'Activist A lost forty posts.',
      stakeholderIds: [activist],
      occurredOn: '2024-04-01',
      platformFeature: 'Appeals',
      harm: 'wrongful-removal',
      severity: 'high',
      issueIds: [issue],
      evidence: [],
      sources: ['Interview 1'],
      review: { reviewer: 'Lead reviewer', role: 'Legal analyst', confirmedOn: '2025-05-02' },
    },
  ],
  recommendations: [{ id: uuid(), audience: 'company', text: 'Publish takedown requests.', impactIds: [impact] }],
  findings: [{ id: finding, title: 'Removals silence activists', statement: 'Posts were removed.', impactIds: [impact], sources: ['Interviews 1–2'], review: { reviewer: '', role: '', confirmedOn: null } }],
  // Assembled by the old version, which printed reviewers by name.
  report: { markdown: '## 5. Documented impacts\n\n**Review:** confirmed by Lead reviewer (Legal analyst) on 2025-05-02.\n', assembledAt: at },
  use: { planId: null, packageId: null, notes: '' },
  example: false,
  createdAt: at,
  updatedAt: at,
};

/** A vault at schema version 7 holding OLD_RECORD, written through SQL as that version wrote it. */
async function vaultAtVersion7() {
  const old = harness({ migrations: migrations.filter((m) => m.version <= 7) });
  const id = await createVault(old);
  const db = old.service.database();
  expect(db.pragma('user_version', { simple: true })).toBe(7);
  db.transaction(() => {
    db.prepare('INSERT INTO assessments (id, title, company_id, example, doc, created_at, updated_at) VALUES (?, ?, NULL, 0, ?, ?, ?)').run(
      OLD_RECORD.id,
      OLD_RECORD.title,
      canonicalJson(OLD_RECORD),
      at,
      at,
    );
    db.prepare('INSERT INTO assessment_impacts (id, assessment_id, ord, title) VALUES (?, ?, 0, ?)').run(impact, OLD_RECORD.id, 'Posts removed');
    // The revision as the version-7 app wrote it: the whole content, chained to the genesis hash.
    const content = canonicalJson(OLD_RECORD);
    db.prepare("INSERT INTO revisions (entity, entity_id, version, at, content, prev_hash, hash) VALUES ('assessment', ?, 1, ?, ?, ?, ?)").run(
      OLD_RECORD.id,
      at,
      content,
      GENESIS_HASH,
      revisionHash(GENESIS_HASH, 'assessment', OLD_RECORD.id, 1, at, content),
    );
  })();
  const pinned = impactEvidence(db, impact)!.currentHash;
  old.service.lock('shutdown');
  return { dataDir: old.dataDir, id, pinned };
}

describe('migration 11', () => {
  it('opens, exports and verifies an assessment saved in the old shape, keeping what was recorded as it was recorded', async () => {
    const fixture = await vaultAtVersion7();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.id, passphrase: PASSPHRASE });

    const opened = await t.call('assessments.get', { id: OLD_RECORD.id });
    expect(opened.impacts[0]!.severity).toMatchObject({ scale: 'not-assessed', scope: 'not-assessed', irremediability: 'not-assessed', earlier: 'high' });
    expect(opened.impacts[0]).toMatchObject({ nature: 'actual', involvement: 'not-assessed', sources: [{ text: 'Interview 1', type: 'not-recorded' }] });
    expect(opened.findings[0]!.sources).toEqual([{ text: 'Interviews 1–2', type: 'not-recorded' }]);
    // "Given" once, for nothing in particular, is not consent to any one use; a withdrawal covers them all.
    expect(opened.stakeholders[0]!.consent).toMatchObject({ publication: 'not-asked', company: 'not-asked', unSubmission: 'not-asked', citation: 'not-asked', earlier: 'given' });
    expect(opened.stakeholders[1]!.consent).toMatchObject({ publication: 'withdrawn', company: 'withdrawn', unSubmission: 'withdrawn', citation: 'refused', earlier: 'withdrawn' });
    expect(opened.publication.rightOfReply.status).toBe('not-started');
    expect(opened.use.deployments).toEqual([]);
    expect(opened.updatedAt).toBe(at);

    // One revision appended; the old one is untouched, so the chain still verifies.
    const history = await t.call('history.list', { entity: 'assessment', id: OLD_RECORD.id });
    expect(history).toHaveLength(2);
    expect(canonicalJson(history[0]!.content)).toBe(canonicalJson(OLD_RECORD));
    expect(history[0]!.hash).toBe(fixture.pinned);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });

    const check = await t.call('assessments.check', opened);
    expect(check.phases.find((p) => p.key === 'impacts')!.missing).toContain(
      'Impact 1: its severity was rated before scale, scope and irremediability were recorded; rate each of them.',
    );

    const assembled = (await t.call('assessments.assembleReport', opened)).markdown;
    expect(assembled).toContain('Severity: High, rated before scale, scope and irremediability were recorded');
    const exported = await t.call('assessments.export', { id: OLD_RECORD.id, format: 'markdown', identity: { acknowledge: true } });
    const text = Buffer.from(exported.data, 'base64').toString('utf8');
    expect(text).toContain('confirmed by a reviewer (Legal analyst) on 2025-05-02');
    expect(text).not.toContain('Lead reviewer');
    expect(text).toContain("The company's response");
  });

  it('leaves a citation of an impact pinned before the upgrade current, and runs only once', async () => {
    const fixture = await vaultAtVersion7();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.id, passphrase: PASSPHRASE });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: fixture.id, passphrase: PASSPHRASE });
    expect(await t.call('history.list', { entity: 'assessment', id: OLD_RECORD.id })).toHaveLength(2);

    const opened = await t.call('assessments.get', { id: OLD_RECORD.id });
    const saved = await t.call('assessments.save', { ...opened, report: { ...opened.report, limitations: 'Two interviews only.' } });
    expect(saved.report.limitations).toBe('Two interviews only.');
    const { packageId } = await t.call('assessments.useResults', { id: OLD_RECORD.id });
    const pkg = await t.call('packages.get', { id: packageId });
    expect(pkg.findings[0]!.evidence[0]).toMatchObject({ kind: 'impact', id: impact, hash: fixture.pinned });
    const exported = Buffer.from((await t.call('packages.export', { id: packageId, format: 'markdown', identity: { acknowledge: true } })).data, 'base64').toString('utf8');
    expect(exported).not.toContain('changed since linked');
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });

  it('reads an assessment in the old shape from a partner bundle made by an earlier version', () => {
    const opened = kindSpec('assessment').schema.parse(structuredClone(OLD_RECORD)) as AssessmentRecord;
    expect(opened.impacts[0]!.severity).toMatchObject({ scale: 'not-assessed', earlier: 'high' });
    expect(opened.stakeholders[1]!.consent).toMatchObject({ publication: 'withdrawn', citation: 'refused' });
    expect(kindSpec('assessment').schema.parse(structuredClone(opened))).toEqual(opened);
  });
});
