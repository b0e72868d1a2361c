// Words of each translation that say how a question is asked rather than what it is about, and
// the question word "who". English has lunr's stop-word list and the "who" entry of SYNONYMS;
// without lists of their own, "ถ้า … ต้องทำอย่างไร" (if … what must be done) or "តើគួរ … នៅ"
// (should … at) weighed as much as the words of the subject, and ranked passages full of "must"
// and "how" above the principle the question was about. Words are written as people type them and
// cut by the same segmenter as the index, so each entry is exactly an index term.
import { searchTokens } from '@shared/search/normalise';

/** Per language: function words, separated by spaces. Words that also carry meaning once folded ("co" is có and cơ) are left out. */
const STOP_WORDS: Readonly<Record<string, string>> = {
  vi: 'và của các những là ở này đó một cho với được nào gì nếu',
  id: 'yang dan di ke dari untuk dengan ini itu apa bagaimana jika kalau akan harus ada atau pada oleh dalam saja',
  th: 'ที่ ของ และ ใน การ ความ ถ้า หาก ต้อง ทำ อย่างไร ควร ได้ ให้ ไม่ จะ กับ เป็น มี ว่า แล้ว หรือ อะไร ยังไง',
  km: 'តើ គួរ នៅ និង របស់ ដែល ក្នុង ជា មាន ត្រូវ ធ្វើ អ្វី ធ្វើអ្វី បើ ប្រសិនបើ ពី ទៅ បាន មិន',
  my: 'ကို နှင့် ၏ တွင် မှာ သည် များ ရ မည် နည်း ဘာ လုပ် ပါ ခြင်း လျှင် သည့်',
  'zh-Hans': '的 了 和 与 在 是 怎么办 怎么 如何 什么 哪个 应该 吗 呢',
  'zh-Hant': '的 了 和 與 在 是 怎麼辦 怎麼 如何 什麼 哪個 應該 嗎 呢',
};

/**
 * "Who" asks for people: it looks for the words the translation uses for people and teams, as
 * English "who" does (query-plan.ts). Vietnamese "ai" is left out: folded, it is also "AI".
 */
const WHO: Readonly<Record<string, readonly [string, string]>> = {
  id: ['siapa', 'orang tim staf'],
  th: ['ใคร', 'คน ทีม เจ้าหน้าที่'],
  km: ['នរណា', 'មនុស្ស ក្រុម បុគ្គលិក'],
  'zh-Hans': ['谁', '人 团队'],
  'zh-Hant': ['誰', '人 團隊'],
};

const stopCache = new Map<string, ReadonlySet<string>>();
/** The folded function words of a language (none for English, whose list lunr applies). */
export function stopWordsOf(language: string): ReadonlySet<string> {
  let words = stopCache.get(language);
  if (!words) {
    words = new Set(searchTokens(STOP_WORDS[language] ?? ''));
    stopCache.set(language, words);
  }
  return words;
}

/** The folded words a language's question word stands for, or undefined when the word is not one. */
export function questionWordOf(language: string, word: string): readonly string[] | undefined {
  const entry = WHO[language];
  if (!entry || searchTokens(entry[0])[0] !== word) return undefined;
  return searchTokens(entry[1]);
}
