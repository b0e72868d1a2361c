// The sentences core writes for the user outside errors (a package's readiness problems and
// warnings, the integrity check's finding, the vault's warnings) carry a catalogue key: the
// English catalogue must say exactly what core says, and every shipped language must say it too.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_METHODOLOGY, UNREVIEWED } from '@shared/api/plans';
import type { Sentence } from '@shared/api/sentence';
import { checkPackage, type CheckablePackage } from '../../../electron/core/plans/package-check';
import { BREAK_REASONS } from '../../../electron/core/records/revisions';
import { LANGUAGES } from '../../../renderer/src/i18n/languages';
import { sentenceText } from '../../../renderer/src/api/sentence-text';

const LOCALES = path.resolve('renderer/src/i18n/locales');
const OTHERS = LANGUAGES.map((l) => l.code).filter((code) => code !== 'en');

function loadAll(): Resource {
  const resources: Resource = {};
  for (const language of ['en', ...OTHERS]) {
    for (const file of fs.readdirSync(path.join(LOCALES, language))) {
      (resources[language] ??= {})[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(LOCALES, language, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

const base: CheckablePackage = {
  title: '',
  findings: [],
  risksSummary: '',
  asks: [],
  forumMechanismId: null,
  forumName: '',
  partners: [],
  methodology: EMPTY_METHODOLOGY,
  unconfirmedReason: '',
};
const finding = (title: string, statement: string, evidence: unknown[], review = UNREVIEWED) => ({ title, statement, evidence, review, included: true });
const ask = (audience: 'company' | 'government') => ({ audience, text: 'Publish every takedown order.', included: true });

/** Drafts that between them raise every problem and warning the check knows. */
function everySentence(): Sentence[] {
  const drafts: CheckablePackage[] = [
    base,
    {
      ...base,
      findings: [
        finding('', '', []),
        finding('Wrongful removals', '', []),
        finding('', 'Posts were removed.', []),
        finding('Shadow bans', 'Reach fell.', []),
        finding('', 'Accounts were locked.', ['e'], { ...UNREVIEWED, status: 'confirmed' }),
        finding('Locked accounts', 'Accounts were locked.', ['e'], { ...UNREVIEWED, status: 'confirmed' }),
      ],
      asks: [ask('company'), ask('government')],
      forumMechanismId: 'upr',
      methodology: { ...EMPTY_METHODOLOGY, periodFrom: '2026-05-01', periodTo: '2026-01-01' },
    },
    { ...base, findings: [finding('A', 'B', ['e'])], asks: [ask('government')], forumMechanismId: 'oecd-ncp', unconfirmedReason: 'Travelling.' },
    { ...base, findings: [finding('A', 'B', ['e']), finding('C', 'D', ['e'])], unconfirmedReason: 'Travelling.' },
  ];
  return drafts.flatMap((draft) => {
    const check = checkPackage(draft);
    return [...check.problems, ...check.warnings];
  });
}

const t = (instance: i18n, sentence: Sentence) => instance.t(sentence.key!, sentence.params ?? {});

describe('sentences core writes, in the catalogues', () => {
  let catalogues: i18n;
  beforeAll(async () => {
    catalogues = i18next.createInstance();
    await catalogues.init({ resources: loadAll(), lng: 'en', fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
  });

  it('raises every readiness problem and warning in the test drafts', () => {
    const keys = new Set(everySentence().map((s) => s.key));
    const english = JSON.parse(fs.readFileSync(path.join(LOCALES, 'en/plans.json'), 'utf8')) as { packageCheck: Record<string, unknown> };
    const known = Object.entries(english.packageCheck).flatMap(([key, value]) =>
      typeof value === 'object' ? Object.keys(value as object).map((sub) => `${key}.${sub}`) : [key.replace(/_(one|other|titled)$/, '')],
    );
    for (const key of new Set(known)) expect(keys, key).toContain(`plans:packageCheck.${key}`);
  });

  it('says each readiness sentence in English exactly as core does, and in every shipped language', async () => {
    for (const sentence of everySentence()) {
      expect(sentence.key, sentence.message).toMatch(/^plans:packageCheck\./);
      expect(t(catalogues.cloneInstance({ lng: 'en' }), sentence)).toBe(sentence.message);
      for (const language of OTHERS) {
        const local = catalogues.cloneInstance({ lng: language });
        expect(local.exists(sentence.key!, sentence.params), `${language} ${sentence.key}`).toBe(true);
        const said = t(local, sentence);
        expect(said, `${language} ${sentence.key}`).not.toBe(sentence.message);
        expect(said).not.toMatch(/\{\{|\}\}/);
        if (sentence.params?.title) expect(said).toContain(String(sentence.params.title));
      }
    }
  });

  it('says the integrity check’s findings and the vault’s warnings in every language', () => {
    const sentences: Sentence[] = Object.entries(BREAK_REASONS).map(([why, message]) => ({ message, key: `vault:integrity.reasons.${why}` }));
    for (const sentence of sentences) expect(t(catalogues.cloneInstance({ lng: 'en' }), sentence)).toBe(sentence.message);
    for (const key of [...sentences.map((s) => s.key!), 'errors:vault.checkFailed', 'errors:vault.backupFailed']) {
      for (const language of OTHERS) expect(catalogues.cloneInstance({ lng: language }).exists(key), `${language} ${key}`).toBe(true);
    }
  });

  it('shows the translation in the renderer, and the English where the catalogue lacks the key', async () => {
    await i18next.init({ resources: loadAll(), lng: 'th', fallbackLng: false, interpolation: { escapeValue: false } });
    const [unconfirmed] = checkPackage({ ...base, findings: [finding('การลบโพสต์', 'x', ['e'])] }).problems.filter((p) => p.field === 'unconfirmedReason');
    expect(sentenceText(unconfirmed!)).toBe('ข้อค้นพบที่เลือก 1 ข้อยังไม่ได้รับการยืนยันจากผู้ทบทวน ให้ยืนยันทีละข้อ ยกเลิกการเลือก หรือบันทึกเหตุผลที่ส่งชุดหลักฐานออกไปตามสภาพนี้ได้ เหตุผลจะพิมพ์ไว้กับระเบียบวิธี');
    const [statement] = checkPackage({ ...base, findings: [finding('การลบโพสต์', '', [])] }).problems.filter((p) => p.field === 'findings.0.statement');
    expect(sentenceText(statement!)).toBe('ข้อค้นพบที่ 1 (“การลบโพสต์”) ยังไม่มีคำอธิบาย: ระบุสิ่งที่ค้นพบ หรือยกเลิกการเลือก');
    expect(sentenceText({ message: 'Only in English.', key: 'plans:packageCheck.notAKey' })).toBe('Only in English.');
    expect(sentenceText({ message: 'No key.' })).toBe('No key.');
  });
});
