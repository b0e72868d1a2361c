// Starting a submission draft (prefill, then the save with its revision and search entry) for every
// route, on a vault of 10,000 generated diary entries, through the dispatcher as the renderer asks
// for it. Three sources: a package whose findings link diary entries, a plan step whose plan links
// them, and an assessment that links none (so start reads the company's latest entries, the bounded
// case). Reading the saved draft back (`submissions.get`) is the baseline, interleaved in the same
// loop; the first start after unlock (templates read, statements prepared) is reported on its own.
// `npm run bench -- submissions`.
import { createCore, type Core } from '../electron/core';
import { SUBMISSION_ROUTES, type SubmissionRoute, type SubmissionSource } from '@shared/api/submissions';
import type { Input, Method, Output } from '@shared/api/contract';
import { completeAssessment } from '../tests/core/assessments/fixtures';
import { fullPackage } from '../tests/core/plans/fixtures';
import type { Figure } from './run';
import { BENCH_KDF, BENCH_PASSPHRASE, generatedVault } from './scale-vault';
import { percentile, round, timed } from './stats';

const ENTRIES = 10_000;
const RUNS = 20;

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
  const core = createCore({ dataDir: vault.dataDir, resourcesDir: 'resources', mode: 'browser', version: 'bench', openExternal: async () => false, kdf: BENCH_KDF });
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
  } finally {
    await core.close();
  }
  return figures;
}
