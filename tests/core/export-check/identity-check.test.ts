// The identity check on every file that leaves the vault, against a real encrypted vault: an
// unregistered third party's name in a quotation and a registered person's alias and phone number
// are flagged; the export is refused while they are undecided; replacing them changes the bytes of
// the file (read back with mammoth, pdftotext, or as text); the decisions are remembered; file
// names and the labels of the hash appendix are checked like the body.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '@shared/api/plans';
import type { IdentityReview } from '@shared/api/export-identity';
import { readImageMetadata } from '../../../electron/core/diary/image-metadata';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { completeAssessment, uuid } from '../assessments/fixtures';
import { PHOTO, photoWithMetadata } from '../diary/image-fixtures';
import { decideAll, expectClean, flagsFor, identityVault, LAN, MINH, QUOTE, REGISTERED_TEXT, REPLACEMENT } from './fixtures';

const printer = chromiumPrinter();
afterAll(() => printer.close());

let t: TestCore;
afterEach(async () => {
  await t?.core.close();
});

const bytes = (file: ExportFile) => Buffer.from(file.data, 'base64');
const utf8 = (file: ExportFile) => bytes(file).toString('utf8');
const docxText = async (file: ExportFile) => (await mammoth.extractRawText({ buffer: bytes(file) })).value;
function pdfText(file: ExportFile): string {
  const pdf = path.join(tempDir('identity-pdf-'), 'export.pdf');
  fs.writeFileSync(pdf, bytes(file));
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

/** Both kinds of flag are there: the unregistered name, and the registered person's alias and phone. */
function expectFlagged(review: IdentityReview) {
  const minh = flagsFor(review, MINH);
  expect(minh.length).toBeGreaterThan(0);
  expect(minh.some((f) => f.kind === 'name' && f.confirm && f.personId === null)).toBe(true);
  expect(minh.find((f) => f.kind === 'name')!.suggestion).toMatch(/^\[Person [A-Z]+\]$/);
  const alias = review.flags.filter((f) => f.personId !== null && f.matched.includes(LAN.alias));
  const phone = review.flags.filter((f) => f.personId !== null && f.matched.replace(/\D/g, '').endsWith('912345678'));
  expect(alias.length).toBeGreaterThan(0);
  expect(phone.length).toBeGreaterThan(0);
  // "Replace" offers the registered person's pseudonym.
  expect([...alias, ...phone].every((f) => f.suggestion === LAN.pseudonym)).toBe(true);
  expect(review.undecided).toBeGreaterThan(0);
  expect(review.flags.every((f) => f.decision === null)).toBe(true);
}

/** The next check shows every decision made at the last export, and nothing left undecided. */
function expectRemembered(review: IdentityReview) {
  expect(review.undecided).toBe(0);
  expect(review.flags.every((f) => f.decision !== null)).toBe(true);
  expect(flagsFor(review, MINH).find((f) => f.kind === 'name')!.decision).toMatchObject({ action: 'replace', replacement: REPLACEMENT });
}

async function expectRefused(method: string, input: unknown) {
  const refused = await t.raw(method, input);
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(refused.ok === false && refused.error.message).toMatch(/no decision yet.*Nothing was exported\./s);
}

describe('the identity check on plan exports', () => {
  it('flags, refuses, replaces in the DOCX and Markdown, remembers, and checks the file name', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const { engagement } = await identityVault(t);
    const plan = await t.call('plans.save', { title: `Escalation for ${MINH}`, objective: `${QUOTE} ${REGISTERED_TEXT}`, engagementIds: [engagement.id] });

    const review = await t.call('exports.identityCheck', { kind: 'plan', id: plan.id, descriptiveName: true });
    expectFlagged(review);
    expect(review.flags.some((f) => f.where === 'File name' && f.matched.includes(MINH))).toBe(true);
    // The linked diary entry's title is printed with its hash: it is checked too.
    expect(review.flags.some((f) => f.matched.includes(MINH) && f.where !== 'File name' && f.where !== 'Title' && f.where !== 'Heading')).toBe(true);
    await expectRefused('plans.export', { id: plan.id, format: 'docx' });

    const identity = { decisions: decideAll(review), acknowledge: false };
    const docx = await t.call('plans.export', { id: plan.id, format: 'docx', descriptiveName: true, identity });
    expectClean(await docxText(docx));
    expect(docx.fileName).not.toMatch(/Minh|Nguy/i);
    expect(docx.fileName).toContain('Person-A');

    expectRemembered(await t.call('exports.identityCheck', { kind: 'plan', id: plan.id, descriptiveName: true }));
    // Remembered decisions apply without being sent again.
    const markdown = await t.call('plans.export', { id: plan.id, format: 'markdown' });
    expectClean(utf8(markdown));
  });

  it('exports with undecided flags only after the deliberate second step, leaving the text as it is', async () => {
    t = await unlockedCore();
    await identityVault(t);
    const plan = await t.call('plans.save', { title: 'Escalation', objective: QUOTE });
    await expectRefused('plans.export', { id: plan.id, format: 'markdown' });
    const file = await t.call('plans.export', { id: plan.id, format: 'markdown', identity: { acknowledge: true } });
    expect(utf8(file)).toContain(MINH);
    // Acknowledging is not a decision: the next check still asks.
    expect((await t.call('exports.identityCheck', { kind: 'plan', id: plan.id })).undecided).toBeGreaterThan(0);
  });
});

describe('the identity check on evidence package exports', () => {
  it('checks the hash appendix labels and replaces names in the PDF and HTML', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const { engagement, file } = await identityVault(t);
    const pkg = await t.call('packages.save', {
      title: 'Before the forum',
      findings: [
        { id: uuid(), title: 'Threats to an editor', statement: QUOTE, evidence: [{ kind: 'engagement', id: engagement.id }, { kind: 'attachment', id: file.id }] },
        { id: uuid(), title: 'Contact', statement: REGISTERED_TEXT, evidence: [] },
      ],
      risksSummary: '',
      asks: [],
      partners: [],
    });
    const review = await t.call('exports.identityCheck', { kind: 'package', id: pkg.id });
    expectFlagged(review);
    // The attachment's file name and the diary entry's title, in the appendix of evidence hashes.
    const appendix = review.flags.filter((f) => f.where.startsWith('Appendix'));
    expect(appendix.some((f) => f.matched.includes(LAN.alias))).toBe(true);
    expect(appendix.some((f) => f.matched.includes(MINH))).toBe(true);
    await expectRefused('packages.export', { id: pkg.id, format: 'pdf' });

    const identity = { decisions: decideAll(review) };
    expectClean(pdfText(await t.call('packages.export', { id: pkg.id, format: 'pdf', identity })));
    expectRemembered(await t.call('exports.identityCheck', { kind: 'package', id: pkg.id }));
    expectClean(utf8(await t.call('packages.export', { id: pkg.id, format: 'html' })));
  });
});

describe('the identity check on CLARITI report exports', () => {
  it('flags stakeholders’ real names with the rest, and replaces them in the DOCX', async () => {
    t = await unlockedCore();
    const { company, engagement, file } = await identityVault(t);
    const draft = completeAssessment(company.id, engagement.id, file.id);
    const saved = await t.call('assessments.save', {
      ...draft,
      impacts: draft.impacts!.map((impact, i) => (i === 0 ? { ...impact, whatHappened: `${QUOTE} ${REGISTERED_TEXT}` } : impact)),
    });
    const real = draft.privateNames![0]!.realName;
    const leaked = await t.call('assessments.save', { ...saved, purpose: { ...saved.purpose, objectives: `Interview ${real} again.` } });

    const review = await t.call('exports.identityCheck', { kind: 'assessment', id: leaked.id });
    expectFlagged(review);
    // The stakeholder's private name is in the register, with the stakeholder's pseudonym.
    const stakeholder = review.flags.find((f) => f.matched.includes(real));
    expect(stakeholder).toMatchObject({ confirm: false, suggestion: 'Activist A' });
    await expectRefused('assessments.export', { id: leaked.id, format: 'docx' });

    const docx = await t.call('assessments.export', { id: leaked.id, format: 'docx', identity: { decisions: decideAll(review) } });
    const text = await docxText(docx);
    expectClean(text);
    expect(text).not.toContain(real);
    expect(text).toContain('Interview Activist A again.');
    expectRemembered(await t.call('exports.identityCheck', { kind: 'assessment', id: leaked.id }));
  });
});

describe('the identity check on partner bundles', () => {
  it('checks every text of every item and the names of cited files, and replaces them in what the partner imports', async () => {
    t = await unlockedCore();
    const { engagement, file } = await identityVault(t);
    const plan = await t.call('plans.save', { title: 'Escalation', objective: QUOTE });
    const pkg = await t.call('packages.save', {
      title: 'Before the forum',
      findings: [{ id: uuid(), title: 'Contact', statement: REGISTERED_TEXT, evidence: [{ kind: 'attachment', id: file.id }, { kind: 'engagement', id: engagement.id }] }],
      risksSummary: '',
      asks: [],
      partners: [],
    });
    const items = [
      { kind: 'plan' as const, id: plan.id },
      { kind: 'package' as const, id: pkg.id },
    ];
    const request = { organisation: `Friends of ${MINH}`, passphrase: 'coalition shared passphrase', items, includeCitedFiles: true };
    const review = await t.call('exports.bundleIdentityCheck', { items, includeCitedFiles: true });
    expectFlagged(review);
    // The sender's own name is not checked; the cited file's name is.
    expect(review.flags.some((f) => f.where.includes('Friends of'))).toBe(false);
    expect(review.flags.some((f) => f.where.endsWith('Attached file name') && f.matched.includes(LAN.alias))).toBe(true);
    expect(flagsFor(review, MINH).some((f) => f.where.endsWith(`Attached file "${LAN.alias} interview.csv"`))).toBe(true);
    await expectRefused('exchange.bundle.create', request);

    const bundle = await t.call('exchange.bundle.create', { ...request, identity: { decisions: decideAll(review) } });
    expectRemembered(await t.call('exports.bundleIdentityCheck', { items, includeCitedFiles: true }));

    const partner = await unlockedCore();
    try {
      const result = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: request.passphrase, confirm: true });
      const ids = Object.fromEntries(result.added.map((a) => [a.kind, a.id]));
      const sharedPlan = await partner.call('plans.get', { id: ids.plan! });
      const sharedPackage = await partner.call('packages.get', { id: ids.package! });
      expectClean(JSON.stringify([sharedPlan, sharedPackage]).replaceAll('\\"', '"') + ` ${LAN.pseudonym} ${REPLACEMENT}`);
      expect(sharedPlan.objective).toContain(REPLACEMENT);
      expect(sharedPackage.findings[0]!.statement).toContain(LAN.pseudonym);
      // The cited text file travels as a copy with the replacements, under a checked name.
      const received = await partner.call('exchange.provenance', { entity: 'package', id: ids.package! });
      expect(received?.files).toHaveLength(1);
      expect(received!.files[0]!.name).not.toContain(LAN.alias);
      const csv = Buffer.from((await partner.call('exchange.files.read', { sha256: received!.files[0]!.sha256 })).data, 'base64').toString('utf8');
      expect(csv).toContain(REPLACEMENT);
      expect(csv).not.toContain(MINH);
      expect(sharedPackage.findings[0]!.evidence.find((e) => e.kind === 'attachment')?.hash).toBe(received!.files[0]!.sha256);
    } finally {
      await partner.core.close();
    }
  });
});

describe('the identity check on saved copies of attachments', () => {
  it('checks a text file’s words and kept name, replaces them in the copy, and names copies neutrally by default', async () => {
    t = await unlockedCore();
    const { file } = await identityVault(t);
    const review = await t.call('exports.identityCheck', { kind: 'attachment', id: file.id, descriptiveName: true });
    expect(flagsFor(review, MINH).some((f) => f.where === 'File content')).toBe(true);
    expect(review.flags.some((f) => f.where === 'File name' && f.matched.includes(LAN.alias))).toBe(true);
    await expectRefused('attachments.export', { id: file.id, descriptiveName: true });

    const copy = await t.call('attachments.export', { id: file.id, descriptiveName: true, identity: { decisions: decideAll(review) } });
    expect(utf8(copy)).toBe(`speaker,said\n${REPLACEMENT},"My editor ${REPLACEMENT} called me and said the page would be taken down."\n`);
    expect(copy.fileName).toBe('Journalist-L-interview.csv');
    expectRemembered(await t.call('exports.identityCheck', { kind: 'attachment', id: file.id, descriptiveName: true }));

    const neutral = await t.call('attachments.export', { id: file.id });
    expect(neutral.fileName).toMatch(/^attachment-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(utf8(neutral)).not.toContain(MINH);
  });

  it('saves a photo without its location, camera and author unless the user keeps them, re-read to prove it', async () => {
    t = await unlockedCore();
    const { engagement } = await identityVault(t);
    const photo = await photoWithMetadata('jpeg');
    const file = await t.call('attachments.add', { engagementId: engagement.id, name: 'IMG_2041.jpg', type: 'image/jpeg', data: photo.toString('base64') });
    const before = await readImageMetadata(photo, 'image/jpeg');
    expect(before?.fields.length).toBeGreaterThan(0);

    const copy = await t.call('attachments.export', { id: file.id });
    expect(copy.fileName).toMatch(/^attachment-\d{4}-\d{2}-\d{2}\.jpg$/);
    const stripped = await readImageMetadata(bytes(copy), 'image/jpeg');
    expect(stripped).toMatchObject({ complete: true, fields: [] });
    expect(bytes(copy).includes(Buffer.from(PHOTO.artist))).toBe(false);

    const kept = await t.call('attachments.export', { id: file.id, stripMetadata: false });
    expect(bytes(kept).equals(photo)).toBe(true);
  });

  it('checks a copy of a file a partner sent the same way, and remembers the decision for that file', async () => {
    t = await unlockedCore();
    const { engagement, file } = await identityVault(t);
    const pkg = await t.call('packages.save', {
      title: 'Before the forum',
      findings: [{ id: uuid(), title: 'Interview', statement: 'See the interview notes.', evidence: [{ kind: 'attachment', id: file.id }, { kind: 'engagement', id: engagement.id }] }],
      risksSummary: '',
      asks: [],
      partners: [],
    });
    // The sender chose to share the names as they are; the partner's copy must still be checked.
    const items = [{ kind: 'package' as const, id: pkg.id }];
    const bundle = await t.call('exchange.bundle.create', { organisation: 'Coalition One', passphrase: 'coalition shared passphrase', items, includeCitedFiles: true, identity: { acknowledge: true } });

    const partner = await unlockedCore();
    try {
      const result = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: 'coalition shared passphrase', confirm: true });
      const received = await partner.call('exchange.provenance', { entity: 'package', id: result.added[0]!.id });
      const sha256 = received!.files[0]!.sha256;
      expect(received!.files[0]!.type).toBe('text/csv');
      const review = await partner.call('exchange.files.identityCheck', { sha256 });
      expect(flagsFor(review, MINH).some((f) => f.where === 'File content')).toBe(true);
      expect((await partner.raw('exchange.files.export', { sha256 })).ok).toBe(false);

      const copy = await partner.call('exchange.files.export', { sha256, identity: { decisions: decideAll(review) } });
      expect(copy.fileName).toMatch(/^attachment-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(utf8(copy)).toContain(REPLACEMENT);
      expect(utf8(copy)).not.toContain(MINH);
      expectRemembered(await partner.call('exchange.files.identityCheck', { sha256 }));
    } finally {
      await partner.core.close();
    }
  });
});
