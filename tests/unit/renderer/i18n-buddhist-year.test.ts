// @vitest-environment jsdom
// A Thai user reads years in the Buddhist era and types them so: 2569 in a date field is stored as
// 2026, and the field says how it read the year. A year that could be either era by centuries is
// refused with an explanation; nothing is ever stored 543 years off. Other locales are untouched.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptTypedDates, parseDateTime, readDateTime, usesBuddhistEra } from '../../../renderer/src/app/date-typing';

const THAI = 'th-TH-u-ca-buddhist';
let locale = THAI;
const catalogue = (language: string) => JSON.parse(fs.readFileSync(path.resolve(`renderer/src/i18n/locales/${language}/common.json`), 'utf8')) as object;

beforeAll(async () => {
  await i18next.init({ lng: 'th', resources: { th: { common: catalogue('th') }, en: { common: catalogue('en') } }, interpolation: { escapeValue: false } });
  acceptTypedDates(() => locale);
});
afterEach(() => {
  document.body.innerHTML = '';
  locale = THAI;
});

function field(type: 'date' | 'datetime-local', value = ''): HTMLInputElement {
  const input = document.createElement('input');
  input.type = type;
  input.value = value;
  document.body.append(input);
  return input;
}

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  for (const key of text) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function paste(input: HTMLInputElement, text: string): void {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: { getData: () => string } };
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  input.dispatchEvent(event);
}

describe('Buddhist-era years typed in a Thai locale', () => {
  it('knows which locales count in the Buddhist era', () => {
    expect(usesBuddhistEra(THAI)).toBe(true);
    expect(usesBuddhistEra('th-TH')).toBe(true);
    expect(usesBuddhistEra('en-GB')).toBe(false);
    expect(usesBuddhistEra('vi-VN')).toBe(false);
  });

  it('reads 2569 as 2026, in every accepted form, and checks the day on the Common Era calendar', () => {
    expect(parseDateTime('30/11/2569', THAI)).toEqual({ date: '2026-11-30', time: null, buddhistYear: 2569 });
    expect(parseDateTime('2569-11-30', THAI)).toEqual({ date: '2026-11-30', time: null, buddhistYear: 2569 });
    expect(parseDateTime('25691130', THAI)).toEqual({ date: '2026-11-30', time: null, buddhistYear: 2569 });
    expect(parseDateTime('30.11.2569 14:05', THAI)).toEqual({ date: '2026-11-30', time: '14:05', buddhistYear: 2569 });
    // 2567 BE is 2024, a leap year; 2568 BE is 2025, which is not.
    expect(parseDateTime('29/02/2567', THAI)?.date).toBe('2024-02-29');
    expect(parseDateTime('29/02/2568', THAI)).toBeNull();
  });

  it('takes a Common Era year as typed, and refuses a year that could be either era', () => {
    expect(parseDateTime('30/11/2026', THAI)).toEqual({ date: '2026-11-30', time: null });
    expect(parseDateTime('30/11/2300', THAI)).toBeNull();
    expect(readDateTime('30/11/2300', THAI)).toEqual({ ambiguousYear: 2300 });
    expect(readDateTime('31/02/2300', THAI)).toBeNull();
  });

  it('leaves other locales alone: 2569 is the year 2569 there', () => {
    expect(parseDateTime('30/11/2569', 'en-GB')).toEqual({ date: '2569-11-30', time: null });
    expect(parseDateTime('30/11/2569', 'vi-VN')).toEqual({ date: '2569-11-30', time: null });
  });

  it('stores the typed Buddhist-era date as 2026 and says so beside the field', async () => {
    const input = field('date');
    await typeInto(input, '30/11/2569');
    expect(input.value).toBe('2026-11-30');
    const said = 'อ่านปี 2569 เป็นพุทธศักราช: บันทึกเป็นคริสต์ศักราช 2026';
    expect(input.title).toBe(said);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(said);
    expect(input.validationMessage).toBe('');
  });

  it('keeps the field as it was and explains when the year is unclear', async () => {
    const input = field('date', '2026-01-05');
    await typeInto(input, '30/11/2300');
    expect(input.value).toBe('2026-01-05');
    const now = new Date().getFullYear() + 543;
    expect(input.validationMessage).toBe(
      `ปี 2300 ไม่ชัดเจน: ถ้าเป็นพุทธศักราชจะตรงกับคริสต์ศักราช 1757 ถ้าเป็นคริสต์ศักราชจะตรงกับพุทธศักราช 2843 พิมพ์ปีอีกครั้ง (ปีนี้คือพุทธศักราช ${now}) ไม่มีการเปลี่ยนแปลงใด`,
    );
    // Typing a clear date next clears the question.
    await typeInto(input, '30/11/2569');
    expect(input.value).toBe('2026-11-30');
    expect(input.validationMessage).toBe('');
  });

  it('converts a pasted date and time too', () => {
    const input = field('datetime-local');
    paste(input, '2569-01-15 09:30');
    expect(input.value).toBe('2026-01-15T09:30');
  });
});
