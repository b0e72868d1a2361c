// A partner bundle is someone else's file. These tests craft bundles the way a hostile or careless
// sender could: evidence links that cite the recipient's own attachment, diary entry and CLARITI
// impact by id and hash under a harmless label, a bundle id reused by another sender, and a title
// that tries to break out of the export's HTML. Nothing in the file may make the recipient's
// records stand in for the sender's: not in an export, not in a bundle the recipient shares
// onwards, not in the provenance shown.
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { open, seal } from '../../../electron/core/exchange/container';
import { TEST_KDF, unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { completeAssessment } from '../assessments/fixtures';
import { diaryWithTwoCalls } from '../plans/fixtures';
import { checksum, jsonBytes, zipOf } from './craft';
import { fullVault } from './fixtures';

const SHARED = 'coalition shared passphrase';
const PRIVATE_FILE = 'PRIVATE: names and phone numbers of the three witnesses';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.close();
});
async function vault(): Promise<TestCore> {
  const t = await unlockedCore({ dataDir: tempDir() });
  cores.push(t);
  return t;
}

type Members = Map<string, Uint8Array>;
async function unseal(data: string): Promise<Members> {
  return new Map(Object.entries(unzipSync(await open('bundle', Buffer.from(data, 'base64'), SHARED, Infinity))));
}
/** The parts of a bundle's JSON these tests rewrite. */
interface Manifest {
  bundleId: string;
  items: Array<{ kind: string; id: string; sha256: string }>;
}
interface SharedRecord {
  findings: Array<{ evidence: unknown[] }>;
  impacts: Array<{ evidence: unknown[] }>;
}
const readJson = <T>(members: Members, name: string): T => JSON.parse(Buffer.from(members.get(name)!).toString()) as T;

/** The bundle with its manifest and records changed, checksums recomputed and sealed again. */
async function reseal(data: string, change: (manifest: Manifest, records: Map<string, SharedRecord>) => void): Promise<string> {
  const members = await unseal(data);
  const manifest = readJson<Manifest>(members, 'manifest.json');
  const records = new Map([...members.keys()].filter((n) => n.startsWith('records/')).map((n) => [n, readJson<SharedRecord>(members, n)]));
  change(manifest, records);
  for (const item of manifest.items) {
    const name = `records/${item.kind}/${item.id}.json`;
    members.set(name, jsonBytes(records.get(name)));
    item.sha256 = checksum(jsonBytes(records.get(name)));
  }
  members.set('manifest.json', jsonBytes(manifest));
  return (await seal('bundle', zipOf(members), SHARED, TEST_KDF)).toString('base64');
}

/** The recipient's own private records: a diary call with a file, and an assessment impact. */
async function recipientsPrivateRecords(recipient: TestCore) {
  const diary = await diaryWithTwoCalls(recipient);
  const call = await recipient.call('engagements.save', { occurredAt: '2026-10-05T10:00:00Z', companyId: diary.company.id, channel: 'meeting', title: 'Private call with a witness', concerns: [], commitments: [] });
  const file = await recipient.call('attachments.add', { engagementId: call.id, name: 'witnesses.csv', type: 'text/csv', data: Buffer.from(PRIVATE_FILE).toString('base64') });
  const [revision] = (await recipient.call('history.list', { entity: 'engagement', id: call.id })).slice(-1);
  const assessment = await recipient.call('assessments.save', completeAssessment(diary.company.id, diary.first.id, diary.file.id));
  const impact = assessment.impacts[0]!;
  const [assessed] = (await recipient.call('history.list', { entity: 'assessment', id: assessment.id })).slice(-1);
  return { call, callHash: revision!.hash, file, assessment, impact, impactHash: assessed!.hash };
}

describe('evidence in a partner bundle', () => {
  it('never resolves to the recipient’s own file, diary entry or impact, whatever ids and labels it claims', async () => {
    const sender = await vault();
    const recipient = await vault();
    const fixture = await fullVault(sender);
    const own = await recipientsPrivateRecords(recipient);
    const genuine = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: fixture.pkg.id }] });

    const crafted = await reseal(genuine.data, (_manifest, records) => {
      const pkg = [...records.values()][0]!;
      pkg.findings[0]!.evidence = [
        { kind: 'attachment', id: own.file.id, hash: own.file.sha256, label: 'Public press release.pdf' },
        { kind: 'engagement', id: own.call.id, hash: own.callHash, label: 'Public statement' },
        { kind: 'impact', id: own.impact.id, hash: own.impactHash, label: 'Published report' },
      ];
    });
    const imported = await recipient.call('exchange.bundle.import', { data: crafted, passphrase: SHARED, confirm: true });
    const id = imported.added[0]!.id;
    const pkg = await recipient.call('packages.get', { id });
    const links = pkg.findings[0]!.evidence;
    // The pinned hashes stay, so the citation can still be checked; nothing else from the file does.
    expect(links.map((l) => [l.kind, l.hash])).toEqual([
      ['attachment', own.file.sha256],
      ['engagement', own.callHash],
      ['impact', own.impactHash],
    ]);
    for (const link of links) {
      expect([own.file.id, own.call.id, own.impact.id]).not.toContain(link.id);
      expect(link.label).toMatch(/cited by the sender, SHA-256 [0-9a-f]{16}…$/);
    }

    // Sharing the imported package onwards, with cited files, ships none of the recipient's.
    const onwards = await recipient.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Recipient', passphrase: SHARED, items: [{ kind: 'package', id }], includeCitedFiles: true });
    expect(onwards.files).toBe(0);
    const members = await unseal(onwards.data);
    for (const bytes of members.values()) expect(Buffer.from(bytes).toString()).not.toContain(PRIVATE_FILE);

    // Its exports name none of the recipient's records.
    for (const format of ['markdown', 'html'] as const) {
      const text = Buffer.from((await recipient.call('packages.export', { identity: { acknowledge: true }, id, format })).data, 'base64').toString();
      for (const secret of ['witnesses.csv', 'Private call with a witness', own.impact.title, own.assessment.title]) expect(text).not.toContain(secret);
      expect(text).not.toContain('Public press release');
    }

    // Editing the imported package keeps the sender's citations as they arrived...
    const edited = await recipient.call('packages.save', { ...pkg, title: `${pkg.title} (our edit)` });
    expect(edited.findings[0]!.evidence).toEqual(links);
    expect((await recipient.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Recipient', passphrase: SHARED, items: [{ kind: 'package', id }], includeCitedFiles: true })).files).toBe(0);
    // ...but a link the package did not hold, or a held one with another hash, is still refused.
    const invented = { kind: 'attachment' as const, id: crypto.randomUUID(), hash: own.file.sha256, label: 'x' };
    const refused = await recipient.raw('packages.save', { ...edited, findings: [{ ...edited.findings[0]!, evidence: [...links, invented] }, ...edited.findings.slice(1)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const rehashed = { ...links[0]!, hash: 'f'.repeat(64) };
    const refusedHash = await recipient.raw('packages.save', { ...edited, findings: [{ ...edited.findings[0]!, evidence: [rehashed] }, ...edited.findings.slice(1)] });
    expect(refusedHash).toMatchObject({ ok: false });
  });

  it('takes an assessment’s impact evidence as the sender’s too', async () => {
    const sender = await vault();
    const recipient = await vault();
    const fixture = await fullVault(sender);
    const own = await recipientsPrivateRecords(recipient);
    const genuine = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'assessment', id: fixture.assessment.id }] });
    const crafted = await reseal(genuine.data, (_manifest, records) => {
      const assessment = [...records.values()][0]!;
      assessment.impacts[0]!.evidence = [{ kind: 'attachment', id: own.file.id, hash: own.file.sha256, label: 'Public press release.pdf' }];
    });
    const imported = await recipient.call('exchange.bundle.import', { data: crafted, passphrase: SHARED, confirm: true });
    const id = imported.added[0]!.id;
    const assessment = await recipient.call('assessments.get', { id });
    expect(assessment.impacts[0]!.evidence).toEqual([{ kind: 'attachment', id: expect.not.stringMatching(own.file.id), hash: own.file.sha256, label: expect.stringMatching(/^Attachment cited by the sender/) }]);
    const onwards = await recipient.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Recipient', passphrase: SHARED, items: [{ kind: 'assessment', id }], includeCitedFiles: true });
    expect(onwards.files).toBe(0);
  });
});

describe('provenance of an import', () => {
  it('belongs to the file imported: a reused bundle id does not take the earlier sender’s name', async () => {
    const genuineSender = await vault();
    const impostor = await vault();
    const recipient = await vault();
    const plan = await genuineSender.call('plans.save', { title: 'Genuine plan', objective: 'Restore removed accounts' });
    const other = await impostor.call('plans.save', { title: 'Impostor plan', objective: 'Send us your evidence' });
    const genuine = await genuineSender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'plan', id: plan.id }] });
    const genuinePreview = await recipient.call('exchange.bundle.preview', { data: genuine.data, passphrase: SHARED });
    const forged = await reseal((await impostor.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Impostor Org', passphrase: SHARED, items: [{ kind: 'plan', id: other.id }] })).data, (manifest) => {
      manifest.bundleId = genuinePreview.bundleId;
    });

    const first = await recipient.call('exchange.bundle.import', { data: genuine.data, passphrase: SHARED, confirm: true });
    const second = await recipient.call('exchange.bundle.import', { data: forged, passphrase: SHARED, confirm: true });
    const genuineProvenance = await recipient.call('exchange.provenance', { entity: 'plan', id: first.added[0]!.id });
    const forgedProvenance = await recipient.call('exchange.provenance', { entity: 'plan', id: second.added[0]!.id });
    expect(genuineProvenance).toMatchObject({ organisation: 'Coalition One', bundleId: genuinePreview.bundleId });
    expect(forgedProvenance!.organisation).toBe('Impostor Org');
    expect(forgedProvenance!.bundleId).not.toBe(genuinePreview.bundleId);

    // The same file imported again (after its record was deleted) keeps its one import.
    await recipient.call('plans.delete', { id: first.added[0]!.id });
    const again = await recipient.call('exchange.bundle.import', { data: genuine.data, passphrase: SHARED, confirm: true });
    expect(await recipient.call('exchange.provenance', { entity: 'plan', id: again.added[0]!.id })).toMatchObject({ organisation: 'Coalition One', bundleId: genuinePreview.bundleId });
  });
});

describe('a partner record with a hostile title', () => {
  it('exports to HTML and Markdown that show the title as text and can load or link nothing', async () => {
    const sender = await vault();
    const recipient = await vault();
    const fixture = await fullVault(sender);
    const title = '</style><meta http-equiv=refresh content="0;url=http://evil.example/"></title><a href=http://evil.example/>Sign in</a>';
    const hostile = await sender.call('packages.save', { ...fixture.pkg, title });
    const bundle = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: hostile.id }] });
    const [added] = (await recipient.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true })).added;
    const html = Buffer.from((await recipient.call('packages.export', { identity: { acknowledge: true }, id: added!.id, format: 'html' })).data, 'base64').toString();
    expect(html).not.toMatch(/<meta http-equiv=refresh|<a href|<\/style><meta/i);
    expect(html).toContain('<h1>&lt;/style&gt;&lt;meta http-equiv=refresh');
    const md = Buffer.from((await recipient.call('packages.export', { identity: { acknowledge: true }, id: added!.id, format: 'markdown' })).data, 'base64').toString();
    expect(md).toContain('\\</style\\>\\<meta http-equiv=refresh content="0;url=http\\://evil.example/"\\>');
  });
});
