// Diary benchmarks for every `npm run bench`: the scale suite's measures (first page, reach,
// companies, due dashboard, record search over HTTP, saves, integrity, size, first row in
// Chromium) at 1k and 10k generated entries. `npm run bench -- scale` adds 100k. The first
// searches of fresh processes are those of the suite's own sessions here (the scale suite starts
// sixteen more processes per size for them), to keep the default run short.
import { suite } from './scale.bench';

export const run = suite([1_000, 10_000], true, 0);
