// Fonts for every script the workbench's users write in. Noto first (installed with the app's
// Debian dependencies and common on Linux), then each platform's own font for the script, so
// Chinese, Thai, Burmese, Khmer and Vietnamese render as glyphs, never as boxes.

/** CSS font stack for body text, Latin (with Vietnamese) first. */
export const CSS_FONT_STACK = [
  "'Noto Sans'",
  "'Noto Sans CJK SC'",
  "'Noto Sans Thai'",
  "'Noto Sans Myanmar'",
  "'Noto Sans Khmer'",
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

export const CSS_MONO_STACK = "'Noto Sans Mono', 'DejaVu Sans Mono', Consolas, Menlo, monospace";

export const LATIN_FONT = 'Noto Sans';
export const EAST_ASIAN_FONT = 'Noto Sans CJK SC';
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

export function splitByScript(value: string): ScriptRun[] {
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
  return runs;
}
