// Diary benchmarks: record search through the API against a direct FTS5 query on the same data
// (the API's overhead as a ratio) at 1k, 10k and 100k engagements, the time to save an entry, and
// the diary list's first render at 10k entries in Chromium next to the same page with 100.
import crypto from 'node:crypto';
import { createCore } from '../electron/core';
import { EventBus } from '../electron/core/events';
import { DiaryService } from '../electron/core/diary/service';
import { matchExpression, recordIndex } from '../electron/core/records/search-index';
import { VaultService } from '../electron/core/vault/service';
import { launchChromium, startWebServer } from '../tests/e2e/harness';
import { tempDir } from '../tests/helpers/temp';
import type { Figure } from './run';
import { percentile, round } from './stats';

const KDF = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'benchmark passphrase only';
const SIZES = (process.env.BENCH_DIARY_SIZES ?? "1000,10000,100000").split(",").map(Number);

// Words from the users' languages, so the index holds the token mix real notes would.
const WORDS = [
  ...'removal account restriction visibility commitment review escalation platform moderation appeal transparency report policy request government journalist activist content takedown shadow ban phishing impersonation harassment'.split(' '),
  ...'gỡ bỏ nội dung tài khoản hạn chế kiểm duyệt nhà báo quấy rối khiếu nại'.split(' '),
  ...'账号 封禁 删除 帖子 审查 记者 限制 申诉'.split(' '),
  ...'เนื้อหา ถูกลบ บัญชี ระงับ เซ็นเซอร์ คุกคาม'.split(' '),
  ...'konten dihapus akun pembatasan penyensoran kebebasan'.split(' '),
];
const QUERIES = ['removal', 'account restriction', 'go bo noi dung', '封禁', 'ถูกลบ', 'dihapus', 'escalat', 'shadow ban', 'kiem duyet', 'journalist appeal', 'nonexistentword'];

function sentence(random: () => number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return words.join(' ');
}

/** A deterministic generator, so every run indexes the same text. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Fills a vault through the diary service (record, revision and index, as the app writes them). */
async function filledVault(count: number): Promise<{ dataDir: string; vaultId: string }> {
  const dataDir = tempDir('workbench-diary-bench-');
  const vault = new VaultService({ dataDir, events: new EventBus(), kdf: KDF });
  const status = await vault.create('Bench', PASSPHRASE);
  const diary = new DiaryService({ database: () => vault.database(), index: recordIndex });
  const company = diary.saveCompany({ name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  const random = seeded(count);
  const db = vault.database();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      diary.saveEngagement({
        occurredAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
        companyId: company.id,
        channel: 'meeting',
        title: sentence(random, 4),
        participantsOurs: [],
        participantsTheirs: [],
        purpose: sentence(random, 12),
        concerns: [sentence(random, 8)],
        commitments: [{ id: crypto.randomUUID(), text: sentence(random, 6), owner: '', dueDate: null, status: 'open', evidence: '' }],
        followUps: [],
        riskBefore: { level: 'unknown', notes: '' },
        riskAfter: { level: 'unknown', notes: '' },
        safety: [],
        outcome: '',
        tags: [],
        notes: sentence(random, 30),
      });
    }
  });
  for (let from = 0; from < count; from += 1_000) batch(from, Math.min(count, from + 1_000));
  vault.lock('user');
  return { dataDir, vaultId: status.vault!.id };
}

async function searchFigures(count: number): Promise<Figure[]> {
  const built = performance.now();
  const { dataDir, vaultId } = await filledVault(count);
  const fillSeconds = (performance.now() - built) / 1000;
  const core = createCore({ dataDir, resourcesDir: 'resources', mode: 'browser', version: 'bench', openExternal: async () => false, kdf: KDF });
  await core.dispatch('vault.unlock', { id: vaultId, passphrase: PASSPHRASE });

  // The baseline: the same ranked, snippeted FTS5 query on a second connection, without the API.
  const direct = (db: import('better-sqlite3-multiple-ciphers').Database, q: string) =>
    db
      .prepare(
        `SELECT rowid, snippet(record_search, 1, '[', ']', '…', 16) FROM record_search WHERE record_search MATCH ? ORDER BY bm25(record_search, 5.0, 1.0) LIMIT 20`,
      )
      .all(matchExpression(q));
  const rawVault = new VaultService({ dataDir, events: new EventBus(), kdf: KDF });
  await rawVault.unlock(vaultId, PASSPHRASE).catch(() => undefined);

  const api: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      let start = performance.now();
      await core.dispatch('records.search', { q, limit: 20 });
      api.push(performance.now() - start);
      start = performance.now();
      direct(rawVault.database(), q);
      baseline.push(performance.now() - start);
    }
  }

  const saves: number[] = [];
  const company = ((await core.dispatch('companies.list', null)) as { ok: true; value: Array<{ id: string }> }).value[0]!;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await core.dispatch('engagements.save', { occurredAt: new Date().toISOString(), companyId: company.id, channel: 'call', notes: `Saved in the benchmark ${i}` });
    saves.push(performance.now() - start);
  }
  rawVault.lock('user');
  await core.close();

  const p = (samples: number[], q: number) => round(percentile(samples, q), 3);
  return [
    { name: `record_search_p50_${count}`, value: p(api, 50), unit: 'ms', engagements: count },
    { name: `record_search_p95_${count}`, value: p(api, 95), unit: 'ms', engagements: count },
    { name: `record_search_direct_fts5_p50_${count}`, value: p(baseline, 50), unit: 'ms', engagements: count },
    { name: `record_search_api_overhead_ratio_${count}`, value: round(percentile(api, 50) / percentile(baseline, 50), 2), unit: 'ratio', target: 1.3 },
    { name: `engagement_save_p50_${count}`, value: p(saves, 50), unit: 'ms', engagements: count },
    { name: `vault_fill_${count}`, value: round(count / fillSeconds, 0), unit: 'engagements/s' },
  ];
}

async function listRenderFigures(): Promise<Figure[]> {
  const times: Record<string, number> = {};
  for (const count of [100, 10_000]) {
    const { dataDir, vaultId } = await filledVault(count);
    const server = await startWebServer(dataDir);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(server.url);
      const unlocked = await page.evaluate(
        async ([id, passphrase]) => {
          const response = await fetch('/rpc/vault.unlock', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-workbench-rpc': '1' },
            body: JSON.stringify({ id, passphrase }),
          });
          return (await response.json()) as { ok: boolean };
        },
        [vaultId, PASSPHRASE],
      );
      if (!unlocked.ok) throw new Error(`could not unlock the benchmark vault: ${JSON.stringify(unlocked)}`);
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await page.goto(`${server.origin}/diary`);
        await page.getByTestId('entry-list').getByRole('listitem').first().waitFor();
        samples.push(performance.now() - start);
      }
      times[count] = percentile(samples, 50);
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  return [
    { name: 'diary_list_first_render_10000', value: round(times[10_000]!, 1), unit: 'ms' },
    { name: 'diary_list_first_render_100', value: round(times[100]!, 1), unit: 'ms' },
    { name: 'diary_list_first_render_ratio_10000_to_100', value: round(times[10_000]! / times[100]!, 2), unit: 'ratio' },
  ];
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of SIZES) figures.push(...(await searchFigures(size)));
  figures.push(...(await listRenderFigures()));
  return figures;
}
