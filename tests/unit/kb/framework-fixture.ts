// A Thai framework translation written for tests, and the real English sources with only it as
// translation, so each test decides what is translated, stale or broken.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/temp';
import { KB_SOURCES } from './built-kb';

export const FILE = 'translations/th/frameworks.json';
const sha256 = (data: string) => crypto.createHash('sha256').update(data).digest('hex');

export interface EntryTranslation {
  name?: string;
  instrument?: string;
  protects?: string;
  whyItMatters?: string;
  status?: string;
  unverified?: string[];
  noPrimarySource?: string;
  datedFacts?: Array<{ text: string; lapsed?: string }>;
  sourceSha256?: string;
  [other: string]: unknown;
}
export interface TranslationFile {
  reviewed?: boolean;
  frameworks: Record<string, EntryTranslation>;
}

/** One entry translated in full, one with only the required fields, one with its dated fact. */
export const THAI: TranslationFile = {
  reviewed: false,
  frameworks: {
    'udhr-iccpr-19': {
      name: 'ข้อ 19 ของ UDHR และ ICCPR',
      instrument: 'ปฏิญญาสากลว่าด้วยสิทธิมนุษยชน ข้อ 19 และกติการะหว่างประเทศว่าด้วยสิทธิพลเมืองและสิทธิทางการเมือง ข้อ 19',
      protects: 'เสรีภาพในการแสดงความคิดเห็นและการแสดงออก รวมถึงสิทธิในการแสวงหา รับ และเผยแพร่ข้อมูลข่าวสาร',
      whyItMatters: 'บริษัทเทคโนโลยีหลายแห่งอ้างถึงกรอบนี้ในรายงานความโปร่งใส จึงใช้เรียกร้องให้บริษัทรักษาคำมั่นของตนเองได้',
      status: 'สมัชชาใหญ่แห่งสหประชาชาติรับรอง UDHR เมื่อวันที่ 10 ธันวาคม 1948',
      unverified: ['แหล่งข้อมูลของงานวิจัยให้มาเป็นรายการเดียว ไม่ได้แยกตามตราสาร'],
      noPrimarySource: 'ในการตรวจสอบครั้งนี้ไม่ได้เปิดหน้าเว็บของ OHCHR สำหรับตัวบท',
    },
    'gc-16': {
      name: 'ความเห็นทั่วไปที่ 16 (ICCPR ข้อ 17)',
      protects: 'สิทธิในความเป็นส่วนตัวตาม ICCPR ข้อ 17 ทั้งจากการแทรกแซงของรัฐและของบุคคลหรือนิติบุคคล',
    },
    'asean-defa': {
      name: 'กรอบความตกลงด้านเศรษฐกิจดิจิทัลอาเซียน (DEFA)',
      protects: 'การค้าดิจิทัลข้ามพรมแดนและการไหลเวียนของข้อมูลระหว่างประเทศสมาชิกอาเซียน',
      datedFacts: [{ text: 'มีเป้าหมายลงนาม DEFA ในการประชุมสุดยอดอาเซียนเดือนพฤศจิกายน 2026', lapsed: 'กำหนดลงนามคือการประชุมสุดยอดอาเซียนเดือนพฤศจิกายน 2026' }],
    },
  },
};

/** The real English sources with only `file` as translation, hashed against the English as it is now. */
export function sourcesWith(file: TranslationFile): string {
  const dir = tempDir('kb-frameworks-');
  fs.cpSync(KB_SOURCES, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'translations'), { recursive: true, force: true });
  const english = JSON.parse(fs.readFileSync(path.join(dir, 'frameworks.json'), 'utf8')) as Array<{ id: string }>;
  const hashed = structuredClone(file);
  for (const [id, entry] of Object.entries(hashed.frameworks)) {
    const original = english.find((f) => f.id === id);
    entry.sourceSha256 ??= original ? sha256(JSON.stringify(original)) : '0'.repeat(64);
  }
  fs.mkdirSync(path.join(dir, 'translations/th'), { recursive: true });
  fs.writeFileSync(path.join(dir, FILE), JSON.stringify(hashed, null, 2));
  return dir;
}

