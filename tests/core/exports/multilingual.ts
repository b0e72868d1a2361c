// Quotations in the scripts the workbench's users write in, for export tests.
export const QUOTES = {
  vietnamese: 'Người dùng bị gỡ bỏ nội dung mà không được giải thích.',
  chinese: '账号被封禁，没有任何解释。',
  thai: 'บัญชีของนักข่าวถูกระงับโดยไม่มีคำอธิบาย',
  burmese: 'သတင်းထောက်များ၏ အကောင့်များကို ပိတ်ပင်ခဲ့သည်။',
  khmer: 'គណនីរបស់អ្នកសារព័ត៌មានត្រូវបានបិទ។',
} as const;

/** Text extracted from PDFs may wrap lines or drop zero-width characters: compare without whitespace. */
export const squash = (value: string): string => value.replace(/[\s\u200b]+/g, '');
