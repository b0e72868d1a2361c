// The Safety page's translations: each file translators write must say what it translates and
// whether it is reviewed, keep the English headings, and be flagged once docs/safety.md changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseSafetyTranslation } from '../../../renderer/src/features/kb/safetyTranslation';

const ROOT = path.resolve('resources/kb/translations');
const english = fs.readFileSync('docs/safety.md', 'utf8');
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const headingDepths = (markdown: string) =>
  new Lexer()
    .lex(markdown)
    .filter((token) => token.type === 'heading')
    .map((token) => (token as { depth: number }).depth);
const translations = fs.existsSync(ROOT)
  ? fs.readdirSync(ROOT).filter((language) => fs.existsSync(path.join(ROOT, language, 'safety.md')))
  : [];

describe('Safety page translations', () => {
  console.log(`Safety page translated into: ${translations.join(', ') || 'none yet'}`);
  it.each(translations)('%s: says it translates the Safety page, with an explicit reviewed flag and the English headings', (language) => {
    const source = fs.readFileSync(path.join(ROOT, language, 'safety.md'), 'utf8');
    expect(source).toMatch(/^---\r?\n[\s\S]*?^reviewed: (true|false)$/m);
    const guide = parseSafetyTranslation(language, source, sha256(english));
    expect(guide, `${language}/safety.md has no "translationOf: safety" front matter`).not.toBeNull();
    expect(headingDepths(guide!.markdown)).toEqual(headingDepths(english));
    if (guide!.translation!.outdated) console.warn(`${language}/safety.md: the English original has changed since this was translated.`);
  });

  it('marks a translation out of date when the English changed after it was written', () => {
    const source = `---\ntranslationOf: safety\nreviewed: false\nsourceSha256: ${sha256(english)}\n---\n\n# An toàn\n`;
    expect(parseSafetyTranslation('vi', source, sha256(english))?.translation).toEqual({ language: 'vi', reviewed: false, outdated: false });
    expect(parseSafetyTranslation('vi', source, sha256(`${english}\nA new line.`))?.translation).toEqual({ language: 'vi', reviewed: false, outdated: true });
    expect(parseSafetyTranslation('vi', '# No front matter\n', sha256(english))).toBeNull();
  });
});
