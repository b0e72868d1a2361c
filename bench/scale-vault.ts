// Generated vaults for the scale benchmarks. Filling writes through the diary service (record,
// revision and search entry, exactly as a save does) in batches of 1,000 per transaction, which
// only the untimed fill may do. A filled vault is cached under the system temp folder, keyed by
// schema version, generator version, size and day (due dates are relative to today), so repeated
// runs at 100k entries cost a file copy instead of a refill; each run works on its own copy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../electron/core/events';
import { DiaryService } from '../electron/core/diary/service';
import { recordIndex } from '../electron/core/search/record-texts';
import { vaultPaths } from '../electron/core/vault/layout';
import { latestVersion, migrate, migrations } from '../electron/core/vault/migrations';
import { openVaultDatabase, type VaultDatabase } from '../electron/core/vault/open';
import { VaultService } from '../electron/core/vault/service';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { openWithKey, vaultKey } from '../tests/core/vault/helpers';
import { tempDir } from '../tests/helpers/temp';
import { companyDrafts, engagementDraft, seeded } from './generate';

export const BENCH_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const BENCH_PASSPHRASE = 'benchmark passphrase only';
/** Bump when the generator's output changes, so cached vaults are rebuilt. */
const GENERATOR_VERSION = 1;
const BATCH = 1_000;

export interface GeneratedVault {
  dataDir: string;
  vaultId: string;
  count: number;
  /** Seconds the fill took, or null when the vault came from the cache. */
  fillSeconds: number | null;
}

interface CacheMeta {
  vaultId: string;
}

const cacheRoot = () => process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'workbench-bench-cache');

/** A vault of `count` generated engagements in a fresh data folder of its own. */
export async function generatedVault(count: number, options: { cache?: boolean; log?: (line: string) => void } = {}): Promise<GeneratedVault> {
  const today = new Date().toISOString().slice(0, 10);
  const key = `s${schemaHash()}-g${GENERATOR_VERSION}-n${count}-${today}`;
  const cached = path.join(cacheRoot(), key);
  const dataDir = tempDir(`workbench-scale-${count}-`);
  if (options.cache !== false && fs.existsSync(path.join(cached, 'meta.json'))) {
    const meta = JSON.parse(fs.readFileSync(path.join(cached, 'meta.json'), 'utf8')) as CacheMeta;
    fs.cpSync(path.join(cached, 'data'), dataDir, { recursive: true });
    return { dataDir, vaultId: meta.vaultId, count, fillSeconds: null };
  }

  const started = performance.now();
  const vaultId = await fill(dataDir, count, options.log);
  const fillSeconds = (performance.now() - started) / 1000;
  if (options.cache !== false) {
    // Written to a temp name and renamed, so an interrupted run never leaves a half cache.
    fs.mkdirSync(cacheRoot(), { recursive: true });
    for (const stale of fs.readdirSync(cacheRoot()).filter((name) => name.includes(`-n${count}-`) && name !== key)) {
      fs.rmSync(path.join(cacheRoot(), stale), { recursive: true, force: true });
    }
    const staging = `${cached}.partial-${process.pid}`;
    fs.cpSync(dataDir, path.join(staging, 'data'), { recursive: true });
    fs.writeFileSync(path.join(staging, 'meta.json'), JSON.stringify({ vaultId } satisfies CacheMeta));
    fs.rmSync(cached, { recursive: true, force: true });
    fs.renameSync(staging, cached);
  }
  return { dataDir, vaultId, count, fillSeconds };
}

/** A digest of the schema the app creates today, so a cached vault of an older schema is never reused. */
function schemaHash(): string {
  const dir = tempDir('workbench-schema-');
  const db = openVaultDatabase(path.join(dir, 'schema.db'), crypto.randomBytes(32), { create: true, maxVersion: latestVersion(migrations) });
  migrate(db, migrations);
  const sql = (db.prepare("SELECT group_concat(sql, ';') AS sql FROM (SELECT sql FROM sqlite_master ORDER BY name)").get() as { sql: string }).sql;
  db.close();
  return crypto.createHash('sha256').update(sql).digest('hex').slice(0, 12);
}

async function fill(dataDir: string, count: number, log?: (line: string) => void): Promise<string> {
  const vault = new VaultService({ dataDir, events: new EventBus(), kdf: BENCH_KDF });
  const status = await vault.create('Bench', BENCH_PASSPHRASE);
  const diary = new DiaryService({ database: () => vault.database(), index: recordIndex });
  const random = seeded(count);
  const companyIds = companyDrafts(random).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
  const db = vault.database();
  const today = Date.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count, today, companyIds })));
  });
  for (let from = 0; from < count; from += BATCH) {
    batch(from, Math.min(count, from + BATCH));
    if (log && from % 10_000 === 0 && from > 0) log(`filled ${from} of ${count}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  vault.lock('user');
  // The lock backs the whole file up on a worker of this process. Let it finish and drop it: it
  // ran beside the first measurements of a fresh fill (a copy of 600 MB at 100k entries), and the
  // sessions measured make the day's first backup themselves.
  await vault.settled();
  fs.rmSync(vaultPaths(dataDir, status.vault!.id).backups, { recursive: true, force: true });
  return status.vault!.id;
}

/**
 * A second connection to a generated vault, for the bare-SQL baselines and in-process figures:
 * keyed as the app keys its own, with none of the app's work after unlock. Opened through the
 * vault service, it made the day's backup, a copy of the whole file in the benchmark's own
 * process, while the server's first calls and first rounds were timed.
 */
export async function secondConnection(dataDir: string, vaultId: string): Promise<{ db: VaultDatabase; key: Buffer; close(): void }> {
  const key = await vaultKey(dataDir, vaultId, BENCH_PASSPHRASE);
  const db = openWithKey(vaultPaths(dataDir, vaultId).db, key);
  return {
    db,
    key,
    close: () => {
      db.close();
      key.fill(0);
    },
  };
}
