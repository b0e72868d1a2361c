import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';

// Each note is saved as a diary entry; each query must find it (and only its own note must rank first).
const notes: Record<string, Array<[note: string, query: string]>> = {
  vietnamese: [
    ['Nền tảng đã gỡ bỏ nội dung của nhà báo độc lập', 'go bo noi dung'],
    ['Tài khoản bị hạn chế sau khi đăng tin', 'tai khoan bi han che'],
    ['Giảm khả năng hiển thị của trang tin tức', 'giam kha nang hien thi'],
    ['Chính phủ yêu cầu kiểm duyệt bài viết', 'kiem duyet'],
    ['Người bảo vệ nhân quyền bị quấy rối trực tuyến', 'quay roi truc tuyen'],
    ['Đơn khiếu nại gửi đến đại diện công ty', 'don khieu nai'],
  ],
  chinese: [
    ['账号被封禁后无法申诉', '封禁'],
    ['平台删除了人权捍卫者的帖子', '人权'],
    ['政府要求审查内容', '审查'],
    ['记者的账户被限制了三个月', '账户'],
    ['我们收到了钓鱼邮件', '钓鱼'],
  ],
  thai: [
    ['เนื้อหาถูกลบโดยไม่มีเหตุผล', 'ถูกลบ'],
    ['บัญชีของนักข่าวถูกระงับ', 'ระงับ'],
    ['รัฐบาลขอให้เซ็นเซอร์โพสต์', 'เซ็นเซอร์'],
    ['การคุกคามทางออนไลน์เพิ่มขึ้น', 'คุกคาม'],
    ['ความเป็นส่วนตัวของผู้ใช้ถูกละเมิด', 'ละเมิด'],
  ],
  burmese: [
    ['သတင်းထောက်များကိုခြိမ်းခြောက်သည်', 'သတင်းထောက်'],
    ['အစိုးရကဆင်ဆာလုပ်သည်', 'ဆင်ဆာ'],
    ['လူ့အခွင့်အရေးကာကွယ်သူများ', 'အခွင့်အရေး'],
    ['ပို့စ်များဖျက်ခံရသည်', 'ဖျက်'],
    ['အကောင့်ပိတ်ခံရသည်', 'ပိတ်'],
  ],
  khmer: [
    ['គណនីត្រូវបានបិទ', 'គណនី'],
    ['អ្នកសារព័ត៌មានត្រូវបានគំរាម', 'គំរាម'],
    ['រដ្ឋាភិបាលស្នើសុំលុបប្រកាស', 'លុប'],
    ['សិទ្ធិឯកជនភាពរបស់អ្នកប្រើ', 'ឯកជន'],
    ['ការត្រួតពិនិត្យមាតិកា', 'ត្រួតពិនិត្យ'],
  ],
  indonesianMalay: [
    ['Konten jurnalis dihapus tanpa pemberitahuan', 'dihapus'],
    ['Pembatasan akun aktivis lingkungan', 'pembatasan akun'],
    ['Penyensoran unggahan oleh pemerintah', 'penyensoran'],
    ['Kebebasan bersuara dalam talian terancam', 'kebebasan bersuara'],
    ['Permintaan data pengguna daripada polis', 'permintaan data'],
  ],
  english: [
    ['Wrongful removals of independent media pages', 'removal'],
    ['They committed to reviewing forty flagged posts', 'review'],
    ['Shadow banning of the coalition accounts', 'shadow bann'],
    ['Impersonation accounts targeting defenders', 'impersonat'],
    ['Phishing messages sent to staff', 'phish'],
  ],
};

describe('searching my records in my own language', () => {
  let t: TestCore;
  const idByNote = new Map<string, string>();

  beforeAll(async () => {
    t = await unlockedCore();
    const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' });
    for (const [note] of Object.values(notes).flat()) {
      const saved = await t.call('engagements.save', {
        occurredAt: '2026-10-01T09:00:00Z',
        companyId: company.id,
        channel: 'meeting',
        notes: note,
        concerns: [],
        commitments: [{ id: crypto.randomUUID(), text: 'placeholder commitment', dueDate: null }],
      });
      idByNote.set(note, saved.id);
    }
  });
  afterAll(() => t.core.close());

  for (const [script, cases] of Object.entries(notes)) {
    it.each(cases)(`finds ${script} "%s" by "%s"`, async (note, query) => {
      const hits = await t.call('records.search', { q: query, limit: 10 });
      expect(hits[0]?.id, `top hit for ${query}`).toBe(idByNote.get(note));
      const { text, marks } = hits[0]!.snippet;
      expect(marks.length).toBeGreaterThan(0);
      const [start, end] = marks[0]!;
      expect(note).toContain(text.slice(start, end));
    });
  }

  it('finds Vietnamese with its diacritics too', async () => {
    const hits = await t.call('records.search', { q: 'gỡ bỏ nội dung', limit: 5 });
    expect(hits[0]?.id).toBe(idByNote.get(notes.vietnamese![0]![0]));
  });

  it('treats search syntax as plain text', async () => {
    for (const q of ['"', 'AND OR NOT', 'title:*', '(((', 'NEAR(a b)', '*']) {
      expect(await t.raw('records.search', { q, limit: 5 })).toMatchObject({ ok: true });
    }
  });

  it('updates the index in the same save and forgets deleted entries', async () => {
    const id = idByNote.get(notes.english![4]![0])!;
    const entry = await t.call('engagements.get', { id });
    await t.call('engagements.save', { ...entry, notes: 'Spear-phishing replaced by smishing' });
    expect((await t.call('records.search', { q: 'smishing', limit: 5 }))[0]?.id).toBe(id);
    await t.call('engagements.delete', { id });
    expect(await t.call('records.search', { q: 'smishing', limit: 5 })).toEqual([]);
  });
});
