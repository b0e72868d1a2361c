// The export dialog's identity preview builds the document in the export's language, so it flags
// exactly what that export refuses: a Vietnamese package export is refused for as many undecided
// items as the Vietnamese preview showed, the preview's decisions are enough for it to go through,
// and none of the flags is one of the Vietnamese words the app itself writes around the user's text.
import { afterEach, describe, expect, it } from 'vitest';
import { LABEL_FILES } from '../../../electron/core/exports/labels';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { decideAll, identityVault, LAN, MINH, QUOTE, REGISTERED_TEXT } from '../export-check/fixtures';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const VI = 'vi-VN';
const vietnamese = Object.values(LABEL_FILES.vi!.labels);

describe('the identity preview of an export in Vietnamese', () => {
  it('flags exactly what the Vietnamese export refuses, and nothing the app wrote', async () => {
    t = await unlockedCore();
    const { company, engagement } = await identityVault(t);
    // Not ready to send (no partners, no methodology), so its problems are printed too.
    const pkg = await t.call('packages.save', {
      title: 'Removals and the newsroom',
      companyId: company.id,
      findings: [{ id: crypto.randomUUID(), title: 'Removals', statement: `${QUOTE} ${REGISTERED_TEXT}`, evidence: [{ kind: 'engagement', id: engagement.id }] }],
    });

    const preview = await t.call('exports.identityCheck', { kind: 'package', id: pkg.id, descriptiveName: false, locale: VI });
    expect(preview.undecided).toBeGreaterThan(0);
    // Every flag is the user's text: the third party, the registered person's alias or phone.
    for (const flag of preview.flags) {
      const users = flag.matched.includes(MINH) || flag.matched.includes(LAN.alias) || /\d{3}/.test(flag.matched) || MINH.includes(flag.matched);
      expect(users, `${flag.where}: ${flag.matched}`).toBe(true);
      expect(vietnamese.some((label) => label.includes(flag.matched)), `${flag.matched} is a label`).toBe(false);
    }
    // The preview read the Vietnamese document: its places are under the Vietnamese headings.
    const findings = LABEL_FILES.vi!.labels['package.findingTitled']!.replace('{{n}}', '1').replace('{{title}}', 'Removals');
    expect(preview.flags.some((f) => f.where.startsWith(findings))).toBe(true);

    const refused = await t.raw('packages.export', { id: pkg.id, format: 'markdown', locale: VI });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { count: preview.undecided } } });

    // The preview's decisions, and nothing more, let the Vietnamese export through.
    const out = await t.call('packages.export', { id: pkg.id, format: 'markdown', locale: VI, identity: { decisions: decideAll(preview), acknowledge: false } });
    const markdown = Buffer.from(out.data, 'base64').toString('utf8');
    expect(markdown).toContain(LABEL_FILES.vi!.labels['package.draft']!);
    expect(markdown).not.toContain(MINH);
  });

  it('checks the English document when the export is in English', async () => {
    t = await unlockedCore();
    const { engagement } = await identityVault(t);
    const plan = await t.call('plans.save', { title: 'Escalation', objective: QUOTE, engagementIds: [engagement.id] });
    const english = await t.call('exports.identityCheck', { kind: 'plan', id: plan.id, descriptiveName: false, locale: 'en-GB' });
    const vi = await t.call('exports.identityCheck', { kind: 'plan', id: plan.id, descriptiveName: false, locale: VI });
    expect(english.flags.some((f) => f.where === 'Objective')).toBe(true);
    expect(vi.flags.some((f) => f.where === LABEL_FILES.vi!.labels['plan.objective'])).toBe(true);
    expect(vi.flags.some((f) => f.where === 'Objective')).toBe(false);
    expect(new Set(vi.flags.map((f) => f.key))).toEqual(new Set(english.flags.map((f) => f.key)));
  });

  it('asks about none of the app\'s own words in any language: translated principles, directory entries and the OECD route', async () => {
    t = await unlockedCore();
    const { company } = await identityVault(t);
    // Every step of the longest ladder has a directory entry, translated in every language.
    const draft = await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId: company.id });
    const plan = await t.call('plans.save', { ...draft, title: 'Escalation', objective: 'Restore removed posts', harmCountries: ['VN', 'TH'], operatingCountries: ['AU'] });
    // A package for a forum in the directory: its name, summary and timing are the directory's.
    const pkg = await t.call('packages.save', { title: 'Before the forum', forumMechanismId: 'un-rbhr-forum-ap', risksSummary: 'Posts removed.' });
    for (const locale of ['vi-VN', 'th-TH', 'my-MM', 'km-KH', 'id-ID', 'zh-CN', 'zh-TW', 'en-GB']) {
      for (const [kind, id] of [['plan', plan.id], ['package', pkg.id]] as const) {
        const review = await t.call('exports.identityCheck', { kind, id, descriptiveName: false, locale });
        // The template's step titles and triggers are the plan's own (English) text: nothing in them is a name either.
        expect(review.flags.map((f) => `${f.where}: ${f.matched}`), `${kind} ${locale}`).toEqual([]);
      }
    }
  });
});

