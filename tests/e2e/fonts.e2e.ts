// The interface brings its own fonts: in a Chromium whose fontconfig has DejaVu Sans and no Noto
// at all, Home in English loads only the Latin subset of the bundled Noto Sans; a line in each of
// the users' scripts then loads that script's bundled font (Traditional Chinese its own), from the
// app's server only, and Burmese and Khmer get their taller lines.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/server/print-to-pdf';
import { tempDir } from '../helpers/temp';
import { foreignRequests, recordRequests, screenshot, signIn, startWebServer, type WebServer } from './harness';

const LINES: Array<[lang: string, text: string]> = [
  ['vi', 'Người dân cần được bảo vệ quyền riêng tư.'],
  ['th', 'สิทธิในความเป็นส่วนตัวของผู้ใช้ต้องได้รับการคุ้มครอง'],
  ['my', 'လွတ်လပ်စွာ ထုတ်ဖော်ပြောဆိုခွင့်'],
  ['km', 'សិទ្ធិសេរីភាពក្នុងការបញ្ចេញមតិ'],
  ['zh-Hans', '言论自由和隐私权'],
  ['zh-Hant', '言論自由與隱私權'],
];

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  const dir = tempDir('ui-no-noto-');
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', path.join(dir, 'fonts', 'DejaVuSans.ttf'));
  fs.writeFileSync(
    path.join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
  );
  server = await startWebServer();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('bundled fonts in the interface', () => {
  it('loads only the scripts on screen, from the app, and lays out Burmese and Khmer taller', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await signIn(page, server);
    await page.locator('main h1').waitFor();
    const loaded = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`);
      });

    const english = await loaded();
    expect(english.length).toBeGreaterThan(0);
    // Noto Sans's Latin subsets lack the arrow and bullet Home shows (→ ●): Chromium takes them from
    // the one small Chinese subset that has them. No other script's font loads.
    expect(english.filter((face) => !/^Noto Sans [47]00$/.test(face)).every((face) => face.startsWith('Noto Sans SC')), english.join(', ')).toBe(true);
    expect(english.filter((face) => face.startsWith('Noto Sans SC')).length).toBeLessThanOrEqual(2);

    await page.evaluate((lines) => {
      const section = document.createElement('section');
      section.id = 'scripts';
      for (const [lang, text] of lines) {
        const p = document.createElement('p');
        p.lang = lang;
        p.textContent = text;
        section.append(p);
      }
      const en = document.createElement('p');
      en.lang = 'en';
      en.textContent = 'English line';
      section.append(en);
      document.querySelector('main')!.prepend(section);
    }, LINES);
    const families = new Set((await loaded()).map((face) => face.replace(/ \d+$/, '')));
    for (const family of ['Noto Sans', 'Noto Sans Thai', 'Noto Sans Myanmar', 'Noto Sans Khmer', 'Noto Sans SC', 'Noto Sans TC']) {
      expect(families.has(family), `${family} in ${[...families].join(', ')}`).toBe(true);
    }
    // Each line's text is covered by a loaded bundled face (no system fallback, no boxes).
    for (const [lang, text] of LINES) {
      const family = { vi: 'Noto Sans', th: 'Noto Sans Thai', my: 'Noto Sans Myanmar', km: 'Noto Sans Khmer', 'zh-Hans': 'Noto Sans SC', 'zh-Hant': 'Noto Sans TC' }[lang]!;
      expect(await page.evaluate(([f, t]) => document.fonts.check(`16px "${f}"`, t), [family, text] as const), lang).toBe(true);
    }
    const lineHeight = (lang: string) =>
      page.evaluate((l) => parseFloat(getComputedStyle(document.querySelector(`#scripts [lang="${l}"]`)!).lineHeight), lang);
    expect(await lineHeight('my')).toBeGreaterThan((await lineHeight('en')) * 1.2);
    expect(await lineHeight('km')).toBeGreaterThan((await lineHeight('en')) * 1.2);
    await screenshot(page, 'ui-bundled-fonts-no-system-noto');

    expect(requests.some((url) => url.endsWith('.woff2'))).toBe(true);
    expect(foreignRequests(requests)).toEqual([]);
    await context.close();
  });
});
