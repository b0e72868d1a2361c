// Search indexing of unspaced text: segmenting 100 KB and 1 MB of Thai and Chinese for the record
// index, next to a bare Intl.Segmenter pass over the same text (the floor: ICU's dictionary work
// alone) measured in the same loop, and the 1 MB / 100 KB ratio (10 is linear; the old chunker's
// rescans made it grow with the square). Then the case that was reported: a partner bundle holding
// 86 KB of Thai text, imported through the API as browser mode does, with the longest pause of the
// event loop during the import.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { segmentForIndex } from '../electron/core/records/search-index';
import { unlockedCore } from '../tests/helpers/core';
import { tempDir } from '../tests/helpers/temp';
import type { Figure } from './run';
import { percentile, round } from './stats';

const RUNS = Number(process.env.BENCH_INDEXING_RUNS ?? 5);
// Realistic sentences (the diary's multilingual search notes), repeated without spaces.
const TEXT = {
  thai: 'เนื้อหาถูกลบโดยไม่มีเหตุผลบัญชีของนักข่าวถูกระงับรัฐบาลขอให้เซ็นเซอร์โพสต์การคุกคามทางออนไลน์เพิ่มขึ้นความเป็นส่วนตัวของผู้ใช้ถูกละเมิด',
  chinese: '账号被封禁后无法申诉平台删除了人权捍卫者的帖子政府要求审查内容记者的账户被限制了三个月我们收到了钓鱼邮件',
};
const SIZES = { '100kb': 100_000, '1mb': 1_000_000 };

/** About `bytes` of UTF-8 (both scripts take three bytes a character). */
const unspaced = (sentence: string, bytes: number) => sentence.repeat(Math.ceil(bytes / 3 / sentence.length)).slice(0, Math.round(bytes / 3));

function bareSegmenter(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  let words = 0;
  for (let i = 0; i < text.length; i += 1000) for (const s of segmenter.segment(text.slice(i, i + 1000))) if (s.isWordLike) words++;
  return words;
}

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const p = (samples: number[], q: number) => round(percentile(samples, q), 1);
  for (const [script, sentence] of Object.entries(TEXT)) {
    const p50 = {} as Record<string, number>;
    for (const [size, bytes] of Object.entries(SIZES)) {
      const text = unspaced(sentence, bytes);
      segmentForIndex(text.slice(0, 10_000)); // ICU loads its dictionary once
      const index: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        index.push(time(() => segmentForIndex(text)));
        bare.push(time(() => bareSegmenter(text)));
      }
      p50[size] = percentile(index, 50);
      figures.push(
        { name: `index_segment_${script}_${size}_p50`, value: p(index, 50), unit: 'ms', runs: RUNS, chars: text.length },
        { name: `index_segment_${script}_${size}_p95`, value: p(index, 95), unit: 'ms', runs: RUNS },
        { name: `bare_segmenter_${script}_${size}_p50`, value: p(bare, 50), unit: 'ms', runs: RUNS },
        { name: `index_to_bare_segmenter_${script}_${size}_ratio_p50`, value: round(percentile(index, 50) / percentile(bare, 50), 2), unit: 'ratio' },
      );
    }
    figures.push({ name: `index_segment_${script}_1mb_to_100kb_ratio`, value: round(p50['1mb']! / p50['100kb']!, 1), unit: 'ratio', linear: 10 });
  }
  figures.push(...(await bundleImport()));
  return figures;
}

/** The reported case: a partner bundle holding about 86 KB of Thai text, imported through the API. */
async function bundleImport(): Promise<Figure[]> {
  const passphrase = 'benchmark shared passphrase';
  const sender = await unlockedCore({ dataDir: tempDir('indexing-bench-') });
  const plan = await sender.call('plans.save', { title: 'แผนการยกระดับ', objective: unspaced(TEXT.thai, 24_000), context: unspaced(TEXT.thai, 62_000) });
  const bundle = await sender.call('exchange.bundle.create', { organisation: 'Coalition', passphrase, items: [{ kind: 'plan', id: plan.id }] });
  await sender.core.close();
  const samples: number[] = [];
  const pauses: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const recipient = await unlockedCore({ dataDir: tempDir('indexing-bench-') });
    const delay = monitorEventLoopDelay({ resolution: 2 });
    delay.enable();
    const start = performance.now();
    await recipient.call('exchange.bundle.import', { data: bundle.data, passphrase, confirm: true });
    samples.push(performance.now() - start);
    delay.disable();
    pauses.push(delay.max / 1e6);
    await recipient.core.close();
  }
  const p = (values: number[], q: number) => round(percentile(values, q), 1);
  return [
    { name: 'bundle_import_thai_86kb_p50', value: p(samples, 50), unit: 'ms', runs: RUNS, textBytes: 86_000, bundleBytes: Buffer.from(bundle.data, 'base64').length },
    { name: 'bundle_import_thai_86kb_p95', value: p(samples, 95), unit: 'ms', runs: RUNS },
    { name: 'bundle_import_thai_86kb_longest_pause_p50', value: p(pauses, 50), unit: 'ms', runs: RUNS, target: 200 },
    { name: 'bundle_import_thai_86kb_longest_pause_p95', value: p(pauses, 95), unit: 'ms', runs: RUNS, target: 200 },
  ];
}
