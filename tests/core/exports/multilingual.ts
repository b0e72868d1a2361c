import type { ExportDocument } from '../../../electron/core/exports/document';

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

export const HASH = 'a'.repeat(40) + '0123456789abcdef01234567';
export const sampleDocument: ExportDocument = {
  title: 'Evidence for the forum 论坛',
  subtitle: 'Coalition evidence package',
  generatedAt: '2026-11-02T09:00:00.000Z',
  blocks: [
    { kind: 'heading', level: 1, text: 'Findings' },
    ...Object.values(QUOTES).map((quote) => ({ kind: 'paragraph' as const, parts: [{ text: quote }] })),
    { kind: 'quote', text: 'Coordinate with peer CSOs.' },
    { kind: 'list', ordered: true, items: [[{ text: 'Publish government requests # 1 <b>not bold</b>' }], [{ text: QUOTES.thai }]] },
    { kind: 'fields', rows: [['Forum', 'UN RBHR Forum | Bangkok']] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'Appendix: evidence hashes' },
    { kind: 'table', columns: ['Record', 'SHA-256'], rows: [['Call with T&S', HASH]], code: [1] },
  ],
};

