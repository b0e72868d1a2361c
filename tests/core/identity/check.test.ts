// The identity engine: registered people however they are written, likely unregistered names and
// identifiers, keys that stay the same across runs, and decisions applied to every form.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions, checkIdentity, type CheckPerson } from '../../../electron/core/identity/check';
import { phonesIn, samePhone } from '../../../electron/core/identity/identifiers';

const MINH = '00000000-0000-4000-8000-000000000001';
const MAI = '00000000-0000-4000-8000-000000000002';
const minh: CheckPerson = {
  id: MINH,
  realName: 'Nguyễn Văn Minh',
  pseudonym: 'Editor A',
  aliases: [],
  handles: ['@minhnv_vn'],
  emails: ['Minh.NV@protonmail.com'],
  phones: ['+84 912 345 678'],
  urls: ['https://www.facebook.com/minh.nguyen.van.77'],
  otherScripts: [],
  givenName: '',
};
const mai: CheckPerson = { id: MAI, realName: 'Trần Thị Mai', pseudonym: 'Blogger B', otherScripts: ['陈氏梅'] };
const check = (text: string, people: CheckPerson[] = [minh, mai]) => checkIdentity(people, [{ where: 'Finding 1 · Summary', text }]);
const found = (text: string, people?: CheckPerson[]) => check(text, people).map((f) => [f.kind, f.matched]);

describe('registered people', () => {
  it('are found in any case, with or without diacritics, in any word order and run together', () => {
    for (const form of ['Nguyễn Văn Minh', 'NGUYEN VAN MINH', 'nguyen van minh', 'Minh Nguyễn Văn', 'Văn Minh Nguyễn', 'nguyenvanminh', 'Nguyen.Van.Minh', 'NguyenVanMinh']) {
      expect(found(`Reported by ${form} yesterday.`)).toEqual([['registered', form]]);
    }
    expect(found('The account @nguyenvanminh_official was cloned.')).toContainEqual(['registered', '@nguyenvanminh_official']);
  });

  it('are matched at the right place after emoji and other characters outside the basic plane', () => {
    const text = '🔥🔥 Shared by 𠀋 Nguyen Van Minh 🙏 then NGUYỄN VĂN MINH';
    expect(found(text, [minh])).toEqual([
      ['registered', 'Nguyen Van Minh'],
      ['registered', 'NGUYỄN VĂN MINH'],
    ]);
    const flags = check(text, [minh]);
    expect(applyDecisions(text, flags, flags.map((f) => ({ key: f.key, action: 'replace' as const, replacement: 'Editor A' })))).toBe('🔥🔥 Shared by 𠀋 Editor A 🙏 then Editor A');
  });

  it('are found by their name in another script, inside unspaced text', () => {
    expect(found('博主陈氏梅的账号被封禁。')).toEqual([['registered', '陈氏梅']]);
  });

  it('are not found inside a longer word, or by someone with a longer name', () => {
    expect(found('Nguyễn Văn Minhh wrote', [minh]).filter(([k]) => k === 'registered')).toEqual([]);
  });

  it('are found by phone however it is written: spaces, dashes, dots, brackets, +84 or the trunk 0', () => {
    for (const phone of ['+84 912 345 678', '+84912345678', '0912 345 678', '0912-345-678', '0912.345.678', '(+84) 912 345 678', '0084 912 345 678']) {
      expect(check(`Call ${phone} tonight.`, [minh]).map((f) => [f.kind, f.personId, f.matched])).toEqual([['registered', MINH, phone]]);
    }
    expect(samePhone('+84 912 345 678', '+66 912 345 678')).toBe(false);
    expect(samePhone('+84 912 345 678', '0912345678')).toBe(true);
  });

  it('are found by profile link with or without scheme, www., trailing slash or host case', () => {
    for (const url of ['https://www.facebook.com/minh.nguyen.van.77', 'http://facebook.com/minh.nguyen.van.77/', 'FACEBOOK.COM/minh.nguyen.van.77', 'm.facebook.com/Minh.Nguyen.Van.77']) {
      expect(check(`See ${url} for the posts.`, [minh]).map((f) => [f.kind, f.personId, f.matched])).toEqual([['registered', MINH, url]]);
    }
  });

  it('are found by e-mail and handle in any case', () => {
    expect(found('Write to minh.nv@PROTONMAIL.com or @MinhNV_vn.', [minh])).toEqual([
      ['registered', 'minh.nv@PROTONMAIL.com'],
      ['registered', '@MinhNV_vn'],
    ]);
  });

  it('flag the given name alone, capitalised, for confirmation: the last word of a Vietnamese name', () => {
    const flags = check('Chị Mai nói rằng anh Minh đã bị gọi lên phường. Ngày mai sẽ rõ.');
    expect(flags.map((f) => [f.kind, f.personId, f.matched, f.confirm])).toEqual([
      ['givenName', MAI, 'Mai', true],
      ['givenName', MINH, 'Minh', true],
    ]);
  });

  it('have no given name derived when the name is Burmese, unless one is given', () => {
    const aung: CheckPerson = { id: MINH, realName: 'Aung Kyaw Min', pseudonym: 'Activist G', otherScripts: ['အောင်ကျော်မင်း'] };
    expect(found('Aung Myo Thant and Aung Kyaw Min both spoke.', [aung]).filter(([kind]) => kind !== 'name')).toEqual([['registered', 'Aung Kyaw Min']]);
    expect(found('Ko Kyaw said so.', [{ ...aung, givenName: 'Kyaw' }])).toEqual([['givenName', 'Kyaw']]);
  });

  it('use the given-name field when set, and leave place names alone', () => {
    const wang: CheckPerson = { id: MINH, realName: 'Wang Xiaoming', pseudonym: 'Lawyer F', givenName: 'Xiaoming' };
    expect(found('Xiaoming said the hearing moved.', [wang])).toEqual([['givenName', 'Xiaoming']]);
    expect(found('We met in Ho Chi Minh City and Chiang Mai.', [minh, { id: MAI, realName: 'Nguyễn Thị Mai', pseudonym: 'B' }])).toEqual([]);
  });

  it('are labelled with the real name and marked registered, never asking to confirm', () => {
    const [flag] = check('NGUYEN VAN MINH called.', [minh]);
    expect(flag).toMatchObject({ kind: 'registered', personId: MINH, label: 'Nguyễn Văn Minh', confirm: false, where: 'Finding 1 · Summary' });
    expect(flag!.excerpt).toBe('NGUYEN VAN MINH called.');
  });
});

describe('unregistered items', () => {
  it('flags likely names in Latin scripts and honorific patterns, for confirmation', () => {
    const text = 'Present: Rebecca Tan and David Okafor. Chị Hạnh and Pak Budi Santoso spoke; Khun Pravit and U Win Tin sent notes.';
    expect(check(text, []).map((f) => [f.kind, f.matched, f.confirm])).toEqual([
      ['name', 'Rebecca Tan', true],
      ['name', 'David Okafor', true],
      ['name', 'Hạnh', true],
      ['name', 'Budi Santoso', true],
      ['name', 'Pravit', true],
      ['name', 'Win Tin', true],
    ]);
  });

  it('flags Vietnamese, Thai, Burmese and Chinese name patterns', () => {
    expect(found('Theo luật sư Lê Quốc Hùng, phiên tòa kéo dài.', [])).toEqual([['name', 'Lê Quốc Hùng']]);
    expect(found("We quoted Dewi Lestari's post.", [])).toEqual([['name', 'Dewi Lestari']]);
    // A single name where a speaker's name stands; a pronoun or an outlet there is not one.
    expect(found('“It was gone,” Suharti said. She asked again, said Reuters, then kata Andi and Lan cho biết.', [])).toEqual([
      ['name', 'Suharti'],
      ['name', 'Andi'],
      ['name', 'Lan'],
    ]);
    expect(found('Bản án tuyên bị cáo NGUYỄN VĂN A và LE VAN TAM; UBND, VTV và HTV đưa tin.', [])).toEqual([
      ['name', 'NGUYỄN VĂN A'],
      ['name', 'LE VAN TAM'],
    ]);
    expect(found('คุณวิภาวดีเล่าว่าเพจถูกจำกัด', [])).toEqual([['name', 'วิภาวดี']]);
    expect(found('ဦးမြင့်ဆွေ က ပြောသည်။', [])).toEqual([['name', 'မြင့်ဆွေ']]);
    // Malaysia opens like Ma Lay; Ma Lay herself is still a name.
    expect(found('ကုမ္ပဏီသည် (မလေးရှား) နှင့် မလေးရှားတွင် ရုံးရှိသည်။', [])).toEqual([]);
    expect(found('မလေး က ပြောသည်။', [])).toEqual([['name', 'လေး']]);
    expect(found('维权人士李明告诉我们，账号被封。', [])).toEqual([['name', '李明']]);
  });

  it('leaves organisations, mechanisms, places, sentence openings and pseudonyms alone', () => {
    const text =
      'The UN Special Rapporteur on Freedom of Expression met Meta Platforms and Human Rights Watch in Kuala Lumpur. ' +
      'According to the Ministry of Information and Communications, Activist A and Editor A were not named. ' +
      "Outlet B's editor and Organisation C spoke for Vietnam Legal Initiatives. " +
      'คุณภาพของการตอบสนองต่ำ นายกรัฐมนตรีไม่ได้ให้ความเห็น';
    expect(found(text, [{ id: MINH, realName: 'Someone Else', pseudonym: 'Activist A' }])).toEqual([]);
  });

  it('flags nothing in the titles of the knowledge base: frameworks, mechanisms, NCPs, sections', () => {
    const kb = 'resources/kb';
    const titles = [
      ...(JSON.parse(fs.readFileSync(path.join(kb, 'frameworks.json'), 'utf8')) as Array<{ name: string; instrument: string }>).flatMap((f) => [f.name, f.instrument]),
      ...(JSON.parse(fs.readFileSync(path.join(kb, 'mechanisms.json'), 'utf8')) as Array<{ name: string }>).map((m) => m.name),
      ...(JSON.parse(fs.readFileSync(path.join(kb, 'ncps.json'), 'utf8')) as { ncps: Array<{ name: string }> }).ncps.map((n) => n.name),
      ...fs.readdirSync(path.join(kb, 'sections')).flatMap((file) => fs.readFileSync(path.join(kb, 'sections', file), 'utf8').split('\n').filter((line) => line.startsWith('#'))),
    ];
    expect(titles.length).toBeGreaterThan(100);
    expect(checkIdentity([], titles.map((text) => ({ where: 'Knowledge base', text }))).map((f) => f.matched)).toEqual([]);
  });

  it('flags e-mails, phones, handles and profile links, without the brackets around them', () => {
    const text = 'Write to lan@ngo.org or @lan_tran, call +62 812-3456-7890 or (0903 111 222), see t.me/lan_news and zalo.me/0903111222.';
    expect(found(text, [])).toEqual([
      ['email', 'lan@ngo.org'],
      ['handle', '@lan_tran'],
      ['phone', '+62 812-3456-7890'],
      ['phone', '0903 111 222'],
      ['url', 't.me/lan_news'],
      ['url', 'zalo.me/0903111222'],
    ]);
  });

  it('does not take dates, years, money, case numbers, timestamps or hashes for phone numbers', () => {
    const text = [
      'On 05.12.2024 and 2024-05-12 and 12/05/2024, in 2019 2020 2021,',
      'fines of Rp 5.000.000 and VND 100.000.000 and 20,000,000 đồng,',
      'case 1234/Pid.Sus/2023/PN Jkt.Sel, ID 7781-22910-A, at 2025-03-01T09:14:00Z,',
      'hash 3f9a1c0e77b2d4a8e5f6019c2b7d8e4a and 0123456789abcdef0123.',
    ].join(' ');
    expect(phonesIn(text)).toEqual([]);
    expect(check(text, [])).toEqual([]);
  });
});

describe('keys and decisions', () => {
  it('gives the same key on every run and for every spelling that folds alike', () => {
    const a = check('Nguyễn Văn Minh', [minh])[0]!;
    const b = check('NGUYEN VAN MINH', [minh])[0]!;
    const c = checkIdentity([minh], [{ where: 'Elsewhere', text: 'Before. nguyen van minh' }])[0]!;
    expect(a.key).toBe(b.key);
    expect(c.key).toBe(a.key);
    expect(a.key).toContain(MINH);
    expect(check('0912-345-678', [])[0]!.key).toBe(check('0912 345 678', [])[0]!.key);
    expect(check('Rebecca Tan', [])[0]!.key).toBe('name:-:rebecca tan');
  });

  it('reports each spelling once per place', () => {
    expect(check('Minh Nguyen Van, Nguyễn Văn Minh and Nguyễn Văn Minh', [minh]).map((f) => f.matched)).toEqual(['Minh Nguyen Van', 'Nguyễn Văn Minh']);
  });

  it('replaces every occurrence of every form decided "replace", longest first, and keeps the rest', () => {
    const text = 'NGUYEN VAN MINH met Nguyễn Văn Minh; Minh said so. Rebecca Tan agreed, call 0912 345 678.';
    const flags = check(text);
    const key = (matched: string) => flags.find((f) => f.matched === matched)!.key;
    const out = applyDecisions(text, flags, [
      { key: key('NGUYEN VAN MINH'), action: 'replace', replacement: 'Editor A' },
      { key: key('Minh'), action: 'replace', replacement: 'A.' },
      { key: key('Rebecca Tan'), action: 'fine' },
      { key: key('0912 345 678'), action: 'replace', replacement: '[number withheld]' },
    ]);
    expect(out).toBe('Editor A met Editor A; A. said so. Rebecca Tan agreed, call [number withheld].');
  });

  it('leaves the text alone without replace decisions, and never replaces inside a longer word', () => {
    const text = 'Lan said the plan for Thailand failed.';
    const flags = checkIdentity([{ id: MAI, realName: 'Lan', pseudonym: 'B' }], [{ where: 'x', text }]);
    expect(applyDecisions(text, flags, [])).toBe(text);
    expect(applyDecisions(text, flags, [{ key: flags[0]!.key, action: 'replace', replacement: 'B' }])).toBe('B said the plan for Thailand failed.');
  });
});
