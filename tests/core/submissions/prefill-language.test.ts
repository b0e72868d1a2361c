// A new draft's prefilled text in the language its document will be exported in: a draft started
// in Thai for a body that accepts Thai gets Thai headings, title and phrases around the vault's
// records (country names as Thai names them, dates kept ISO), and no English word of the app's; a
// body that does not accept the language starts the draft in English, as the export would.
// The user's own text is never translated. Real encrypted vaults, through the dispatcher.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionTemplate } from '@shared/api/submissions';
import { PREFILL_PHRASES } from '../../../electron/core/submissions/document-labels';
import { loadTemplates } from '../../../electron/core/submissions/templates';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

let templates: SubmissionTemplate[];
beforeAll(() => {
  templates = loadTemplates('resources');
});

/** Every English word the app writes around a record, e.g. "Concerns raised:", "(due", "open", "meeting". */
const ENGLISH_PHRASES = [
  ...new Set(
    Object.values(PREFILL_PHRASES)
      .flatMap((text) => text.split(/\{\{\w+\}\}/))
      .map((fragment) => fragment.replace(/^[\s(),.;:]+|[\s(),.;:]+$/g, ''))
      .filter((fragment) => /[A-Za-z]{3}/.test(fragment)),
  ),
];

/** A company headquartered in Japan, a plan with harm in Thailand and two diary entries in Thai, linked from the plan. */
async function thaiDiary(t: TestCore) {
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'JP', policies: '', contacts: [] });
  const meeting = await t.call('engagements.save', {
    occurredAt: '2026-10-01T09:30:00.000Z',
    companyId: company.id,
    channel: 'meeting',
    title: 'ประชุมกับทีมความปลอดภัย',
    concerns: ['การลบโพสต์ของสื่ออิสระ', 'การจำกัดบัญชี'],
    outcome: 'บริษัทรับจะทบทวนโพสต์',
    commitments: [
      { id: crypto.randomUUID(), text: 'ทบทวนโพสต์ 40 รายการ', owner: 'หัวหน้าทีม', dueDate: '2026-10-15', status: 'open', evidence: '' },
      { id: crypto.randomUUID(), text: 'ตั้งผู้ประสานงานประจำภูมิภาค', owner: '', status: 'partly-kept', evidence: '' },
    ],
  });
  const email = await t.call('engagements.save', { occurredAt: '2026-10-20T09:30:00.000Z', companyId: company.id, channel: 'email', title: 'ติดตามผลทางอีเมล' });
  const draft = await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId: company.id });
  const plan = await t.call('plans.save', { ...draft, title: 'ยกระดับเรื่องการลบโพสต์', harmCountries: ['TH'], engagementIds: [meeting.id, email.id] });
  return { company, plan, step: plan.steps[0]! };
}

describe('a new draft in its document language', () => {
  it('starts a Thai NCP filing with Thai headings, title and phrases, Thai country names, ISO dates, the user\'s words as written and no English word of the app', async () => {
    t = await unlockedCore();
    const { plan, step } = await thaiDiary(t);
    const ncp = await t.call('submissions.start', { route: 'ncpSpecificInstance', source: { kind: 'planStep', planId: plan.id, stepId: step.id }, language: 'th' });
    expect(ncp.language).toBe('th');
    expect(ncp.title).toBe(`ข้อร้องเรียนเฉพาะกรณีต่อ NCP ของ OECD: ${step.title}`);
    expect(ncp.body).toContain('## วิสาหกิจ\n\nExample Platform (สำนักงานใหญ่: ญี่ปุ่น)');
    expect(ncp.body).toContain(
      '- 2026-10-01 (การประชุม): ประชุมกับทีมความปลอดภัย ประเด็นที่ยกขึ้น: การลบโพสต์ของสื่ออิสระ; การจำกัดบัญชี ผลลัพธ์: บริษัทรับจะทบทวนโพสต์ ' +
        'คำมั่น: หัวหน้าทีม ให้คำมั่นว่า: ทบทวนโพสต์ 40 รายการ (กำหนด 2026-10-15, ค้างอยู่); ตั้งผู้ประสานงานประจำภูมิภาค (ทำตามบางส่วน)',
    );
    expect(ncp.body).toContain('- 2026-10-20 (อีเมล): ติดตามผลทางอีเมล');
    // Not one English phrase of the app, nor an English heading of the template, is left.
    expect(ENGLISH_PHRASES).toEqual(expect.arrayContaining(['Concerns raised', 'Outcome', 'committed to', 'due', 'open', 'meeting', 'headquarters']));
    for (const phrase of ENGLISH_PHRASES) expect(ncp.body, phrase).not.toMatch(new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'));
    const template = templates.find((x) => x.route === 'ncpSpecificInstance')!;
    for (const s of template.sections) expect(ncp.body).not.toContain(s.heading);
    // The saved draft is what was returned: reopening it shows the same Thai text.
    expect(await t.call('submissions.get', { id: ncp.id })).toEqual(ncp);
  });

  it('starts in English, with English phrases and bare country codes, when the body does not accept the language asked for', async () => {
    t = await unlockedCore();
    const { plan, step } = await thaiDiary(t);
    const sp = await t.call('submissions.start', { route: 'spCommunication', source: { kind: 'planStep', planId: plan.id, stepId: step.id }, language: 'th' });
    expect(sp.language).toBe('en');
    expect(sp.fields.route === 'spCommunication' && sp.fields.datesAndPlaces).toBe('Countries where the harm happened: TH.');
    expect(sp.body).toContain('## Engagement with the company');
    expect(sp.body).toContain('2026-10-01 (meeting): ประชุมกับทีมความปลอดภัย Concerns raised: การลบโพสต์ของสื่ออิสระ; การจำกัดบัญชี. Outcome: บริษัทรับจะทบทวนโพสต์');
    expect(sp.body).toContain('หัวหน้าทีม committed to: ทบทวนโพสต์ 40 รายการ (due 2026-10-15, open); ตั้งผู้ประสานงานประจำภูมิภาค (partly-kept).');
  });

  it('names the harm countries in the draft\'s language where the body accepts it, and keeps a draft asked for in English in English', async () => {
    t = await unlockedCore();
    const { plan, step } = await thaiDiary(t);
    const source = { kind: 'planStep', planId: plan.id, stepId: step.id } as const;
    const fr = await t.call('submissions.start', { route: 'spCommunication', source, language: 'fr' });
    expect(fr.language).toBe('fr');
    expect(fr.fields.route === 'spCommunication' && fr.fields.datesAndPlaces).toBe('Pays où le préjudice s’est produit : Thaïlande.');
    expect(fr.body).toContain('2026-10-01 (réunion) : ประชุมกับทีมความปลอดภัย Préoccupations soulevées : การลบโพสต์ของสื่ออิสระ ; การจำกัดบัญชี.');
    const en = await t.call('submissions.start', { route: 'ncpSpecificInstance', source, language: 'en' });
    const unasked = await t.call('submissions.start', { route: 'ncpSpecificInstance', source });
    expect(en.language).toBe('en');
    expect(en.body).toBe(unasked.body);
    expect(en.body).toContain('Example Platform (headquarters: JP)');
  });
});
