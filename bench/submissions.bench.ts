// Starting a submission draft (prefill, then the save with its revision and search entry) for every
// route, on a vault of 10,000 generated diary entries, through the dispatcher as the renderer asks
// for it. Three sources: a package whose findings link diary entries, a plan step whose plan links
// them, and an assessment that links none (so start reads the company's latest entries, the bounded
// case). Reading the saved draft back (`submissions.get`) is the baseline, interleaved in the same
// loop; the first start after unlock (templates read, statements prepared) is reported on its own.
// Then each route's draft (started from the package) is exported in every format through the
// identity check, the same baseline interleaved; and the due dashboard is timed with the drafts'
// filing deadlines in it, each call on a different day so no answer comes from its cache.
// `npm run bench -- submissions`.
import { createCore, type Core } from '../electron/core';
import { chromiumPrinter } from '../electron/server/print-to-pdf';
import { SUBMISSION_ROUTES, type SubmissionRoute, type SubmissionSource } from '@shared/api/submissions';
import type { Input, Method, Output } from '@shared/api/contract';
import { completeAssessment } from '../tests/core/assessments/fixtures';
import { fullPackage } from '../tests/core/plans/fixtures';
import type { Figure } from './run';
import { BENCH_KDF, BENCH_PASSPHRASE, generatedVault } from './scale-vault';
import { percentile, round, timed } from './stats';

const ENTRIES = 10_000;
const RUNS = 20;
/** A PDF is printed by Chromium: a few hundred milliseconds each, so fewer runs. */
const PDF_RUNS = 5;
const FORMATS = ['markdown', 'html', 'docx', 'pdf'] as const;

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

function caller(core: Core): Call {
  return async (method, input) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
    return result.value as never;
  };
}

/** Records to start from: the company with the most entries, and links to some of its entries. */
async function sources(call: Call): Promise<Record<string, SubmissionSource>> {
  const companies = await call('companies.list', null);
  const busiest = [...companies].sort((a, b) => b.engagements - a.engagements)[0]!;
  const entries = await call('engagements.list', { companyId: busiest.id, limit: 3 });
  const [first, second] = entries.items.map((e) => e.id) as [string, string];
  const file = await call('attachments.add', { engagementId: first, name: 'cases.csv', type: 'text/csv', data: Buffer.from('post,date\n1,2026-09-01\n').toString('base64') });
  const template = await call('plans.fromTemplate', { templateId: 'full-ladder', companyId: busiest.id });
  const plan = await call('plans.save', { ...template, title: 'Escalation', engagementIds: entries.items.map((e) => e.id) });
  const pkg = await call('packages.save', { ...fullPackage(busiest.id, [first, second], file.id), planId: plan.id });
  const assessment = await call('assessments.save', completeAssessment(busiest.id, first, file.id));
  const step = plan.steps.find((s) => s.mandates.length > 0)!;
  return {
    package: { kind: 'package', id: pkg.id },
    planStep: { kind: 'planStep', planId: plan.id, stepId: step.id },
    assessment: { kind: 'assessment', id: assessment.id },
  };
}

export async function run(): Promise<Figure[]> {
  const vault = await generatedVault(ENTRIES);
  const printer = chromiumPrinter();
  const core = createCore({ dataDir: vault.dataDir, resourcesDir: 'resources', mode: 'browser', version: 'bench', openExternal: async () => false, kdf: BENCH_KDF, printToPdf: printer.printToPdf });
  const call = caller(core);
  const figures: Figure[] = [];
  try {
    await call('vault.unlock', { id: vault.vaultId, passphrase: BENCH_PASSPHRASE });
    const from = await sources(call);
    const cases = SUBMISSION_ROUTES.flatMap((route) => Object.keys(from).map((source) => ({ route, source })));
    const start = (route: SubmissionRoute, source: string) => call('submissions.start', { route, source: from[source]! });

    // First call after unlock: reads and checks the templates, prepares the statements.
    let firstId = '';
    const first = await timed(async () => {
      firstId = (await start('spCommunication', 'package')).id;
    });
    figures.push({ name: 'start_first_call', value: round(first, 1), unit: 'ms', entries: ENTRIES, route: 'spCommunication', source: 'package' });

    const samples = new Map(cases.map((c) => [`${c.route}.${c.source}`, [] as number[]]));
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const { route, source } of cases) {
        samples.get(`${route}.${source}`)!.push(await timed(() => start(route, source)));
        baseline.push(await timed(() => call('submissions.get', { id: firstId })));
      }
    }
    const baseP50 = percentile(baseline, 50);
    for (const [name, times] of samples) {
      const [route, source] = name.split('.');
      figures.push({
        name: `start_${route}_${source}`,
        value: round(percentile(times, 50), 2),
        unit: 'ms',
        p95: round(percentile(times, 95), 2),
        runs: times.length,
        entries: ENTRIES,
        vsGetP50: round(percentile(times, 50) / baseP50, 1),
      });
    }
    figures.push({ name: 'get_baseline', value: round(baseP50, 2), unit: 'ms', p95: round(percentile(baseline, 95), 2), runs: baseline.length, entries: ENTRIES });
    figures.push(...(await exportTimes(call)), ...(await dueTimes(call)));
  } finally {
    await core.close();
    await printer.close();
  }
  return figures;
}

/** Every route's draft from the package, exported in each format; `submissions.get` of the same draft interleaved as the baseline. */
async function exportTimes(call: Call): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pkg = (await call('packages.list', null))[0]!;
  for (const route of SUBMISSION_ROUTES) {
    const draft = await call('submissions.start', { route, source: { kind: 'package', id: pkg.id } });
    const exportAs = (format: (typeof FORMATS)[number]) => call('submissions.export', { id: draft.id, format, identity: { acknowledge: true } });
    // The first export of a route's draft (its first identity check and layout) is not in the samples.
    await exportAs('markdown');
    const samples = new Map(FORMATS.map((format) => [format, [] as number[]]));
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const format of FORMATS) {
        if (format === 'pdf' && i >= PDF_RUNS) continue;
        samples.get(format)!.push(await timed(() => exportAs(format)));
        baseline.push(await timed(() => call('submissions.get', { id: draft.id })));
      }
    }
    const baseP50 = percentile(baseline, 50);
    for (const [format, times] of samples) {
      figures.push({
        name: `export_${route}_${format}`,
        value: round(percentile(times, 50), 2),
        unit: 'ms',
        p95: round(percentile(times, 95), 2),
        runs: times.length,
        entries: ENTRIES,
        vsGetP50: round(percentile(times, 50) / baseP50, 1),
      });
    }
  }
  return figures;
}

/**
 * The due dashboard with a hundred drafts' filing deadlines and sent right-of-reply letters among
 * the diary's commitments, each call on another day so it is computed, not served from its cache;
 * the diary-only first page of entries interleaved as the baseline.
 */
async function dueTimes(call: Call): Promise<Figure[]> {
  const page = await call('submissions.list', { limit: 100 });
  let n = 0;
  for (const summary of page.items) {
    const draft = await call('submissions.get', { id: summary.id });
    const day = `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const fields = draft.fields.route === 'rightOfReply' ? { ...draft.fields, sentOn: '2026-01-01', replyDeadline: day } : draft.fields;
    await call('submissions.save', { ...draft, fields, filingDeadline: day });
    n++;
  }
  const due: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const today = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    due.push(await timed(() => call('dashboard.due', { today, horizonDays: 30, limit: 5 })));
    baseline.push(await timed(() => call('engagements.list', { limit: 50 })));
  }
  return [
    { name: 'dashboard_due_with_drafts', value: round(percentile(due, 50), 2), unit: 'ms', p95: round(percentile(due, 95), 2), runs: due.length, entries: ENTRIES, drafts: n },
    { name: 'entries_first_page_baseline', value: round(percentile(baseline, 50), 2), unit: 'ms', p95: round(percentile(baseline, 95), 2), runs: baseline.length, entries: ENTRIES },
  ];
}
