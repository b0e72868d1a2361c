// @vitest-environment jsdom
// Core orders companies and people with SQLite's NOCASE, which only knows ASCII: "Đông Á" lands
// after "Zing" and a Thai name with a leading vowel after every other Thai name. Read through the
// renderer's API client from a real vault, the lists come in the chosen language's order.
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../../renderer/src/api/client';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});
beforeAll(async () => {
  await i18next.init({ lng: 'vi', resources: {} });
});

async function vaultWith(names: string[]): Promise<{ client: ApiClient; raw: TestCore }> {
  t = await unlockedCore();
  for (const name of names) {
    await t.call('companies.save', { name, sector: 'social-media', hqCountry: '', policies: '', contacts: [] });
    await t.call('people.save', { realName: name });
  }
  const core = t;
  const client = createClient({ invoke: (method, payload) => core.raw(method, payload), onEvent: () => () => undefined });
  return { client, raw: core };
}

describe('companies and people in the language’s order', () => {
  it('puts Vietnamese names in Vietnamese order: accented letters with their base letter, Đ after D', async () => {
    await i18next.changeLanguage('vi');
    const names = ['Zing', 'Đông Á', 'Báo Mới', 'Ánh Dương', 'Dân Trí'];
    const { client, raw } = await vaultWith(names);
    // What core alone gives: accented capitals after every ASCII letter.
    expect((await raw.call('companies.list', null)).map((c) => c.name)).toEqual(['Báo Mới', 'Dân Trí', 'Zing', 'Ánh Dương', 'Đông Á']);
    const vietnamese = ['Ánh Dương', 'Báo Mới', 'Dân Trí', 'Đông Á', 'Zing'];
    expect((await client.call('companies.list', null)).map((c) => c.name)).toEqual(vietnamese);
    expect((await client.call('people.list', null)).map((p) => p.realName)).toEqual(vietnamese);
  });

  it('puts Thai names in Thai order, skipping leading vowels', async () => {
    await i18next.changeLanguage('th');
    const { client, raw } = await vaultWith(['ไทยรัฐ', 'เมืองไทย', 'มติชน', 'กรุงเทพธุรกิจ']);
    expect((await raw.call('companies.list', null)).map((c) => c.name)).toEqual(['กรุงเทพธุรกิจ', 'มติชน', 'เมืองไทย', 'ไทยรัฐ']);
    const thai = ['กรุงเทพธุรกิจ', 'ไทยรัฐ', 'มติชน', 'เมืองไทย'];
    expect((await client.call('companies.list', null)).map((c) => c.name)).toEqual(thai);
    expect((await client.call('people.list', null)).map((p) => p.realName)).toEqual(thai);
  });
});
