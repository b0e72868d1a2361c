// @vitest-environment jsdom
// The exported CLARITI report, read back with real parsers (the DOM for HTML, mammoth for DOCX,
// pdftotext for PDF): team members and reviewers appear by role only, even where the edited report
// names them; the report opens with an executive summary and a methodology and limitations
// section; and the company's response is printed from the record, whatever the edited text says.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { squash } from '../exports/multilingual';
import { diaryWithTwoCalls } from '../plans/fixtures';
import { completeAssessment } from './fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());
const printer = chromiumPrinter();
afterAll(() => printer.close());

const FORMATS = ['markdown', 'html', 'docx', 'pdf'] as const;

/** Each export's visible text, parsed back from the file. */
async function exportedText(id: string): Promise<Record<(typeof FORMATS)[number], string>> {
  const text = {} as Record<(typeof FORMATS)[number], string>;
  for (const format of FORMATS) {
    // The identity check is not what these tests are about: its flags are acknowledged as they are.
    const file = await t.call('assessments.export', { id, format, identity: { acknowledge: true }, locale: 'en-GB' });
    const bytes = Buffer.from(file.data, 'base64');
    if (format === 'docx') text.docx = (await mammoth.extractRawText({ buffer: bytes })).value;
    else if (format === 'pdf') {
      const pdf = path.join(tempDir('roles-pdf-'), 'r.pdf');
      fs.writeFileSync(pdf, bytes);
      text.pdf = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    } else if (format === 'html') text.html = new DOMParser().parseFromString(bytes.toString('utf8'), 'text/html').body.textContent ?? '';
    else text.markdown = bytes.toString('utf8');
  }
  return text;
}

async function savedWithEditedReport(extra: string) {
  const { company, first, file } = await diaryWithTwoCalls(t);
  const draft = completeAssessment(company.id, first.id, file.id);
  const saved = await t.call('assessments.save', draft);
  const { markdown } = await t.call('assessments.assembleReport', { ...saved, locale: 'en-GB' });
  return t.call('assessments.save', { ...saved, report: { ...saved.report, markdown: `${markdown}\n${extra}`, assembledAt: new Date().toISOString() } });
}

describe('the exported report', () => {
  it('prints team members and reviewers by role only in every format, even where the edited text names them', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const saved = await savedWithEditedReport('## Acknowledgements\n\nInterviews by researcher one; checked by LEAD   REVIEWER.');
    expect(saved.team[0]!.name).toBe('Researcher One');
    expect(saved.impacts[0]!.review.reviewer).toBe('Lead reviewer');
    for (const [format, body] of Object.entries(await exportedText(saved.id))) {
      expect(body, format).not.toMatch(/researcher one/i);
      expect(body, format).not.toMatch(/lead\s+reviewer/i);
      const flat = squash(body);
      expect(flat, format).toContain(squash('Interviews by Lead researcher; checked by Legal analyst.'));
      expect(flat, format).toContain(squash('confirmed by a reviewer (Legal analyst) on 2 March 2026'));
      expect(flat, format).toContain(squash('The research team: Lead researcher.'));
    }
  });

  it('opens with an executive summary and a methodology and limitations section counted from the record', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const saved = await savedWithEditedReport('');
    const { markdown } = await exportedText(saved.id);
    expect(markdown.indexOf('Executive summary')).toBeLessThan(markdown.indexOf('Methodology and limitations'));
    expect(markdown.indexOf('Methodology and limitations')).toBeLessThan(markdown.indexOf('1. Purpose'));
    for (const line of [
      'Removals and suspensions silenced independent media.',
      'Period of the documented impacts: 1 April 2025.',
      'Sources: 5 sources (4 first-hand, 1 platform data).',
      'Consent given for publication: 2 of 2; sharing their account with the company: 2 of 2; a UN submission: 0 of 2.',
      'Verification: 1 of 2 impacts and 1 of 2 findings confirmed by a reviewer; 1 of 2 findings corroborated by more than one source, 1 resting on one source for a stated reason.',
      'Legal review before publication: done on 3 April 2026 by Media lawyer.',
      '**Limitations.** Two interviews only.',
      'Severity: High (scale: serious; scope: a group or community; irremediability: remediable with effort) — Lost archives',
      "Company involvement: the company causes it — The company's own moderation removed the posts.",
    ]) {
      expect(markdown).toContain(line);
    }
  });

  it("prints the company's response from the record in every format, even when the edited report leaves it out", async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const saved = await savedWithEditedReport('');
    expect(saved.report.markdown).not.toContain('We review every government request');
    for (const [format, body] of Object.entries(await exportedText(saved.id))) {
      const flat = squash(body);
      expect(flat, format).toContain(squash("The company's response"));
      expect(flat, format).toContain(
        squash(
          'The findings were sent to the company through a partner (An international digital rights group) on 6 March 2026, with a deadline for its reply of 6 April 2026. Direct contact would expose the team.',
        ),
      );
      expect(flat, format).toContain(squash('We review every government request against our policies and local law.'));
      expect(flat, format).toContain(squash('We will look into the cases you describe.'));
    }
  });

  it('says when the company did not reply by the deadline', async () => {
    t = await unlockedCore({ printToPdf: printer.printToPdf });
    const saved = await savedWithEditedReport('');
    const reply = { ...saved.publication.rightOfReply, status: 'no-reply' as const, response: '', respondedOn: null };
    const silent = await t.call('assessments.save', { ...saved, publication: { ...saved.publication, rightOfReply: reply } });
    const { markdown } = await exportedText(silent.id);
    expect(markdown).toContain('The company did not reply by the deadline.');
    expect(markdown).not.toContain('We review every government request');
  });
});
