// @vitest-environment jsdom
// The diary list asks core for its company grouping in the interface language, and gets the same
// company order the renderer gives the companies list with its own collator: the two lists a
// reader compares side by side agree, in Vietnamese and in Thai, from a real vault.
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InterfaceLanguage } from '@shared/api/diary';
import { createClient } from '../../../renderer/src/api/client';
import { filterFromParams, listKey } from '../../../renderer/src/features/diary/list/first-window';
import { LANGUAGES } from '../../../renderer/src/i18n/languages';
import { sortLanguage } from '../../../renderer/src/i18n/locale-format';
import { PSEUDO_LOCALE } from '../../../renderer/src/i18n/pseudo';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});
beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: {} });
});

describe('the diary list in the interface language', () => {
  it('knows the same eight languages as the interface', () => {
    expect([...InterfaceLanguage.options].sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  it('asks in the chosen language, the pseudo-locale as English, and keys the list by it', async () => {
    const params = new URLSearchParams('sort=company');
    await i18next.changeLanguage('th');
    expect(sortLanguage()).toBe('th');
    expect(filterFromParams(params)).toEqual({ sort: 'company', locale: 'th' });
    const thaiKey = listKey(params);
    await i18next.changeLanguage(PSEUDO_LOCALE);
    expect(filterFromParams(params)).toEqual({ sort: 'company', locale: 'en' });
    // Another language is another list: the windows already loaded are in the old order.
    expect(listKey(params)).not.toBe(thaiKey);
  });

  it.each([
    ['vi', ['Zing', 'Đông Á', 'Báo Mới', 'Ánh Dương', 'Dân Trí', 'Ăn Ngon']],
    ['th', ['ไทยรัฐ', 'เมืองไทย', 'มติชน', 'กรุงเทพธุรกิจ', 'โพสต์ทูเดย์']],
  ])('groups entries by company in %s as the companies list orders them', async (language, names) => {
    await i18next.changeLanguage(language);
    t = await unlockedCore();
    for (const [i, name] of names.entries()) {
      const company = await t.call('companies.save', { name, sector: 'other' });
      await t.call('engagements.save', { occurredAt: `2026-05-0${i + 1}T08:00:00Z`, companyId: company.id, channel: 'email' });
    }
    const core = t;
    const client = createClient({ invoke: (method, payload) => core.raw(method, payload), onEvent: () => () => undefined });
    const companies = (await client.call('companies.list', null)).map((company) => company.name);
    const page = await client.call('engagements.list', { ...filterFromParams(new URLSearchParams('sort=company')), limit: 50 });
    expect(page.items.map((row) => row.companyName)).toEqual(companies);
  });
});
