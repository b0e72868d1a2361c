// A sentence core wrote for the user (not an error), in the language they chose: core sends the
// English with a namespace-qualified catalogue key and its params; the English stands in wherever
// a catalogue lacks the key.
import type { Sentence } from '@shared/api/sentence';
import i18next from 'i18next';

export function sentenceText(sentence: Sentence): string {
  if (!sentence.key || !i18next.isInitialized) return sentence.message;
  const params = sentence.params ?? {};
  return i18next.exists(sentence.key, params) ? i18next.t(sentence.key, params) : sentence.message;
}
