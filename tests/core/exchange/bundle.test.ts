// Partner bundles between two vaults: only the chosen records leave, diary entries and contacts
// stay private, evidence links keep their hash, the import adds new records with provenance
// and skips what is already there.
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { folderDigest, fullVault } from './fixtures';

const SHARED = 'coalition shared passphrase';

let sender: TestCore;
let partner: TestCore;
afterEach(async () => {
  await sender?.core.close();
  await partner?.core.close();
});

async function twoVaults() {
  sender = await unlockedCore();
  partner = await unlockedCore({ dataDir: tempDir() });
  return fullVault(sender);
}

describe('partner bundles', () => {
  it('shares the chosen plan, package and assessment, and nothing private', async () => {
    const fixture = await twoVaults();
    const choices = await sender.call('exchange.bundle.choices', null);
    expect(choices.map((c) => c.kind).sort()).toEqual(['assessment', 'package', 'plan']);
    const bundle = await sender.call('exchange.bundle.create', {
      identity: { acknowledge: true },
      organisation: 'Coalition <b>One</b>',
      passphrase: SHARED,
      items: [
        { kind: 'plan', id: fixture.plan.id },
        { kind: 'package', id: fixture.pkg.id },
        { kind: 'assessment', id: fixture.assessment.id },
      ],
    });
    expect(bundle).toMatchObject({ items: 3, files: 0 });

    const digest = await folderDigest(partner);
    const preview = await partner.call('exchange.bundle.preview', { data: bundle.data, passphrase: SHARED });
    expect(preview).toMatchObject({ organisation: 'Coalition <b>One</b>', newItems: 3, duplicates: 0, files: 0 });
    expect(preview.items.map((i) => [i.kind, i.title, i.duplicate])).toEqual([
      ['plan', 'Escalate removals 账号', false],
      ['package', fixture.pkg.title, false],
      ['assessment', fixture.assessment.title, false],
    ]);
    expect(await folderDigest(partner)).toBe(digest);
    expect(await partner.raw('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: false })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const result = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    expect(result.added).toHaveLength(3);
    const ids = Object.fromEntries(result.added.map((a) => [a.kind, a.id]));
    expect(ids.plan).not.toBe(fixture.plan.id);

    const plan = await partner.call('plans.get', { id: ids.plan! });
    expect(plan).toMatchObject({ title: fixture.plan.title, objective: fixture.plan.objective, companyId: null, engagementIds: [] });
    expect(plan.steps.every((s) => s.engagementIds.length === 0)).toBe(true);
    const pkg = await partner.call('packages.get', { id: ids.package! });
    expect(pkg.planId).toBe(ids.plan);
    expect(pkg.companyId).toBeNull();
    // Evidence links keep the pinned hash, so the partner can cite and verify them; id and label
    // are made here, so they never point at a record of the partner's own.
    const linkHashes = (p: typeof pkg) => p.findings.map((f) => f.evidence.map((l) => [l.kind, l.hash]));
    expect(linkHashes(pkg)).toEqual(linkHashes(fixture.pkg));
    for (const link of pkg.findings.flatMap((f) => f.evidence)) expect(link.label).toMatch(/cited by the sender/);
    const assessment = await partner.call('assessments.get', { id: ids.assessment! });
    expect(assessment.privateNames).toEqual([]);
    expect(assessment.impacts.map((i) => i.id)).not.toEqual(fixture.assessment.impacts.map((i) => i.id));
    expect(assessment.findings[0]!.impactIds.every((id) => assessment.impacts.some((i) => i.id === id))).toBe(true);
    expect(JSON.stringify(assessment)).not.toContain('Nguyễn Thị Hoa');

    // Nothing from the diary came along.
    expect(await partner.call('companies.list', null)).toEqual([]);
    expect((await partner.call('engagements.list', {})).total).toBe(0);

    const provenance = await partner.call('exchange.provenance', { entity: 'package', id: ids.package! });
    expect(provenance).toMatchObject({ organisation: 'Coalition <b>One</b>', bundleId: preview.bundleId, sentAt: preview.createdAt, files: [] });
    expect(await partner.call('exchange.provenance', { entity: 'plan', id: fixture.plan.id })).toBeNull();
    expect(await partner.call('integrity.verify', null)).toMatchObject({ ok: true, checked: 3 });
    expect((await partner.call('records.search', { q: 'Escalate removals', limit: 5 })).map((h) => h.id)).toEqual([ids.plan]);
  });

  it('adds nothing when the same bundle is imported again, and says so', async () => {
    const fixture = await twoVaults();
    const bundle = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'plan', id: fixture.plan.id }, { kind: 'package', id: fixture.pkg.id }] });
    await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    const digest = await folderDigest(partner);
    const preview = await partner.call('exchange.bundle.preview', { data: bundle.data, passphrase: SHARED });
    expect(preview).toMatchObject({ newItems: 0, duplicates: 2 });
    expect(preview.items.every((i) => i.duplicate)).toBe(true);
    expect(await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true })).toEqual({ added: [], duplicates: 2, files: 0 });
    expect(await folderDigest(partner)).toBe(digest);
    // The sender's own records count as already there too.
    expect(await sender.call('exchange.bundle.preview', { data: bundle.data, passphrase: SHARED })).toMatchObject({ newItems: 0, duplicates: 2 });
  });

  it('carries the cited diary files only when the sender includes them', async () => {
    const fixture = await twoVaults();
    const bundle = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: fixture.pkg.id }], includeCitedFiles: true });
    expect(bundle).toMatchObject({ items: 1, files: 1 });
    const result = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    expect(result.files).toBe(1);
    const provenance = await partner.call('exchange.provenance', { entity: 'package', id: result.added[0]!.id });
    expect(provenance!.files).toEqual([{ sha256: fixture.file.sha256, name: 'cases.csv', type: 'text/csv', size: fixture.file.size }]);
    const file = await partner.call('exchange.files.read', { sha256: fixture.file.sha256 });
    expect(Buffer.from(file.data, 'base64').toString()).toBe('post,date\n1,2026-09-01\n');
  });
});
