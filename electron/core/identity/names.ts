// Likely personal names nobody registered. These are guesses, and every one is shown to the user to
// confirm; they aim to catch most names in Latin scripts (runs of two to four capitalised words,
// Vietnamese family names, honorifics such as chị, Pak, Ibu, Khun, U, Daw) and the common patterns of
// Thai (คุณ, นาย, นาง + name), Burmese (ဦး, ဒေါ်, ကို, မ + name syllables) and Chinese (a surname and
// one or two characters next to a cue such as 先生, 记者 or 说), while leaving organisations, places,
// mechanisms and sentence openings alone.
import { foldedText } from './fold';
import { STOP_PHRASES, STOP_WORDS, VIETNAMESE_BODY_WORDS } from './stop-words';

export interface NameSpan {
  start: number;
  end: number;
}

// --- Latin scripts -------------------------------------------------------------------------------

/** Common Vietnamese family names, folded; they start a name even at the start of a sentence. */
export const VIETNAMESE_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong mai luu lam cao doan ha ta to
  la quach luong trieu chu kieu thai tang vuong lai lu diep`.split(/\s+/),
);
/** Honorifics before a name; the name is what follows (in Vietnamese, Indonesian, Malay, Thai and Burmese usage). */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set(
  `anh chị em cô chú bác ông bà thầy dì cậu pak bu ibu bapak mas mbak kak bang abang mr mrs ms dr prof khun u daw ko saw nang sai
  haji hajjah datuk dato encik cik puan tuan`.split(/\s+/),
);
/** Vietnamese honorifics are often written in lower case before the name: "chị Mai", "anh Tuấn". */
const LOWER_HONORIFICS = new Set('anh chị em cô chú bác ông bà thầy dì cậu pak bu ibu mas mbak kak'.split(' '));
/** Small words inside names: Ahmad bin Ismail, Siti binti Abu, van der Berg. */
const CONNECTORS = new Set('bin binti bt van der de da di del von ibn al'.split(' '));
const MAX_NAME_WORDS = 4;
/** Vietnamese letters a plain English or Indonesian word never has. */
const VIETNAMESE_MARKS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;

interface Word {
  start: number;
  end: number;
  text: string;
  folded: string;
  capitalised: boolean;
  acronym: boolean;
  /** Only spaces (no punctuation, no line break) between this word and the previous one. */
  joined: boolean;
}

// A word starts with a Latin letter; Thai and Burmese vowel signs are marks too, and start nothing.
const WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*/gu;

function latinWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(WORD)) {
    // "Minh's" is Minh; a trailing apostrophe or hyphen is punctuation.
    const raw = m[0].replace(/['’]s$/u, '').replace(/['’-]+$/u, '');
    const start = m.index;
    const gap = previousEnd === -1 ? null : text.slice(previousEnd, start);
    const letters = raw.replace(/[^\p{L}]/gu, '');
    words.push({
      start,
      end: start + raw.length,
      text: raw,
      folded: foldedText(raw).replace(/-(?:nya|ku|mu)$/u, ''),
      capitalised: /^\p{Lu}/u.test(raw),
      acronym: letters.length >= 2 && letters === letters.toUpperCase(),
      joined: gap !== null && /^[ \u00a0]{1,2}$/.test(gap),
    });
    previousEnd = start + raw.length;
  }
  return words;
}

/** The listed places and bodies by their first word, each as its words. */
const PHRASES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of STOP_PHRASES) {
  const parts = phrase.split(' ');
  PHRASES_BY_FIRST_WORD.set(parts[0]!, [...(PHRASES_BY_FIRST_WORD.get(parts[0]!) ?? []), parts]);
}

/** Word indexes that belong to a listed place or body ("Hà Nội", "Phnom Penh"). */
function inStopPhrases(words: readonly Word[]): Set<number> {
  const marked = new Set<number>();
  words.forEach((word, i) => {
    for (const parts of PHRASES_BY_FIRST_WORD.get(word.folded) ?? []) {
      if (parts.every((part, k) => words[i + k]?.folded === part && (k === 0 || words[i + k]!.joined))) {
        for (let k = 0; k < parts.length; k++) marked.add(i + k);
      }
    }
  });
  return marked;
}

/** A syllable that can follow a Vietnamese family name: short, and Vietnamese-looking or not an ordinary word. */
const vietnameseSyllable = (word: Word) =>
  word.capitalised && !word.acronym && word.folded.length <= 7 && (VIETNAMESE_MARKS.test(word.text) || !STOP_WORDS.has(word.folded));

/** Words of speaking around a single name: "Suharti said", "said Budi", "kata Andi", "Lan cho biết". */
const SAID_BEFORE = new Set('said says told asked kata ujar ungkap menurut tanya ucap tutur theo'.split(' '));
const SAID_AFTER = new Set('said says told asked explained recalled added wrote posted noted mengatakan menambahkan menjelaskan noi ke hoi viet'.split(' '));

/** Whether the single capitalised word at i stands where a speaker's name stands. */
function speaks(words: readonly Word[], i: number): boolean {
  const before = words[i - 1];
  const after = words[i + 1];
  const joinedBefore = words[i]!.joined && before !== undefined;
  if (joinedBefore && SAID_BEFORE.has(before.folded) && !before.capitalised) return true;
  if (joinedBefore && before.folded === 'to' && words[i - 2]?.folded === 'according') return true;
  if (after?.joined && SAID_AFTER.has(after.folded) && !after.capitalised) return true;
  return Boolean(after?.joined && after.folded === 'cho' && words[i + 2]?.folded === 'biet');
}

/** Vietnamese middle names, which mark a run of capitals as a name even without accents ("LE VAN A"). */
const VIETNAMESE_MIDDLE_NAMES = new Set('van thi duc huu dinh quoc thanh ngoc xuan cong minh kim bao hong thu'.split(' '));
/** A word in capitals that can be a syllable of a Vietnamese name written in capitals (as courts do). */
const capitalSyllable = (word: Word) => (word.acronym || /^\p{Lu}$/u.test(word.text)) && word.folded.length <= 7;

export function latinNames(text: string): NameSpan[] {
  const words = latinWords(text);
  const placeWords = inStopPhrases(words);
  const spans: NameSpan[] = [];
  const ordinary = (i: number) => {
    const word = words[i]!;
    const lower = word.text.toLowerCase();
    return word.capitalised && !word.acronym && !placeWords.has(i) && !STOP_WORDS.has(word.folded) && !HONORIFIC_WORDS.has(lower) && !VIETNAMESE_BODY_WORDS.has(lower);
  };
  const push = (from: number, to: number) => spans.push({ start: words[from]!.start, end: words[to]!.end });

  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const lower = word.text.toLowerCase();
    const next = words[i + 1];
    // An honorific and the name after it: "chị Mai", "Pak Budi Santoso", "Khun Somchai".
    if (HONORIFIC_WORDS.has(lower) && (word.capitalised || LOWER_HONORIFICS.has(lower)) && next?.joined && next.capitalised && !next.acronym && !placeWords.has(i + 1)) {
      let end = i + 1;
      while (end + 1 < words.length && end - i < 3 && words[end + 1]!.joined && vietnameseSyllable(words[end + 1]!) && !placeWords.has(end + 1)) end++;
      if (!STOP_WORDS.has(next.folded) || VIETNAMESE_MARKS.test(next.text) || end > i + 1) {
        push(i + 1, end);
        i = end + 1;
        continue;
      }
    }
    // A Vietnamese family name and one to three syllables: "Nguyễn Văn Minh", even at a sentence start.
    if (VIETNAMESE_FAMILY_NAMES.has(word.folded) && word.capitalised && !word.acronym && !placeWords.has(i) && next?.joined && vietnameseSyllable(next) && !placeWords.has(i + 1)) {
      let end = i + 1;
      while (end + 1 < words.length && end - i < 3 && words[end + 1]!.joined && vietnameseSyllable(words[end + 1]!) && !placeWords.has(end + 1)) end++;
      push(i, end);
      i = end + 1;
      continue;
    }
    // The same in capitals, as in court documents: "bị cáo NGUYỄN VĂN A", "LE VAN TAM".
    if (VIETNAMESE_FAMILY_NAMES.has(word.folded) && word.acronym && !placeWords.has(i) && next?.joined && capitalSyllable(next)) {
      let end = i + 1;
      while (end + 1 < words.length && end - i < 3 && words[end + 1]!.joined && capitalSyllable(words[end + 1]!)) end++;
      const run = words.slice(i, end + 1);
      if (run.some((w) => VIETNAMESE_MARKS.test(w.text)) || VIETNAMESE_MIDDLE_NAMES.has(next.folded)) {
        push(i, end);
        i = end + 1;
        continue;
      }
    }
    // Two to four capitalised words that are not ordinary capitalised words, with connectors inside.
    if (ordinary(i)) {
      let end = i;
      for (;;) {
        const after = words[end + 1];
        if (after?.joined && ordinary(end + 1)) end++;
        else if (after?.joined && CONNECTORS.has(after.text) && words[end + 2]?.joined && ordinary(end + 2)) end += 2;
        else break;
      }
      const count = end - i + 1;
      // "Activist A", "Outlet B": a word and a letter is how pseudonyms are written, not a name.
      const pseudonymLike = count === 2 && words[end]!.text.length === 1;
      if (count >= 2 && count <= MAX_NAME_WORDS && !pseudonymLike) push(i, end);
      else if (count === 1 && word.text.length >= 3 && speaks(words, i)) push(i, i);
      i = end + 1;
      continue;
    }
    i++;
  }
  return spans;
}

// --- Thai --------------------------------------------------------------------------------------

// Titles and the occupations written straight before a name (lawyer, journalist, activist,
// lecturer); นาย inside ทนาย (lawyer) is not a title of its own.
const THAI_TITLE = /(?:นางสาว|น\.ส\.|ด\.ช\.|ด\.ญ\.|คุณ|(?<!ท)นาย|นาง|ทนายความ|นักข่าว|ผู้สื่อข่าว|นักกิจกรรม|นักศึกษา|อาจารย์)([\u0E01-\u0E2E\u0E30-\u0E4E]{2,30})/gu;
/** Words that start with a title but are ordinary words: quality, value, employer, prime minister… */
const THAI_NOT_NAMES = /^(?:ภาพ|ค่า|สมบัติ|ธรรม|ประโยชน์|ลักษณะ|ูปการ|วุฒิ|หมอ|ครู|ก(?:รัฐ|ฯ|เทศ|สมาคม|\s|$)|จ้าง|ทุน|หน้า|อำเภอ|พล|ทหาร|ตำรวจ|ด่าน|งาม|พยาบาล|แบบ|ฟ้า|ร้าย|เอก|ความ|เพื่อ|ได้|ถูก|ที่|และ|ซึ่ง|จาก|กับ|ว่า|ของ|โดย|คือ|ให้|ต้อง|จะ|ก็)/u;
/** Words that follow a name in a Thai sentence: the name ends where one begins. */
const THAI_AFTER_NAME = /(?:กล่าว|บอก|เล่า|ได้|ถูก|เป็น|และ|ซึ่ง|ที่|จาก|ใน|กับ|ว่า|เคย|ก็|จึง|ไม่|ยัง|ให้|ต้อง|โพสต์|เขียน|ระบุ|เผย|ชี้|อายุ|ผู้|แจ้ง|ทนาย|นักข่าว|นักกิจกรรม|หลัง|ขณะ|เมื่อ|มา|ไป|ถึง|ของ|โดย|คือ|อยู่|ร่วม|ทาง|เธอ|เขา|พบ|ยื่น|ขอ|จะ|นั้น|นี้|แล้ว|ด้วย|เอง|ทั้ง|หรือ|แต่|ส่ง|รับ|โทร|ติดต่อ|อีเมล|ไลน์|เพื่อ)/u;

export function thaiNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const m of text.matchAll(THAI_TITLE)) {
    let name = m[1]!;
    if (THAI_NOT_NAMES.test(name)) continue;
    const cut = name.slice(1).search(THAI_AFTER_NAME);
    if (cut !== -1) name = name.slice(0, cut + 1);
    if ([...name].length < 2) continue;
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ start, end: start + name.length });
  }
  return spans;
}

// --- Burmese -----------------------------------------------------------------------------------

/** The commonest syllables of Burmese personal names (Aung, Kyaw, Myint, Win, Su, Hla, Khin…). */
const BURMESE_SYLLABLES = [
  'အောင်', 'ကျော်', 'မြင့်', 'ဝင်း', 'သန့်', 'စိုး', 'ထွန်း', 'ဇော်', 'မင်း', 'နိုင်', 'လှ', 'ခင်', 'စု', 'နွယ်', 'ဖြူ', 'မြ', 'ချို', 'ဆွေ',
  'သိန်း', 'ညီ', 'ဌေး', 'ကြည်', 'မာ', 'သီ', 'ဟန်', 'ထက်', 'ပိုင်', 'ဖြိုး', 'ဝေ', 'ရီ', 'နု', 'တင်', 'သက်', 'ယု', 'ဇင်', 'မိုး', 'ချစ်',
  'သူ', 'ဆန်း', 'လွင်', 'ရှိန်', 'ခိုင်', 'နီ', 'ပြည့်', 'လင်း', 'ထူး', 'ရဲ', 'ကောင်း', 'ဘ', 'သော်', 'ဇာ', 'စန္ဒာ', 'နန္ဒာ', 'သဇင်', 'ပြုံး',
  'ဦး', 'မောင်', 'ကို', 'ငြိမ်း', 'သွင်', 'ဖေ', 'မြတ်', 'နေ', 'ဇေယျာ', 'ထိုက်', 'ပန်း', 'ရွှေ', 'အေး', 'သင်း', 'လေး', 'တာ',
].sort((a, b) => b.length - a.length);
const SYLLABLE = `(?:${BURMESE_SYLLABLES.join('|')})`;
// The name must end where a syllable ends: not before a vowel sign, medial or tone mark, nor before
// a consonant that closes the syllable (ဖေ is not a name in ဖော်).
const BURMESE_TITLE = new RegExp(`(?<=^|[\\s၊။"“'‘(:])(?:ဦး|ဒေါ်|ကို|မောင်|စော|နန်း|မ)\\s?(${SYLLABLE}(?:\\s?${SYLLABLE}){0,3})(?![\\u102B-\\u103E]|[\\u1000-\\u1021][\\u1039\\u103A])`, 'gu');
/** မ before a verb is "not", closed by ဘူး: "မလှဘူး" is "not pretty", not Ma Hla. */
const BURMESE_NEGATION = /^\s?(?:ပါ)?ဘူး/u;
/** Place names that open like a title and a name syllable: မလေးရှား is Malaysia, not Ma Lay. */
const BURMESE_PLACES = /^(?:မလေးရှား)/u;

export function burmeseNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const m of text.matchAll(BURMESE_TITLE)) {
    const name = m[1]!;
    const end = m.index + m[0].length;
    if (BURMESE_NEGATION.test(text.slice(end, end + 6)) || BURMESE_PLACES.test(text.slice(m.index))) continue;
    spans.push({ start: end - name.length, end });
  }
  return spans;
}

// --- Chinese -----------------------------------------------------------------------------------

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '張劉陳楊黃趙吳許韓馮鄧葉蘇呂盧鍾譚陸鄒龔錢嚴湯羅鄭謝蔣賈閆薛';
/** Characters that end a name: they begin the rest of the sentence (的, 是, 在, 说…). */
const NOT_IN_NAME = '的是在了和与被说也都就将对从把向等称于为及而并曾已因但不没很还又这那告表透指回介接称们';
const BEFORE_NAME = '(?:记者|律师|博主|网民|用户|活动人士|维权人士|异见人士|编辑|作者|主播|学生|工人|村民|母亲|父亲|妻子|丈夫|女儿|儿子|朋友|同事|当事人|原告|被告|受访者|员工|教授|医生|牧师|記者|律師|維權人士|異見人士|編輯|網民|用戶)';
const AFTER_NAME = '(?:先生|女士|小姐|记者|律师|教授|博士|老师|说|表示|告诉|称|透露|指出|回忆|介绍|接受|的账号|的帐号|的微博|被捕|被拘|被警方|說|表示|告訴|稱|記者|律師|老師|：|:)';
const NAME = `[${SURNAMES}][^\\P{Script=Han}${NOT_IN_NAME}]{1,2}`;
const CHINESE_AFTER = new RegExp(`${NAME}(?=${AFTER_NAME})`, 'gu');
const CHINESE_BEFORE = new RegExp(`(?<=${BEFORE_NAME})${NAME}`, 'gu');

export function chineseNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const m of text.matchAll(CHINESE_AFTER)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(CHINESE_BEFORE)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Every likely name in the text, in any of the scripts above. */
export function likelyNames(text: string): NameSpan[] {
  return [...latinNames(text), ...thaiNames(text), ...burmeseNames(text), ...chineseNames(text)];
}
