// Submission drafts exported through the dispatcher from a real encrypted vault, one per template,
// each started from the same evidence package and read back the way the body's staff would open
// it: DOCX through mammoth, PDF through pdftotext. Checked: the layout each body expects, no
// evidence-hash appendix unless the draft asks for it, a file name that names neither the company
// nor the mechanism, the identity check on exactly what is written, and dates in the user's locale.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '@shared/api/plans';
import { SUBMISSION_ROUTES, type Submission, type SubmissionRoute, type SubmissionTemplate } from '@shared/api/submissions';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { MINH, QUOTE } from '../export-check/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

const printer = chromiumPrinter();
let t: TestCore;
let templates: Map<SubmissionRoute, SubmissionTemplate>;
let packageId: string;
let evidenceHashes: string[];
const drafts = new Map<SubmissionRoute, Submission>();

beforeAll(async () => {
  t = await unlockedCore({ printToPdf: printer.printToPdf });
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  const pkg = await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id));
  packageId = pkg.id;
  evidenceHashes = pkg.findings.flatMap((f) => f.evidence.map((e) => e.hash));
  templates = new Map((await t.call('submissions.templates', null)).map((template) => [template.route, template]));
  for (const route of SUBMISSION_ROUTES) drafts.set(route, await t.call('submissions.start', { route, source: { kind: 'package', id: pkg.id } }));
}, 60_000);
afterAll(async () => {
  await t?.core.close();
  await printer.close();
});

const bytes = (file: ExportFile) => Buffer.from(file.data, 'base64');
const docxText = async (file: ExportFile) => (await mammoth.extractRawText({ buffer: bytes(file) })).value;
const exportAs = (id: string, format: 'docx' | 'pdf' | 'markdown', extra: Record<string, unknown> = {}) =>
  t.call('submissions.export', { id, format, identity: { acknowledge: true }, ...extra });
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
/** The positions of the template's section headings in the text, in the template's order. */
const headingPositions = (text: string, template: SubmissionTemplate) => template.sections.map((s) => lines(text).indexOf(s.heading));

describe('a submission exported as each body expects it', () => {
  it.each(SUBMISSION_ROUTES)('%s: laid out as its template says, with no hash appendix by default and a neutral file name', async (route) => {
    const draft = drafts.get(route)!;
    const template = templates.get(route)!;
    const file = await exportAs(draft.id, 'docx');
    const text = await docxText(file);

    expect(file.fileName).toMatch(/^document-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(text).toContain(draft.title);
    expect(text).not.toContain('Appendix: evidence hashes');
    // The package's findings reach every draft's text.
    expect(text).toContain('Wrongful removals');

    const numbered = lines(text).filter((line) => /^\d+\.\t/.test(line));
    if (template.layout === 'numberedParagraphs') {
      // Every paragraph numbered, in one run through the document, and the headings not.
      expect(numbered.length).toBeGreaterThan(3);
      expect(numbered.map((line) => Number(line.split('.')[0]))).toEqual(numbered.map((_, i) => i + 1));
      expect(numbered.some((line) => line.endsWith('Stop takedown orders without judicial review.'))).toBe(true);
      for (const s of template.sections) expect(lines(text)).toContain(s.heading);
    } else {
      expect(numbered).toEqual([]);
    }
    if (template.layout === 'headedSections') {
      const at = headingPositions(text, template);
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
    if (route === 'rightOfReply') expect(text).toContain('To: Example Platform');
  });

  it('puts the sections of an NCP filing back in the template order after the user moved them', async () => {
    const draft = drafts.get('ncpSpecificInstance')!;
    const template = templates.get('ncpSpecificInstance')!;
    const sections = draft.body.split(/\n(?=## )/);
    const reversed = await t.call('submissions.save', { ...draft, body: [...sections].reverse().join('\n') });
    const text = await docxText(await exportAs(reversed.id, 'docx'));
    const at = headingPositions(text, template);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('prints the evidence-hash appendix only when the draft includes it: the draft, the package and its cited evidence', async () => {
    const draft = drafts.get('uprStakeholder')!;
    const withAppendix = await t.call('submissions.save', { ...draft, includeHashAppendix: true });
    const revision = (await t.call('history.list', { entity: 'submission', id: withAppendix.id })).find((r) => r.version === withAppendix.version);
    const [packageRevision] = await t.call('history.list', { entity: 'package', id: packageId });
    const text = await docxText(await exportAs(withAppendix.id, 'docx'));
    expect(text).toContain('Appendix: evidence hashes');
    for (const hash of [revision!.hash, packageRevision!.hash, ...evidenceHashes]) expect(text).toContain(hash);
    // Appendix entries are not paragraphs of the submission: the numbering stops before them.
    expect(lines(text.slice(text.indexOf('Appendix: evidence hashes'))).some((line) => /^\d+\.\t/.test(line))).toBe(false);

    const without = await t.call('submissions.save', { ...withAppendix, includeHashAppendix: false });
    expect(await docxText(await exportAs(without.id, 'docx'))).not.toContain('Appendix: evidence hashes');
  });

  it("names the file after the draft's title only when asked", async () => {
    const draft = drafts.get('spCommunication')!;
    const neutral = await exportAs(draft.id, 'markdown');
    expect(neutral.fileName).toMatch(/^document-\d{4}-\d{2}-\d{2}\.md$/);
    expect(neutral.fileName).not.toMatch(/Example|Platform|Special|Procedures|UPR|NCP|reply/i);
    const named = await exportAs(draft.id, 'markdown', { descriptiveName: true });
    expect(named.fileName).toBe(`${draft.title.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}.md`);
  });

  it('writes a PDF a reader can search, with the paragraphs numbered', async () => {
    const file = await exportAs(drafts.get('uprStakeholder')!.id, 'pdf');
    expect(file.fileName).toMatch(/^document-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = path.join(tempDir('submission-pdf-'), 'submission.pdf');
    fs.writeFileSync(pdf, bytes(file));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Recommendations');
    expect(text).toMatch(/^1\.\s/m);
    expect(text).toMatch(/^2\.\s/m);
    expect(text.replace(/\s+/g, ' ')).toContain('Stop takedown orders without judicial review.');
    expect(text).not.toContain('Appendix: evidence hashes');
  });

  it("writes a letter's dates in the document's language, not the interface's", async () => {
    const draft = drafts.get('rightOfReply')!;
    const sent = await t.call('submissions.save', { ...draft, fields: { ...draft.fields, route: 'rightOfReply', sentOn: '2026-11-20', replyDeadline: '2026-12-04' } });
    // An English letter stays English for a reader whose interface is in Vietnamese.
    for (const locale of ['en-GB', 'vi']) {
      const english = bytes(await exportAs(sent.id, 'markdown', { locale })).toString('utf8');
      expect(english, locale).toContain('20 November 2026');
      expect(english, locale).toContain('Reply requested by 4 December 2026.');
    }
    const inVietnamese = await t.call('submissions.save', { ...sent, language: 'vi' });
    const vietnamese = bytes(await exportAs(inVietnamese.id, 'markdown', { locale: 'en-GB' })).toString('utf8');
    expect(vietnamese).toContain(new Intl.DateTimeFormat('vi', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-11-20')));
    expect(vietnamese).not.toContain('20 November 2026');
    expect(vietnamese).not.toContain('Reply requested by');
  });
});

describe("a submission's document language", () => {
  it('writes an NCP filing in Thai when the draft is in Thai: headings prefill wrote in English, labels and the appendix, in Thai order; the text as typed', async () => {
    const draft = await t.call('submissions.get', { id: drafts.get('ncpSpecificInstance')!.id });
    const thai = (await t.call('submissions.translation', { language: 'th' })).translation!;
    const inThai = await t.call('submissions.save', {
      ...draft,
      language: 'th',
      includeHashAppendix: true,
      fields: { ...draft.fields, route: 'ncpSpecificInstance', chapters: ['humanRights'], confidentialityRequests: 'Do not share the names of the drivers.' },
    });
    const text = await docxText(await exportAs(inThai.id, 'docx', { locale: 'en-GB' }));
    const template = templates.get('ncpSpecificInstance')!;
    const headings = template.sections.map((s) => thai.routes.ncpSpecificInstance!.sections[s.id]!.heading!);
    // lastIndexOf: a label of the facts table at the top may read like a heading (Thai "วิสาหกิจ" is both).
    const at = headings.map((h) => lines(text).lastIndexOf(h));
    expect(at.every((i) => i >= 0), headings.join(' | ')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const english of template.sections.map((s) => s.heading)) expect(lines(text)).not.toContain(english);
    expect(text).toContain(thai.document.chapterHumanRights!);
    expect(text).toContain(thai.document.appendix!);
    expect(text).not.toMatch(/Appendix: evidence hashes|Where the issue arose|Chapter IV|Cited in/);
    // The user's own words are never translated.
    expect(text).toContain('Do not share the names of the drivers.');
  });

  it('writes a UPR submission in French, one of the languages the UN takes: French headings, numbered paragraphs, French dates', async () => {
    const draft = await t.call('submissions.get', { id: drafts.get('uprStakeholder')!.id });
    const inFrench = await t.call('submissions.save', { ...draft, language: 'fr', fields: { ...draft.fields, route: 'uprStakeholder', joint: true, coalitionMembers: ['Groupe A'] } });
    const french = (await t.call('submissions.translation', { language: 'fr' })).translation!;
    const text = bytes(await exportAs(inFrench.id, 'markdown', { locale: 'th' })).toString('utf8');
    for (const s of templates.get('uprStakeholder')!.sections) expect(text).toContain(french.routes.uprStakeholder!.sections[s.id]!.heading!);
    expect(text).toContain(french.document.jointSubmission!);
    expect(text).toContain(french.routes.uprStakeholder!.name!);
    expect(text).toMatch(/^1\. /m);
    expect(text).not.toMatch(/Joint submission|Coalition members|Recommendations\n/);
  });

  it('writes a Special Procedures communication in English when the draft is marked Vietnamese: the UN does not take Vietnamese', async () => {
    const draft = await t.call('submissions.get', { id: drafts.get('spCommunication')!.id });
    const marked = await t.call('submissions.save', { ...draft, language: 'vi' });
    const text = await docxText(await exportAs(marked.id, 'docx', { locale: 'vi' }));
    for (const s of templates.get('spCommunication')!.sections) expect(lines(text)).toContain(s.heading);
    expect(text).toContain('Communication');
    const vietnamese = (await t.call('submissions.translation', { language: 'vi' })).translation!;
    expect(text).not.toContain(vietnamese.routes.spCommunication!.sections.facts!.heading!);
  });
});

describe('the identity check on a submission export', () => {
  it('flags a name in the draft, refuses until it is decided, and replaces it in the file', async () => {
    const draft = drafts.get('bhrrcResponse')!;
    const named = await t.call('submissions.save', { ...draft, body: `${draft.body}\n\n${QUOTE}` });
    const review = await t.call('exports.identityCheck', { kind: 'submission', id: named.id });
    const flag = review.flags.find((f) => f.kind === 'name' && f.matched.includes(MINH));
    expect(flag).toBeDefined();
    expect(await t.raw('submissions.export', { id: named.id, format: 'docx' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const decisions = review.flags.map((f) => (f.key === flag!.key ? { key: f.key, action: 'replace' as const, replacement: '[Person A]' } : { key: f.key, action: 'fine' as const }));
    const text = await docxText(await t.call('submissions.export', { id: named.id, format: 'docx', identity: { decisions } }));
    expect(text).not.toContain(MINH);
    expect(text).toContain('My editor [Person A] called me');
  });
});
