// Fonts for every script the workbench's users write in. Noto first (installed with the app's
// Debian dependencies and common on Linux), then each platform's own font for the script, so
// Chinese, Thai, Burmese, Khmer and Vietnamese render as glyphs, never as boxes. HTML and PDF
// exports also embed the subsets of the bundled Noto fonts their text needs (embeddedFontFaces).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chineseVariant, type ChineseVariant } from './chinese-variant';
import type { ExportDocument } from './document';

/** CSS font stack for body text, Latin (with Vietnamese) first. */
export const CSS_FONT_STACK = [
  "'Noto Sans'",
  "'Noto Sans Thai'",
  "'Noto Sans Myanmar'",
  "'Noto Sans Khmer'",
  "'Noto Sans SC'",
  "'Noto Sans TC'",
  "'Noto Sans CJK SC'",
  "'Segoe UI'",
  "'Microsoft YaHei'",
  "'Leelawadee UI'",
  "'Myanmar Text'",
  "'Khmer UI'",
  "'PingFang SC'",
  "'Thonburi'",
  "'Myanmar Sangam MN'",
  "'Khmer Sangam MN'",
  'sans-serif',
].join(', ');

/**
 * For text in Traditional characters (marked lang="zh-Hant"): the Traditional font before the
 * Simplified one, which would otherwise draw the shared characters in their mainland shapes.
 */
export const CSS_TRADITIONAL_STACK = ["'Noto Sans'", "'Noto Sans TC'", "'Noto Sans CJK TC'", "'Microsoft JhengHei'", "'PingFang TC'", CSS_FONT_STACK].join(', ');

export const CSS_MONO_STACK = "'Noto Sans Mono', 'DejaVu Sans Mono', Consolas, Menlo, monospace";

export const LATIN_FONT = 'Noto Sans';
export const EAST_ASIAN_FONT = 'Noto Sans CJK SC';
export const TRADITIONAL_FONT = 'Noto Sans CJK TC';
export const MONO_FONT = 'Noto Sans Mono';

/**
 * Word picks a font slot per character: ascii/hAnsi for Latin (Vietnamese included), eastAsia for
 * Chinese, cs (complex script) for Thai, Burmese and Khmer. A run has one cs font, so text is cut
 * into runs by script and each run names the font for its own script.
 */
export interface ScriptRun {
  text: string;
  slot: 'latin' | 'eastAsia' | 'cs';
  /** The font for the run's script, and its language tag for Word's proofing and line breaking. */
  font: string;
  lang: string | null;
}

const SCRIPTS: Array<{ pattern: RegExp; slot: ScriptRun['slot']; font: string; lang: string }> = [
  { pattern: /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u, slot: 'eastAsia', font: EAST_ASIAN_FONT, lang: 'zh-CN' },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, slot: 'eastAsia', font: EAST_ASIAN_FONT, lang: 'ja-JP' },
  { pattern: /\p{Script=Hangul}/u, slot: 'eastAsia', font: EAST_ASIAN_FONT, lang: 'ko-KR' },
  { pattern: /\p{Script=Thai}/u, slot: 'cs', font: 'Noto Sans Thai', lang: 'th-TH' },
  { pattern: /\p{Script=Myanmar}/u, slot: 'cs', font: 'Noto Sans Myanmar', lang: 'my-MM' },
  { pattern: /\p{Script=Khmer}/u, slot: 'cs', font: 'Noto Sans Khmer', lang: 'km-KH' },
];

// Spaces, punctuation, digits and marks belong to whatever script surrounds them.
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\p{M}\u200b-\u200d]/u;

/**
 * Cuts text into runs by script. A Chinese run in Traditional characters gets the Traditional
 * font and zh-TW; one whose characters are shared by both forms follows the rest of the text,
 * then `fallback` (the document's variant), then Simplified.
 */
export function splitByScript(value: string, fallback: ChineseVariant | null = null): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let leading = '';
  for (const char of value) {
    if (NEUTRAL.test(char)) {
      const last = runs.at(-1);
      if (last) last.text += char;
      else leading += char;
      continue;
    }
    const script = SCRIPTS.find((s) => s.pattern.test(char));
    const kind: Omit<ScriptRun, 'text'> = script ? { slot: script.slot, font: script.font, lang: script.lang } : { slot: 'latin', font: LATIN_FONT, lang: null };
    const last = runs.at(-1);
    if (last && last.font === kind.font && last.lang === kind.lang) last.text += char;
    else runs.push({ ...kind, text: char });
  }
  // Text made only of spaces, digits and punctuation is set in the Latin font.
  const first = runs[0];
  if (first) first.text = leading + first.text;
  else if (leading) runs.push({ text: leading, slot: 'latin', font: LATIN_FONT, lang: null });
  const overall = runs.some(isChinese) ? (chineseVariant(value) ?? fallback) : null;
  for (const run of runs) {
    if (isChinese(run) && (chineseVariant(run.text) ?? overall) === 'zh-Hant') Object.assign(run, { font: TRADITIONAL_FONT, lang: 'zh-TW' });
  }
  return runs;
}

const isChinese = (run: ScriptRun) => run.lang === 'zh-CN';
export const isTraditional = (run: ScriptRun) => run.lang === 'zh-TW';

/**
 * The fonts shipped with the app (the Noto packages from the registry), in the order a browser
 * tries them. Exports embed these, so a laptop with no Noto installed still prints every script.
 */
export const BUNDLED_FONTS = [
  { pkg: '@fontsource/noto-sans', family: 'Noto Sans' },
  { pkg: '@fontsource/noto-sans-thai', family: 'Noto Sans Thai' },
  { pkg: '@fontsource/noto-sans-myanmar', family: 'Noto Sans Myanmar' },
  { pkg: '@fontsource/noto-sans-khmer', family: 'Noto Sans Khmer' },
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
  // Traditional characters that the Simplified subsets lack.
  { pkg: '@fontsource/noto-sans-tc', family: 'Noto Sans TC' },
] as const;

export type FontWeight = 400 | 700;

/** One unicode-range subset of a bundled font: a woff2 file and the code points it covers. */
export interface FontSubset {
  family: string;
  weight: FontWeight;
  file: string;
  ranges: Array<[number, number]>;
}

function parseRange(part: string): [number, number] {
  const [from, to] = part.trim().replace(/^U\+/i, '').split('-') as [string, string | undefined];
  if (from.includes('?')) return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'F'), 16)];
  const start = parseInt(from, 16);
  return [start, to ? parseInt(to, 16) : start];
}

/** Reads a package's @font-face rules for one weight: family, woff2 file and unicode-range. */
export function parseFontFaces(css: string, dir: string, weight: FontWeight): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const [rule] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const family = /font-family:\s*'([^']+)'/.exec(rule)?.[1];
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!family || !file || !range) continue;
    subsets.push({ family, weight, file: path.join(dir, 'files', file), ranges: range.split(',').map(parseRange) });
  }
  return subsets;
}

const require = createRequire(import.meta.url);
let catalogue: FontSubset[] | null = null;

/** Every subset of the bundled fonts at 400 and 700, in stack order; read once. */
export function bundledSubsets(): FontSubset[] {
  if (catalogue) return catalogue;
  const all: FontSubset[] = [];
  for (const { pkg } of BUNDLED_FONTS) {
    // The package's main entry is its index.css, beside the weight files and files/.
    const dir = path.dirname(require.resolve(pkg));
    for (const weight of [400, 700] as const) all.push(...parseFontFaces(fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8'), dir, weight));
  }
  return (catalogue = all);
}

const covers = (subset: FontSubset, code: number) => subset.ranges.some(([from, to]) => code >= from && code <= to);

/**
 * The subsets a browser would load for this text: for each character, the first family in the
 * stack with a subset covering it, as unicode-range matching does. Nothing else is embedded.
 */
export function subsetsFor(text: string, weight: FontWeight, subsets = bundledSubsets(), preferred?: string): FontSubset[] {
  const chosen = new Set<FontSubset>();
  const ofWeight = subsets.filter((s) => s.weight === weight);
  // A family put early by a :lang() rule (Noto Sans TC for Traditional text) is tried before the rest.
  // Noto Sans stays first, as in that rule's stack, so Latin text never takes the family's Latin subset.
  const rank = (s: FontSubset) => (s.family === LATIN_FONT ? 0 : s.family === preferred ? 1 : 2);
  if (preferred) ofWeight.sort((x, y) => rank(x) - rank(y));
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x21 && code !== 0x20) continue;
    const subset = ofWeight.find((s) => covers(s, code));
    if (subset) chosen.add(subset);
  }
  return [...chosen];
}

/** @font-face rules with the needed subsets as data: URLs, for a file that may load nothing. Traditional text takes Noto Sans TC first. */
export function embeddedFontFaces(text: { regular: string; bold: string; traditional?: string; traditionalBold?: string }): string {
  const faces = new Set([
    ...subsetsFor(text.regular, 400),
    ...subsetsFor(text.bold, 700),
    ...subsetsFor(text.traditional ?? '', 400, undefined, 'Noto Sans TC'),
    ...subsetsFor(text.traditionalBold ?? '', 700, undefined, 'Noto Sans TC'),
  ]);
  return [...faces]
    .map((s) => {
      const data = fs.readFileSync(s.file).toString('base64');
      const range = s.ranges.map(([from, to]) => (from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`)).join(',');
      return `@font-face { font-family: '${s.family}'; font-style: normal; font-weight: ${s.weight}; font-display: block; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${range}; }`;
    })
    .join('\n');
}

/** Text set bold by the export's styles: the title, headings, bold runs and table labels. */
function boldText(doc: ExportDocument): string {
  const parts = [doc.title];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') parts.push(b.text);
    else if (b.kind === 'paragraph') parts.push(...b.parts.filter((p) => p.bold).map((p) => p.text));
    else if (b.kind === 'list') parts.push(...b.items.flat().filter((p) => p.bold).map((p) => p.text));
    else if (b.kind === 'fields') parts.push(...b.rows.map(([label]) => label));
    else if (b.kind === 'table') parts.push(...b.columns);
  }
  return parts.join(' ');
}

/** Text split into what is set in Traditional characters and everything else. */
function byVariant(text: string, fallback: ChineseVariant | null): { traditional: string; other: string } {
  const runs = splitByScript(text, fallback);
  return { traditional: runs.filter(isTraditional).map((r) => r.text).join(''), other: runs.filter((r) => !isTraditional(r)).map((r) => r.text).join('') };
}

/**
 * The font faces an export needs: its whole markup at 400 (tags are Latin, needed anyway), bold
 * text at 700, the text inside lang="zh-Hant" spans from Noto Sans TC.
 */
export function documentFontFaces(doc: ExportDocument, markup: string): string {
  const traditional = [...markup.matchAll(TRADITIONAL_SPAN)].map((m) => m[1]).join('');
  const bold = byVariant(boldText(doc), documentVariant(doc));
  return embeddedFontFaces({ regular: markup.replace(TRADITIONAL_SPAN, ''), bold: bold.other, traditional, traditionalBold: bold.traditional });
}

/** What the HTML renderer wraps Traditional runs in, for :lang(zh-Hant) to pick their font. */
export const TRADITIONAL_SPAN = /<span lang="zh-Hant">([^<]*)<\/span>/g;

/** The variant most of the document's Chinese is written in, for runs of shared characters. */
export function documentVariant(doc: ExportDocument): ChineseVariant | null {
  const parts = [doc.title];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'quote') parts.push(b.text);
    else if (b.kind === 'paragraph') parts.push(...b.parts.map((p) => p.text));
    else if (b.kind === 'list') parts.push(...b.items.flat().map((p) => p.text));
    else if (b.kind === 'fields') parts.push(...b.rows.flat());
    else if (b.kind === 'table') parts.push(...b.columns, ...b.rows.flat());
  }
  return chineseVariant(parts.join(' '));
}
