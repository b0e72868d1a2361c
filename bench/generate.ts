// Realistic diary data for benchmarks and scale tests: notes of 200–2,000 characters in the mix our
// users write (45% English, 25% Vietnamese, 15% Chinese, 15% Thai) drawn from Zipf-distributed
// vocabularies (so common words match most entries and rare ones a few, as in real notes),
// 25 companies of uneven weight, commitments and follow-ups due around today (with a pile of old
// overdue ones), and tags. Deterministic: the same seed gives the same vault.
import crypto from 'node:crypto';
import type { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { CHANNELS, SECTORS } from '@shared/api/diary';

export type Language = 'en' | 'vi' | 'zh' | 'th';

/** A deterministic generator (mulberry32), so every run builds the same text. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = `the of and to a in that we for on was is with they their platform account content removal policy team
meeting review request government journalist activist takedown appeal transparency report commitment escalation
moderation harassment phishing impersonation safety human rights trust privacy data law enforcement court order
restriction visibility shadow ban page group post video livestream election protest union lawyer defender
community standards oversight board regional lead follow up deadline response letter email call consultation forum
asked agreed refused promised said would could should not yet still again after before during since until
independent media outlet reporter blogger opinion satire parody comment hashtag trending algorithm ranking
notice counter suspension reinstatement verification badge fake coordinated inauthentic behaviour network
surveillance spyware encryption backup device seizure border raid police detention charge sentence prison
minority language ethnic religious women girls children youth migrant worker labour land environment climate
translation context nuance error false positive automated classifier human reviewer queue backlog appeal rate
quarterly meeting annual summary case list evidence screenshot archive link timestamp hash export submission
rapporteur mechanism complaint contact point guidelines principles due diligence impact assessment remedy
coalition partner network statement press release campaign advocacy strategy plan step outcome risk mitigation
staff office director manager officer counsel specialist analyst coordinator researcher volunteer
Vietnam Thailand Myanmar Cambodia Indonesia Malaysia Philippines China Hong Kong Taiwan India Nepal
monday tuesday wednesday thursday friday week month quarter year morning afternoon evening
clear vague partial full formal informal public private confidential urgent routine delayed overdue
increase decrease share compare explain clarify confirm deny acknowledge escalate document publish
takedowns removals restrictions requests reports accounts pages posts videos groups users defenders journalists`
  .split(/\s+/)
  .filter(Boolean);

const VI = `và của là có được không những các một người cho trong với đã sẽ này đó khi tài khoản nội dung gỡ bỏ
hạn chế kiểm duyệt nhà báo quấy rối khiếu nại nền tảng chính phủ yêu cầu bài viết trang tin tức nhân quyền
bảo vệ trực tuyến công ty đại diện cuộc họp cam kết hạn chót trả lời thư điện tử cuộc gọi chính sách minh bạch
báo cáo người dùng bị khóa tạm thời vĩnh viễn kháng nghị xem xét lại nhóm cộng đồng tiêu chuẩn an toàn
quyền riêng tư dữ liệu công an tòa án lệnh bắt giữ biểu tình bầu cử luật sư nhà hoạt động bình luận chia sẻ
video phát trực tiếp thuật toán hiển thị giảm tiếp cận giả mạo lừa đảo tin giả mạng lưới phối hợp thông báo
hôm nay tuần tháng năm sáng chiều tối đã hứa đồng ý từ chối chưa vẫn lại sau trước trong khi cho đến
độc lập truyền thông phóng viên bài báo ảnh chụp màn hình bằng chứng lưu trữ liên kết nộp gửi nhận
khu vực trưởng nhóm chuyên viên giám đốc văn phòng đối tác liên minh tuyên bố chiến dịch kế hoạch rủi ro`
  .split(/\s+/)
  .filter(Boolean);

// Common Han characters of this domain; words are one to three of them, sentences have no spaces.
const ZH_CHARS = [
  ...'的是了在我们他们平台账号帐户内容删除封禁限制审查记者人权捍卫者政府要求帖子申诉透明报告承诺升级会议邮件电话政策公司代表用户数据隐私安全警察法院命令抗议选举律师活动人士评论分享视频直播算法可见性降低虚假网络协调通知今天本周月年上午下午已经同意拒绝还没有之后之前期间独立媒体文章截图证据存档链接提交地区负责人团队办公室伙伴联盟声明计划风险',
];
const ZH_WORDS = (() => {
  const random = seeded(7);
  const words: string[] = [];
  for (let i = 0; i < 600; i++) {
    const length = 1 + Math.floor(random() * 3);
    let word = '';
    for (let j = 0; j < length; j++) word += ZH_CHARS[Math.floor(random() * ZH_CHARS.length)];
    words.push(word);
  }
  return words;
})();

const TH = `และ ของ ที่ ใน เป็น ได้ ไม่ มี การ ให้ กับ ว่า จะ แล้ว นี้ เนื้อหา ถูกลบ บัญชี ระงับ เซ็นเซอร์ คุกคาม
ความเป็นส่วนตัว ผู้ใช้ ละเมิด แพลตฟอร์ม รัฐบาล ขอให้ โพสต์ นักข่าว นักกิจกรรม สิทธิมนุษยชน ปกป้อง ออนไลน์
บริษัท ตัวแทน ประชุม สัญญา กำหนดเวลา ตอบกลับ จดหมาย อีเมล โทรศัพท์ นโยบาย ความโปร่งใส รายงาน ชั่วคราว
ถาวร อุทธรณ์ ทบทวน กลุ่ม ชุมชน มาตรฐาน ความปลอดภัย ข้อมูล ตำรวจ ศาล คำสั่ง ประท้วง เลือกตั้ง ทนายความ
ความคิดเห็น แชร์ วิดีโอ ถ่ายทอดสด อัลกอริทึม การมองเห็น ลดลง ปลอม หลอกลวง ข่าวปลอม เครือข่าย แจ้งเตือน
วันนี้ สัปดาห์ เดือน ปี เช้า บ่าย เย็น สัญญาว่า ตกลง ปฏิเสธ ยังไม่ หลังจาก ก่อน ระหว่าง อิสระ สื่อ บทความ
ภาพหน้าจอ หลักฐาน เก็บถาวร ลิงก์ ส่ง ภูมิภาค หัวหน้า ทีม สำนักงาน พันธมิตร แถลงการณ์ แผน ความเสี่ยง`
  .split(/\s+/)
  .filter(Boolean);

/** Zipf sampling over a vocabulary: the word at rank r is drawn with weight 1/r. */
function zipf(words: readonly string[]): (random: () => number) => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r));
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

const draw: Record<Language, (random: () => number) => string> = { en: zipf(EN), vi: zipf(VI), zh: zipf(ZH_WORDS), th: zipf(TH) };

/** One sentence of about `words` words, spaced or not as the language writes. */
export function sentence(language: Language, random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(draw[language](random));
  if (language === 'zh') return `${parts.join('')}。`;
  if (language === 'th') return parts.join('');
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Text of at least min and at most max characters, in whole sentences where they fit. */
export function paragraph(language: Language, random: () => number, min: number, max: number): string {
  const target = min + Math.floor(random() * (max - min + 1));
  let text = '';
  while (text.length < target) {
    const next = sentence(language, random, 6 + Math.floor(random() * 14));
    text += text ? (language === 'zh' ? next : ` ${next}`) : next;
    if (random() < 0.15 && text.length < target) text += '\n\n';
  }
  return text.slice(0, max).trim();
}

export function pickLanguage(random: () => number): Language {
  const x = random();
  return x < 0.45 ? 'en' : x < 0.7 ? 'vi' : x < 0.85 ? 'zh' : 'th';
}

export const TAGS = [
  'removals', 'account-restriction', 'shadow-ban', 'harassment', 'phishing', 'impersonation', 'election', 'protest', 'journalists',
  'defenders', 'government-request', 'transparency', 'appeals', 'livestream', 'ranking', 'ads', 'privacy', 'data-request',
  'court-order', 'spyware', 'women', 'lgbtiq', 'ethnic-minority', 'religion', 'labour', 'environment', 'misinformation',
  'oecd-ncp', 'un-sr', 'coalition', 'quarterly', 'urgent', 'follow-up', 'escalated', 'vietnam', 'thailand', 'myanmar',
  'cambodia', 'indonesia', 'kiểm-duyệt',
];

const COMPANY_NAMES = [
  'Meta Platforms', 'Alphabet', 'TikTok', 'X Corp', 'Telegram', 'LINE Yahoo', 'Zalo (VNG)', 'Viettel', 'True Corporation',
  'Advanced Info Service', 'Telenor Asia', 'Ooredoo', 'Axiata', 'Grab', 'Microsoft', 'Amazon Web Services', 'Apple',
  'Tencent', 'ByteDance', 'Kuaishou', 'Huawei', 'Alibaba Cloud', 'OpenAI', 'Signal Foundation', 'Shopee',
];

export function companyDrafts(random: () => number): CompanyDraft[] {
  return COMPANY_NAMES.map((name, i) => ({
    name,
    sector: SECTORS[i % SECTORS.length]!,
    hqCountry: ['US', 'SG', 'CN', 'JP', 'VN', 'TH', 'MY', 'ID'][i % 8]!,
    policies: paragraph('en', random, 200, 800),
    contacts: [],
  }));
}

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface EntryPlan {
  /** 0 … count-1, oldest first. */
  index: number;
  count: number;
  /** The day the data is generated around. */
  today: number;
  companyIds: readonly string[];
}

/**
 * One engagement: spread evenly over the five years up to today (so the newest are around today),
 * with commitments due 1–12 weeks after the meeting. Old commitments were mostly settled, but one
 * in three stays open: the long-overdue pile a real diary accumulates.
 */
export function engagementDraft(random: () => number, plan: EntryPlan): EngagementDraft {
  const span = 5 * 365 * DAY;
  const occurred = plan.today - span + Math.floor(((plan.index + random()) / plan.count) * span);
  const language = pickLanguage(random);
  // A few big platforms get most of the work, as in real diaries.
  const company = plan.companyIds[Math.min(plan.companyIds.length - 1, Math.floor(plan.companyIds.length * random() ** 2))]!;
  const commitments = Array.from({ length: Math.floor(random() * 3.2) }, () => {
    const due = occurred + (7 + Math.floor(random() * 80)) * DAY;
    const settled = due < plan.today - 14 * DAY ? random() < 0.67 : random() < 0.1;
    const status = settled ? (['kept', 'partly-kept', 'broken', 'withdrawn'] as const)[Math.floor(random() * 4)]! : ('open' as const);
    return { id: crypto.randomUUID(), text: sentence(language, random, 6 + Math.floor(random() * 8)), owner: '', dueDate: isoDay(due), status, evidence: '' };
  });
  const followUps = Array.from({ length: Math.floor(random() * 2.2) }, () => {
    const due = occurred + (3 + Math.floor(random() * 30)) * DAY;
    return { id: crypto.randomUUID(), text: sentence(language, random, 5 + Math.floor(random() * 6)), owner: '', dueDate: isoDay(due), done: due < plan.today - 7 * DAY ? random() < 0.8 : false };
  });
  const tags = [...new Set(Array.from({ length: Math.floor(random() * 4.5) }, () => TAGS[Math.floor(TAGS.length * random() ** 1.5)]!))];
  return {
    occurredAt: new Date(occurred).toISOString(),
    companyId: company,
    channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
    title: sentence(language, random, 3 + Math.floor(random() * 5)).replace(/[.。]$/, ''),
    participantsOurs: [],
    participantsTheirs: [],
    purpose: sentence(language, random, 8 + Math.floor(random() * 10)),
    concerns: Array.from({ length: 1 + Math.floor(random() * 3) }, () => sentence(language, random, 6 + Math.floor(random() * 10))),
    commitments,
    followUps,
    riskBefore: { level: 'unknown', notes: '' },
    riskAfter: { level: 'unknown', notes: '' },
    safety: [],
    outcome: '',
    tags,
    notes: paragraph(language, random, 200, 2000),
  };
}
