import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbBuildError, readSources } from '../../../electron/core/kb/compile/read-sources';
import { tempDir } from '../../helpers/temp';
import { KB_SOURCES } from './built-kb';

// The toolkit as the organisation supplied it, kept verbatim so this test runs anywhere.
const SEED = path.resolve('tests/fixtures/toolkit-seed.txt');

/** Letters and digits only, lowercased: Markdown syntax, capitals and punctuation do not count. */
const normalise = (text: string): string =>
  text
    .replace(/\]\([^)]*\)/g, ']')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The seed's sentences: lines and table cells, cut after sentence-ending punctuation. */
function seedSentences(seed: string): string[] {
  return seed
    .split(/\n|\t/)
    .flatMap((line) => line.split(/(?<=[.!?:])\s+/))
    .map(normalise)
    .filter((sentence) => sentence.length > 0);
}

describe('the knowledge-base content', () => {
  it('keeps every sentence of the toolkit seed', () => {
    const sources = readSources(KB_SOURCES);
    const corpus = ` ${sources.sections.map((s) => normalise(s.markdown)).join(' ')} `;
    const missing = seedSentences(fs.readFileSync(SEED, 'utf8')).filter((sentence) => !corpus.includes(` ${sentence} `));
    expect(missing).toEqual([]);
  });

  it('validates every section, framework and mechanism and their cross-links', () => {
    const sources = readSources(KB_SOURCES);
    expect(sources.sections.length).toBeGreaterThanOrEqual(9);
    expect(sources.frameworks.length).toBeGreaterThanOrEqual(15);
    expect(sources.mechanisms.length).toBeGreaterThanOrEqual(19);
  });

  it('refuses to build from bad data and says what is wrong, leaving no output behind', () => {
    const bad = tempDir('kb-bad-');
    fs.cpSync(KB_SOURCES, bad, { recursive: true });
    const mechanisms = JSON.parse(fs.readFileSync(path.join(bad, 'mechanisms.json'), 'utf8')) as Array<Record<string, unknown>>;
    mechanisms[0]!.uses = ['lobbying'];
    fs.writeFileSync(path.join(bad, 'mechanisms.json'), JSON.stringify(mechanisms));
    const section = path.join(bad, 'sections', '04-safe-engagement.md');
    fs.writeFileSync(section, fs.readFileSync(section, 'utf8').replace('(mechanism:sea-cpn)', '(mechanism:no-such-thing)'));

    const out = tempDir('kb-out-');
    let error: unknown;
    try {
      compileKb(bad, out);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KbBuildError);
    expect((error as Error).message).toContain('mechanisms.json: 0.uses.0');
    expect(fs.readdirSync(out)).toEqual([]);

    mechanisms[0]!.uses = ['norm-setting'];
    fs.writeFileSync(path.join(bad, 'mechanisms.json'), JSON.stringify(mechanisms));
    expect(() => compileKb(bad, out)).toThrow('04-safe-engagement.md: link to unknown mechanism "no-such-thing".');
  });

  it('rejects a section without front matter', () => {
    const bad = tempDir('kb-bad-');
    fs.cpSync(KB_SOURCES, bad, { recursive: true });
    fs.writeFileSync(path.join(bad, 'sections', '99-stray.md'), '# Stray\n\nNo front matter.\n');
    expect(() => readSources(bad)).toThrow('99-stray.md: the file must start with front matter');
  });
});
