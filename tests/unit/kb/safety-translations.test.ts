// The Safety page's translations: each file translators write must say what it translates and
// whether it is reviewed, keep the English page's shape section by section (so a passage added to
// the English and missed in a translation fails here), and be flagged once docs/safety.md changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Lexer, type Token } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSafetyTranslation } from '../../../renderer/src/features/kb/safetyTranslation';

const ROOT = path.resolve('resources/kb/translations');
const ENGLISH_FILE = path.resolve('docs/safety.md');
const english = fs.readFileSync(ENGLISH_FILE, 'utf8');
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const translations = fs.existsSync(ROOT)
  ? fs.readdirSync(ROOT).filter((language) => fs.existsSync(path.join(ROOT, language, 'safety.md')))
  : [];

/** One block as the reader sees its shape: a heading's level, a list's kind and item count. */
function blockShape(token: Token): string {
  if (token.type === 'heading') return `h${(token as Token & { depth: number }).depth}`;
  if (token.type === 'list') {
    const list = token as Token & { ordered: boolean; items: unknown[] };
    return `${list.ordered ? 'numbered' : 'bulleted'} list of ${list.items.length}`;
  }
  return token.type;
}

interface Section {
  /** The section's heading as written in its own language ("" before the first heading). */
  heading: string;
  blocks: string[];
  /** Commands, file names and keys in `code`, which every language keeps as the English has them. */
  code: string[];
}

/** The page cut at its headings, each part with the shape of its blocks and its code spans. */
function sections(markdown: string): Section[] {
  const result: Section[] = [];
  let current: Section = { heading: '', blocks: [], code: [] };
  for (const token of new Lexer().lex(markdown)) {
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      if (current.heading || current.blocks.length) result.push(current);
      current = { heading: (token as Token & { text: string }).text, blocks: [], code: [] };
    }
    current.blocks.push(blockShape(token));
    current.code.push(...[...token.raw.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!));
  }
  result.push(current);
  return result;
}

const englishSections = sections(english);

/** Reads a translation file as the Safety page does, against the English given. */
function readTranslation(language: string, englishText: string) {
  const source = fs.readFileSync(path.join(ROOT, language, 'safety.md'), 'utf8');
  return { source, guide: parseSafetyTranslation(language, source, sha256(englishText)) };
}

describe('Safety page translations', () => {
  console.log(`Safety page translated into: ${translations.join(', ') || 'none yet'}`);

  it('the English page has the sections the shape check compares', () => {
    expect(englishSections.filter((section) => section.blocks[0] === 'h2').length).toBeGreaterThanOrEqual(8);
    expect(englishSections.some((section) => section.blocks.some((block) => block.includes('list')))).toBe(true);
  });

  it.each(translations)('%s: says it translates the Safety page, with an explicit reviewed flag and the English it was made from', (language) => {
    const { source, guide } = readTranslation(language, english);
    expect(source).toMatch(/^---\r?\n[\s\S]*?^reviewed: (true|false)$/m);
    expect(source).toMatch(/^---\r?\n[\s\S]*?^sourceSha256: [0-9a-f]{64}$/m);
    expect(guide, `${language}/safety.md has no "translationOf: safety" front matter`).not.toBeNull();
    if (guide!.translation!.outdated) console.warn(`${language}/safety.md: the English original has changed since this was translated.`);
  });

  it.each(translations)('%s: has the English page\'s sections, each with the same blocks, list items and code', (language) => {
    const translated = sections(readTranslation(language, english).guide!.markdown);
    expect(translated.map((section) => section.blocks[0]), `${language}/safety.md: headings differ from docs/safety.md`).toEqual(
      englishSections.map((section) => section.blocks[0]),
    );
    englishSections.forEach((section, index) => {
      const where = `${language}/safety.md, section ${index} ("${translated[index]!.heading}", in English "${section.heading}")`;
      expect(translated[index]!.blocks, `${where}: paragraphs and lists differ from the English`).toEqual(section.blocks);
      expect(translated[index]!.code, `${where}: code spans differ from the English`).toEqual(section.code);
    });
  });

  describe('when the English changes after translating', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safety-english-'));
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    it.each(translations)('%s: is called outdated on the page once a copy of the English gains a word', (language) => {
      const copy = path.join(folder, `${language}.md`);
      fs.copyFileSync(ENGLISH_FILE, copy);
      const unchanged = fs.readFileSync(copy, 'utf8');
      const { source, guide } = readTranslation(language, unchanged);
      const recorded = /^sourceSha256: ([0-9a-f]{64})$/m.exec(source)![1];
      expect(guide!.translation!.outdated).toBe(recorded !== sha256(unchanged));

      // An edit as small as one word, at the start of a list item in the middle of the page.
      const item = unchanged.indexOf('\n- ', unchanged.length / 2) + '\n- '.length;
      fs.writeFileSync(copy, `${unchanged.slice(0, item)}Also ${unchanged.slice(item)}`);
      const edited = fs.readFileSync(copy, 'utf8');
      expect(edited).not.toBe(unchanged);
      expect(readTranslation(language, edited).guide!.translation).toEqual({ language, reviewed: guide!.translation!.reviewed, outdated: true });
    });
  });

  it('marks a translation out of date when the English changed after it was written', () => {
    const source = `---\ntranslationOf: safety\nreviewed: false\nsourceSha256: ${sha256(english)}\n---\n\n# An toàn\n`;
    expect(parseSafetyTranslation('vi', source, sha256(english))?.translation).toEqual({ language: 'vi', reviewed: false, outdated: false });
    expect(parseSafetyTranslation('vi', source, sha256(`${english}\nA new line.`))?.translation).toEqual({ language: 'vi', reviewed: false, outdated: true });
    expect(parseSafetyTranslation('vi', '# No front matter\n', sha256(english))).toBeNull();
  });

  it('catches a translation that misses a list item, a paragraph or a code span the English has', () => {
    const vi = readTranslation('vi', english).guide!.markdown;
    const shapes = (markdown: string) => sections(markdown).map((section) => [section.blocks, section.code]);
    const lines = vi.split('\n');
    const without = (from: number, count: number) => [...lines.slice(0, from), ...lines.slice(from + count)].join('\n');
    // A list item together with the lines it wraps onto.
    const item = lines.findIndex((line) => line.startsWith('- '));
    const itemLength = lines.slice(item + 1).findIndex((line) => !line.startsWith('  ')) + 1;
    // The page's opening paragraph, under its title.
    const paragraph = lines.findIndex((line) => line.startsWith('# ')) + 2;
    const paragraphLength = lines.slice(paragraph).findIndex((line) => line === '') + 1;
    const withoutItem = without(item, itemLength);
    const withoutParagraph = without(paragraph, paragraphLength);
    const withoutCode = vi.replace('`document-<date>`', 'document-<date>');
    for (const broken of [withoutItem, withoutParagraph, withoutCode]) {
      expect(broken).not.toBe(vi);
      expect(shapes(broken)).not.toEqual(shapes(vi));
    }
    expect(shapes(vi)).toEqual(englishSections.map((section) => [section.blocks, section.code]));
  });
});
