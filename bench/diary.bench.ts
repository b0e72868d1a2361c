// Diary benchmarks for every `npm run bench`: the scale suite's measures (first page, reach,
// companies, due dashboard, record search over HTTP, saves, integrity, size) at 1k and 10k
// generated entries, and the first row in Chromium at 10k. `npm run bench -- scale` adds 100k and
// the first row at every size. To keep the default run short, the first searches of fresh
// processes are those of the suite's own sessions here (the scale suite starts sixteen more
// processes per size for them), and the first row (a minute a size) is measured once, with 20
// loads of each kind instead of 30: its p95 is still the second slowest load.
import { suite } from './scale.bench';

export const run = suite([1_000, 10_000], { browserSizes: [10_000], firstRowLoads: 20, firstSearchRuns: 0 });
