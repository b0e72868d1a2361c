// @vitest-environment jsdom
// Chromium puts each key typed into a date field into the part under the caret. A year typed into
// the year part is read as a whole typed date's is: in Thai, 2569 there becomes 2026 and the field
// says so, and a year that could be either era puts back the date the field had before the typing.
// Here the browser's own handling is played by setting the value as the key goes in.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptTypedDates } from '../../../renderer/src/app/date-typing';

let locale = 'th-TH-u-ca-buddhist';
const catalogue = (language: string) => JSON.parse(fs.readFileSync(path.resolve(`renderer/src/i18n/locales/${language}/common.json`), 'utf8')) as object;

beforeAll(async () => {
  await i18next.init({ lng: 'th', resources: { th: { common: catalogue('th') } }, interpolation: { escapeValue: false } });
  acceptTypedDates(() => locale);
});
afterEach(() => {
  document.body.innerHTML = '';
  locale = 'th-TH-u-ca-buddhist';
});

function field(type: 'date' | 'datetime-local', value: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = type;
  input.value = value;
  document.body.append(input);
  return input;
}

/** Types a year into the year part: each key, then the value the browser's year part then holds. */
async function typeYear(input: HTMLInputElement, year: string): Promise<void> {
  const rest = input.value.slice(4);
  for (let i = 1; i <= year.length; i++) {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: year[i - 1]!, bubbles: true }));
    input.value = `${year.slice(0, i).padStart(4, '0')}${rest}`;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('a year typed into the year part of a date field', () => {
  it('stores 2569 as 2026 in Thai and says so', async () => {
    const input = field('date', '2026-11-30');
    await typeYear(input, '2569');
    expect(input.value).toBe('2026-11-30');
    expect(input.title).toBe('อ่านปี 2569 เป็นพุทธศักราช: บันทึกเป็นคริสต์ศักราช 2026');
  });

  it('puts back the date it had for a year that could be either era, and explains', async () => {
    const input = field('datetime-local', '2026-11-30T09:00');
    await typeYear(input, '2300');
    expect(input.value).toBe('2026-11-30T09:00');
    expect(input.validationMessage).toMatch(/^ปี 2300 ไม่ชัดเจน/);
  });

  it('refuses a Buddhist-era 29 February whose Common Era year has none', async () => {
    const input = field('date', '2024-02-29');
    await typeYear(input, '2568');
    expect(input.value).toBe('2024-02-29');
    expect(input.validationMessage).toMatch(/^ปี 2568/);
  });

  it('leaves years alone where the locale counts in the Common Era', async () => {
    locale = 'en-GB';
    const input = field('date', '2026-11-30');
    await typeYear(input, '2569');
    expect(input.value).toBe('2569-11-30');
    expect(input.validationMessage).toBe('');
  });
});
