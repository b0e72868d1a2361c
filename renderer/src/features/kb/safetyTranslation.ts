// The Safety page's translations: resources/kb/translations/<language>/safety.md, written by
// translators like the toolkit sections (front matter translationOf, reviewed, sourceSha256 of
// docs/safety.md). Only the language on screen is fetched; English ships in the page itself.
import { useEffect, useState } from 'react';
import type { TranslationInfo } from '@shared/api/kb';

const files = import.meta.glob<string>('../../../../resources/kb/translations/*/safety.md', { query: '?raw', import: 'default' });
const FILE = /\/translations\/([^/]+)\/safety\.md$/;
const loaders = new Map(Object.entries(files).map(([file, load]) => [FILE.exec(file)?.[1] ?? '', load]));

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

export interface SafetyGuide {
  markdown: string;
  translation: TranslationInfo | null;
}

/** Splits a translation file into its flags and its Markdown; null when it is not one. */
export function parseSafetyTranslation(language: string, source: string, englishSha256: string): SafetyGuide | null {
  const match = FRONT_MATTER.exec(source);
  if (!match) return null;
  const fields = new Map(match[1]!.split(/\r?\n/).map((line) => line.split(/:\s*/, 2) as [string, string]));
  if (fields.get('translationOf') !== 'safety') return null;
  return {
    markdown: source.slice(match[0].length),
    translation: { language, reviewed: fields.get('reviewed') === 'true', outdated: fields.get('sourceSha256') !== englishSha256 },
  };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The Safety text in the language asked for when translated, else the English given. */
export function useSafetyGuide(english: string, language: string): SafetyGuide {
  const [guide, setGuide] = useState<SafetyGuide>({ markdown: english, translation: null });
  useEffect(() => {
    const load = loaders.get(language);
    let current = true;
    if (!load) {
      setGuide({ markdown: english, translation: null });
      return;
    }
    void Promise.all([load(), sha256(english)]).then(([source, hash]) => {
      if (current) setGuide(parseSafetyTranslation(language, source, hash) ?? { markdown: english, translation: null });
    });
    return () => {
      current = false;
    };
  }, [english, language]);
  return guide;
}
