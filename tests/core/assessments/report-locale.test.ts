// The exported CLARITI report writes every date it prints itself in the user's locale, as the
// interface does: no ISO date is left outside the text the user typed. Read back from the file
// (the DOM for HTML, mammoth for DOCX), through the real core and an encrypted vault.
// @vitest-environment jsdom
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { diaryWithTwoCalls } from '../plans/fixtures';
import { completeAssessment } from './fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** Dates the user typed into the record themselves (a source's description): printed as typed. */
const USERS_OWN_TEXT = ['Interview 1, 2025-05-02'];

async function exported(id: string, locale: string): Promise<Record<string, string>> {
  const text: Record<string, string> = {};
  for (const format of ['markdown', 'html', 'docx'] as const) {
    const file = await t.call('assessments.export', { id, format, identity: { acknowledge: true }, locale });
    const bytes = Buffer.from(file.data, 'base64');
    if (format === 'docx') text.docx = (await mammoth.extractRawText({ buffer: bytes })).value;
    else if (format === 'html') text.html = new DOMParser().parseFromString(bytes.toString('utf8'), 'text/html').body.textContent ?? '';
    else text.markdown = bytes.toString('utf8');
  }
  return text;
}

const longDay = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('dates in the exported report', () => {
  for (const locale of ['vi', 'en']) {
    it(`are written in the ${locale} locale, with no ISO date outside the user's own text`, async () => {
      t = await unlockedCore();
      const { company, first, file } = await diaryWithTwoCalls(t);
      const saved = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
      for (const [format, body] of Object.entries(await exported(saved.id, locale))) {
        const printed = USERS_OWN_TEXT.reduce((rest, own) => rest.replaceAll(own, ''), body);
        expect(printed.match(ISO_DATE), format).toBeNull();
        // The reviewer's confirmation, the consent date and the reply deadline, as the interface writes them.
        for (const day of ['2026-03-02', '2025-05-02', '2026-04-06']) expect(body.replace(/\s+/g, ' '), format).toContain(longDay(day, locale));
      }
    });
  }

  it('writes the dates of a report assembled for editing in the locale asked for', async () => {
    t = await unlockedCore();
    const { company, first, file } = await diaryWithTwoCalls(t);
    const saved = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
    const { markdown } = await t.call('assessments.assembleReport', { ...saved, locale: 'vi' });
    expect(USERS_OWN_TEXT.reduce((rest, own) => rest.replaceAll(own, ''), markdown).match(ISO_DATE)).toBeNull();
    // The report's own words are Vietnamese too: "confirmed by a reviewer on …".
    expect(markdown).toContain(`ngày ${longDay('2026-03-02', 'vi')}.`);
  });

  it('refuses a locale that is not one', async () => {
    t = await unlockedCore();
    const { company, first, file } = await diaryWithTwoCalls(t);
    const saved = await t.call('assessments.save', completeAssessment(company.id, first.id, file.id));
    await expect(t.call('assessments.export', { id: saved.id, format: 'markdown', identity: { acknowledge: true }, locale: 'not a locale!' })).rejects.toThrow(/INVALID_INPUT/);
  });
});
