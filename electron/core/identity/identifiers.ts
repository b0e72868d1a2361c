// E-mail addresses, phone numbers, @handles and profile links: found anywhere in a text, and
// reduced to one comparable form so a registered identifier is recognised however it is written
// (+84 912 345 678 = 0912-345-678; HTTPS://www.Facebook.com/minh/ = facebook.com/minh).

export interface Found {
  start: number;
  end: number;
  text: string;
}

function* matches(pattern: RegExp, text: string): Generator<Found> {
  for (const m of text.matchAll(pattern)) yield { start: m.index, end: m.index + m[0].length, text: m[0] };
}

// --- E-mail ------------------------------------------------------------------------------------

const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

/**
 * Addresses found from each @ outwards: the part before it, then the domain. A pattern run over
 * the whole text would try every letter of long unspaced Thai or Chinese runs as a start.
 */
export function emailsIn(text: string): Found[] {
  const found: Found[] = [];
  let end = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > end && LOCAL_PART_CHAR.test(text[start - 1]!)) start--;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    end = at + 1 + domain[0].length;
    found.push({ start, end, text: text.slice(start, end) });
  }
  return found;
}
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

// --- Handles -----------------------------------------------------------------------------------

// Not after a Latin letter, digit or dot: that would be an e-mail address or a path. Han, Thai or
// Burmese text may run straight into a handle.
const HANDLE = /(?<![\p{Script=Latin}\p{N}_.@/])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,48}[\p{L}\p{N}_])?/gu;

export const handlesIn = (text: string): Found[] => [...matches(HANDLE, text)].filter((h) => h.text.length >= 3);
export const normaliseHandle = (handle: string): string => handle.trim().replace(/^@/, '').toLowerCase();

// --- Profile links -------------------------------------------------------------------------------

/** Hosts where a path names a person or their account. */
const PROFILE_HOSTS = new Set([
  'facebook.com', 'fb.com', 'x.com', 'twitter.com', 't.me', 'telegram.me', 'tiktok.com', 'youtube.com', 'zalo.me', 'line.me',
  'instagram.com', 'threads.net', 'linkedin.com', 'bsky.app', 'vk.com', 'weibo.com', 'douyin.com', 'medium.com', 'substack.com',
  'github.com', 'reddit.com', 'pinterest.com', 'ok.ru', 'mastodon.social', 'liff.line.me',
]);
const TLD = '(?:com|org|net|me|app|social|ru|io|vn|id|th|mm|my|sg|ph|kh|la|cn|hk|tw|jp|kr|info|co|gov|edu|ngo|int)';
// With a scheme, any address; without one, a www. prefix or a known host, and then a path.
const URL_PATTERN = new RegExp(
  String.raw`(?<![\p{Script=Latin}\p{N}@.\/-])(?:(?:https?:\/\/)[^\s<>"'()\[\]{}，。、；（）「」\p{Script=Han}\p{Script=Thai}\p{Script=Myanmar}]+|(?:www\.|m\.)?(?:[a-z0-9-]+\.)+${TLD}\/[^\s<>"'()\[\]{}，。、；（）「」\p{Script=Han}\p{Script=Thai}\p{Script=Myanmar}]*)`,
  'giu',
);
const TRAILING = /[.,;:!?'"’”)\]}»…]+$/u;

export function urlsIn(text: string): Found[] {
  return [...matches(URL_PATTERN, text)].flatMap((found) => {
    const trimmed = found.text.replace(TRAILING, '');
    if (!trimmed.includes('.')) return [];
    return [{ start: found.start, end: found.start + trimmed.length, text: trimmed }];
  });
}

/** Scheme, www./m. and trailing slashes dropped; host in lower case; paths of profile hosts too (user names ignore case). */
export function normaliseUrl(url: string): string {
  const bare = url.trim().replace(TRAILING, '').replace(/^[a-z]+:\/\//i, '').replace(/#.*$/, '');
  const slash = bare.search(/[/?]/);
  const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = (slash === -1 ? '' : bare.slice(slash)).replace(/\/+$/, '');
  return host + (PROFILE_HOSTS.has(host) ? path.toLowerCase() : path);
}

/** A link to a person's account on a social platform, not a news article or an organisation's site. */
export function isProfileUrl(url: string): boolean {
  const normal = normaliseUrl(url);
  const slash = normal.indexOf('/');
  if (slash === -1) return false;
  const host = normal.slice(0, slash);
  if (!PROFILE_HOSTS.has(host)) return false;
  const path = normal.slice(slash + 1);
  return path.length > 0 && !/^(?:help|policies|legal|privacy|about|terms|watch\?|hashtag|search|explore|home)\b/.test(path);
}

// --- Phone numbers -----------------------------------------------------------------------------

// A run of digits with the separators people type. It may start with +, 00 or a bracket, and touch
// Han, Thai or Burmese letters (those scripts put no space before a number), but no Latin letter.
const DIGIT_RUN = /(?<![\p{Script=Latin}\p{N}_/#.,:-])(?:\+\s?|\(\+?)?\d[\d \u00a0().\-–]{5,24}\d(?![\p{Script=Latin}\p{N}_/]|[.,]\d)/gu;
const SEPARATORS = /[\s().\-–]/g;
/** Words just before a number that make it money, a case, a law or a reference, not a phone. */
const NOT_A_PHONE_BEFORE = /(?<!\p{L})(?:rp|idr|vnd|usd|us\$|\$|€|£|¥|₫|฿|ks|mmk|thb|cny|rmb|no|nr|case|vụ|ref|decree|law|nghị định|luật|pasal|uu|id|#|isbn|doi|account|tài khoản|rekening)\.?\s*:?\s*$/iu;
const NOT_A_PHONE_AFTER = /^\s*(?:đồng|dong|triệu|trieu|tỷ|ty|nghìn|juta|ribu|miliar|baht|บาท|kyat|ကျပ်|元|万|亿|dollars?|usd|vnd|rupiah|ringgit|people|users|accounts|posts|views|followers|km|kg|%)/iu;

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Day-month-year and year-month-day shapes, whatever the separator: 05.12.2024, 2024-05-12. */
function looksLikeDate(value: string): boolean {
  const groups = value.split(/[\s./\-–]+/).filter(Boolean);
  if (groups.length !== 3) return false;
  const lengths = groups.map((g) => g.length).join(',');
  return ['2,2,4', '1,2,4', '2,1,4', '1,1,4', '4,2,2', '4,1,1', '4,1,2', '4,2,1', '2,2,2'].includes(lengths);
}

/** Any run of digits long enough to be a phone number: for comparing with registered numbers. */
export function digitRunsIn(text: string): Found[] {
  return [...matches(DIGIT_RUN, text)]
    .map((run) => (run.text.startsWith('(') && !run.text.includes(')') ? { start: run.start + 1, end: run.end, text: run.text.slice(1) } : run))
    .filter((run) => digitsOf(run.text).length >= 7);
}

/** Runs that really look like a phone number, international or local; not dates, money, years or case numbers. */
export function phonesIn(text: string): Found[] {
  return digitRunsIn(text).filter((run) => {
    const raw = run.text.replace(/[\s()]+$/, '');
    const compact = raw.replace(SEPARATORS, '');
    const digits = digitsOf(compact);
    if (looksLikeDate(raw)) return false;
    if (NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, run.start - 14), run.start))) return false;
    if (NOT_A_PHONE_AFTER.test(text.slice(run.end, run.end + 12))) return false;
    // Thousands written with dots or commas (5.000.000) are money.
    if (/^\d{1,3}(?:[.,]\d{3}){2,}$/.test(raw.trim())) return false;
    if (compact.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
    if (compact.startsWith('00')) return digits.length >= 10 && digits.length <= 15;
    if (compact.startsWith('0')) return digits.length >= 9 && digits.length <= 12;
    // Mainland China mobiles are written without a trunk prefix: 138 0013 8000.
    return /^1[3-9]\d{9}$/.test(digits);
  });
}

interface PhoneNumber {
  /** All digits after + or 00, when written with a country code. */
  international: string | null;
  /** The number without a trunk 0, when written the local way (0912… → 912…). */
  national: string | null;
}

function parsePhone(value: string): PhoneNumber {
  const compact = value.trim().replace(SEPARATORS, '');
  const digits = digitsOf(compact);
  if (compact.startsWith('+')) return { international: digits, national: null };
  if (compact.startsWith('00')) return { international: digits.slice(2), national: null };
  return { international: null, national: digits.startsWith('0') ? digits.slice(1) : digits };
}

/** The number in one form for keys: +digits with a country code, else the digits as written. */
export function phoneKey(value: string): string {
  const { international, national } = parsePhone(value);
  return international !== null ? `+${international}` : `0${national}`;
}

/**
 * The same number, written either way: +84 912 345 678 = 0912 345 678 = 912345678. A local number
 * matches an international one when it is the international one without its country code (one to
 * three digits); two international numbers, or two local ones, must have the same digits.
 */
export function samePhone(a: string, b: string): boolean {
  const x = parsePhone(a);
  const y = parsePhone(b);
  if (x.international !== null && y.international !== null) return x.international === y.international;
  if (x.national !== null && y.national !== null) return x.national === y.national;
  const [international, national] = x.international !== null ? [x.international, y.national!] : [y.international!, x.national!];
  return national.length >= 7 && [1, 2, 3].some((n) => international.slice(n) === national);
}
