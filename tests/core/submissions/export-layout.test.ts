// The layouts a submission is exported in, read back from the files a recipient opens: numbered
// paragraphs (UPR) from a Word file through mammoth and from Markdown and HTML, headed sections in
// the template's order (NCP, Special Procedures), a letter's head. The document is built from a
// parsed draft and a small template, without a vault: the vault-backed exports are in export.test.ts.
// @vitest-environment jsdom
import crypto from 'node:crypto';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { Submission, type SubmissionTemplate } from '@shared/api/submissions';
import { exportRenderer } from '../../../electron/core/exports/render';
import { inTemplateOrder, numberParagraphs, submissionDocument } from '../../../electron/core/submissions/document';
import { markdownToBlocks } from '../../../electron/core/assessments/markdown-blocks';

const uuid = () => crypto.randomUUID();
const NOW = '2026-12-01T10:00:00.000Z';
const renderer = exportRenderer(undefined);

function draft(fields: Record<string, unknown>, body: string, extra: Record<string, unknown> = {}): Submission {
  return Submission.parse({
    id: uuid(),
    route: fields.route,
    title: 'Draft for the test',
    fields,
    body,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...extra,
  });
}

const section = (id: string, heading: string) => ({ id, heading, guidance: 'Write it.', prefill: 'none' as const });
const template = (layout: SubmissionTemplate['layout'], sections: Array<ReturnType<typeof section>>) => ({ name: 'Test template', layout, sections });

async function docxText(doc: Parameters<typeof renderer.render>[0]): Promise<string> {
  const file = await renderer.render(doc, 'docx', null);
  return (await mammoth.extractRawText({ buffer: Buffer.from(file.data, 'base64') })).value;
}

describe('numbered paragraphs (UPR)', () => {
  const body = [
    '## Introduction',
    '',
    'The coalition of five organisations submits this report.',
    '',
    'It covers the period since the last review.',
    '',
    '## Recommendations',
    '',
    '1. Repeal Decree 147 on online content.',
    '2. Require a court order for every takedown.',
  ].join('\n');

  it('numbers every paragraph and every recommendation in one run across headings, and leaves headings unnumbered', async () => {
    const upr = draft({ route: 'uprStakeholder', stateUnderReview: 'VN', cycle: '4th cycle' }, body);
    const doc = submissionDocument({ submission: upr, template: template('numberedParagraphs', [section('introduction', 'Introduction'), section('recommendations', 'Recommendations')]), companyNames: new Map(), appendix: [], generatedAt: NOW });
    const text = await docxText(doc);
    const lines = text.split('\n').filter((line) => line.trim());
    expect(lines).toContain('1.\tThe coalition of five organisations submits this report.');
    expect(lines).toContain('2.\tIt covers the period since the last review.');
    expect(lines).toContain('3.\tRepeal Decree 147 on online content.');
    expect(lines).toContain('4.\tRequire a court order for every takedown.');
    expect(lines).toContain('Introduction');
    expect(lines).toContain('Recommendations');
    expect(text).toContain('Vietnam');

    const markdown = Buffer.from((await renderer.render(doc, 'markdown', null)).data, 'base64').toString('utf8');
    expect(markdown).toMatch(/^3\. Repeal Decree 147 on online content\.$/m);
    expect(markdown).toMatch(/^## Recommendations$/m);
    const html = Buffer.from((await renderer.render(doc, 'html', null)).data, 'base64').toString('utf8');
    const numbers = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('p.numbered .number')].map((n) => n.textContent);
    expect(numbers).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('adds the recommendations of the form, numbered on, when the body has no section for them', async () => {
    const upr = draft(
      {
        route: 'uprStakeholder',
        recommendations: [
          { id: uuid(), text: 'Repeal Decree 147 on online content.', addressee: 'state' },
          { id: uuid(), text: 'Release detained bloggers.', addressee: 'state' },
        ],
      },
      'One paragraph of context.',
    );
    const doc = submissionDocument({ submission: upr, template: template('numberedParagraphs', [section('context', 'Context')]), companyNames: new Map(), appendix: [], generatedAt: NOW });
    const lines = (await docxText(doc)).split('\n');
    expect(lines).toContain('1.\tOne paragraph of context.');
    expect(lines).toContain('Recommendations');
    expect(lines).toContain('2.\tRepeal Decree 147 on online content.');
    expect(lines).toContain('3.\tRelease detained bloggers.');
  });

  it('keeps bullet lists as bullets under their numbered paragraph', () => {
    const blocks = numberParagraphs(markdownToBlocks('Sources:\n\n- A report\n- A ruling\n\nNext point.'));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.number : b.kind))).toEqual([1, 'list', 2]);
  });
});

describe('headed sections (NCP, Special Procedures)', () => {
  it("puts the body's sections in the template's order and keeps sections the template does not name after them", async () => {
    const body = ['Preface line.', '', '## Outcome sought', '', 'Mediation.', '', '## My own notes', '', 'Kept.', '', '## The enterprise', '', 'Example Platform Ltd.'].join('\n');
    const ncp = draft({ route: 'ncpSpecificInstance', chapters: ['humanRights', 'disclosure'], whereIssueArose: 'TH', desiredOutcome: 'Mediation.' }, body);
    const doc = submissionDocument({
      submission: ncp,
      template: template('headedSections', [section('enterprise', 'The enterprise'), section('desiredOutcome', 'Outcome sought')]),
      companyNames: new Map(),
      appendix: [],
      generatedAt: NOW,
    });
    const text = await docxText(doc);
    const at = (s: string) => text.indexOf(s);
    expect(at('Preface line.')).toBeLessThan(at('The enterprise'));
    expect(at('The enterprise')).toBeLessThan(at('Outcome sought'));
    expect(at('Outcome sought')).toBeLessThan(at('My own notes'));
    // The desired outcome is in the body's own section: not printed a second time.
    expect(text.split('Mediation.').length).toBe(2);
    expect(text).toContain('Chapter IV, Human Rights');
    expect(text).toContain('Chapter III, Disclosure');
    expect(text).toContain('Thailand');
    expect(text).not.toMatch(/^\d+\.\t/m);
  });

  it('moves a section with everything under it, sub-headings included', () => {
    const blocks = inTemplateOrder(markdownToBlocks('## B\n\nb\n\n### B.1\n\nb1\n\n## A\n\na'), ['A', 'B']);
    expect(blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? b.parts[0]!.text : b.kind))).toEqual(['A', 'a', 'B', 'b', 'B.1', 'b1']);
  });

  it('names the victims of a communication by pseudonym with their consent, never by any other name', async () => {
    const sp = draft(
      {
        route: 'spCommunication',
        kind: 'urgentAppeal',
        victims: [
          { id: uuid(), pseudonym: 'Blogger A', realNameKnown: true, consentToBeNamed: 'given' },
          { id: uuid(), pseudonym: 'Journalist B', realNameKnown: true, consentToBeNamed: 'refused' },
        ],
        mandates: ['freedom-of-expression', 'human-rights-defenders'],
      },
      '## Facts\n\nPages were removed.',
    );
    const text = await docxText(submissionDocument({ submission: sp, template: template('headedSections', [section('facts', 'Facts')]), companyNames: new Map(), appendix: [], generatedAt: NOW }));
    expect(text).toContain('Urgent appeal');
    expect(text).toContain('Blogger A (consent to be named to the Government given)');
    expect(text).toContain('Journalist B (consent to be named refused)');
    expect(text).toContain('(joint communication)');
  });
});

describe('letters', () => {
  it("opens a right-of-reply letter with its date, the company and the reply deadline, in the reader's locale", async () => {
    const companyId = uuid();
    const letter = draft(
      { route: 'rightOfReply', sentOn: '2026-11-20', replyDeadline: '2026-12-04', findingsToPublish: 'Removals of media pages.', howResponseUsed: 'Quoted in full.' },
      'Dear Trust and Safety team,\n\nWe intend to publish the findings below.',
      { companyIds: [companyId] },
    );
    const doc = submissionDocument({
      submission: letter,
      template: template('letter', [section('opening', 'Opening')]),
      companyNames: new Map([[companyId, 'Example Platform']]),
      appendix: [],
      generatedAt: NOW,
      locale: 'en-GB',
    });
    const text = await docxText(doc);
    expect(text).toContain('20 November 2026');
    expect(text).toContain('To: Example Platform');
    expect(text).toContain('Reply requested by 4 December 2026.');
    expect(text).toContain('The findings we intend to publish');
    expect(text).toContain('How your response will be used');
    expect(doc.blocks.some((b) => b.kind === 'fields' || b.kind === 'table')).toBe(false);
  });
});
