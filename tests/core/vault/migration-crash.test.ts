// An update's first unlock rewrites the vault (migration 019 rewrites every diary row) and can take
// minutes. Killing the app meanwhile must leave the vault as the older version left it, every record
// in place, and the next unlock must run the update again. A child process unlocks a real encrypted
// vault written at version 17 and is SIGKILLed: once every step has run but before the transaction
// commits, and at random moments over the whole unlock.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CompanyDraft, EngagementDraft } from '@shared/api/diary';
import { companyDrafts, engagementDraft, seeded } from '../../../bench/generate';
import { DiaryService } from '../../../electron/core/diary/service';
import { recordIndex } from '../../../electron/core/search/record-texts';
import { latestVersion, migrations } from '../../../electron/core/vault/migrations';
import type { VaultDatabase } from '../../../electron/core/vault/open';
import { tempDir } from '../../helpers/temp';
import { createVault, harness, PASSPHRASE } from './helpers';
import { scriptChild } from '../../helpers/script-child';

// A vault at version 17 was written by the app of its time, with the diary rows it had then.
vi.mock('../../../electron/core/diary/repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/diary/repository')>();
  const { writerOfTheVaultsVersion } = await import('../../helpers/legacy-diary-rows');
  return { ...actual, insertOrReplaceEngagement: writerOfTheVaultsVersion(actual.insertOrReplaceEngagement) };
});

const CHILD = path.join(import.meta.dirname, 'migration-child.ts');
const ENTRIES = 3000;
const OLD_VERSION = 17;
const RANDOM_KILLS = 6;
const AT_OLD_VERSION = migrations.filter((m) => m.version <= OLD_VERSION);

interface Run {
  /** How long step 019 took, when it finished before the kill. */
  steppedMs: number | null;
  /** Whether the unlock answered (the update committed) before the kill. */
  unlocked: boolean;
}

/** Runs the child on the vault; with 'random', it is killed `delayMs` after step 019 starts. */
function runChild(dataDir: string, vaultId: string, mode: 'random' | 'before-commit' | 'none', delayMs = 0): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = scriptChild(CHILD, [dataDir, vaultId, PASSPHRASE, mode, String(delayMs)]);
    let output = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // A finished unlock: the committed update must survive the kill too.
      if (output.includes('unlocked ')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${stderr}`));
      const stepped = /stepped (\d+)/.exec(output);
      resolve({ steppedMs: stepped ? Number(stepped[1]) : null, unlocked: output.includes('unlocked ') });
    });
  });
}

/** Every row of every table, and the schema, as comparable text. */
function dump(db: VaultDatabase): { schema: unknown[]; rows: Record<string, string[]> } {
  const schema = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const rows: Record<string, string[]> = {};
  for (const table of tables) rows[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
  return { schema, rows };
}

/** A locked vault written at version 17 with ENTRIES diary entries, and what it held then. */
async function prepareVault() {
  const h = harness({ migrations: AT_OLD_VERSION, now: Date.now });
  const id = await createVault(h);
  const diary = new DiaryService({ database: () => h.service.database(), index: recordIndex, now: () => new Date() });
  const random = seeded(23);
  const companyIds = companyDrafts(random).slice(0, 6).map((draft) => diary.saveCompany(CompanyDraft.parse(draft)).id);
  for (let index = 0; index < ENTRIES; index++) {
    diary.saveEngagement(EngagementDraft.parse(engagementDraft(random, { index, count: ENTRIES, today: Date.UTC(2026, 11, 1), companyIds })));
  }
  const db = h.service.database();
  expect(db.pragma('user_version', { simple: true })).toBe(OLD_VERSION);
  const before = dump(db);
  const records = db.prepare('SELECT id, doc FROM engagements ORDER BY id').all();
  expect(records).toHaveLength(ENTRIES);
  h.service.lock('user');
  await h.service.settled();
  return { dataDir: h.dataDir, id, before, records };
}

function copyOf(dataDir: string): string {
  const copy = tempDir('vault-migration-crash-');
  fs.cpSync(dataDir, copy, { recursive: true });
  return copy;
}

/**
 * After a kill: the vault opens, whole, either at version 17 exactly as it was or fully updated
 * with the same records; then the next unlock by this version updates it with every record.
 */
async function assertRecovered(dataDir: string, id: string, vault: Awaited<ReturnType<typeof prepareVault>>): Promise<'old' | 'updated'> {
  const old = harness({ dataDir, migrations: AT_OLD_VERSION, now: Date.now, checkAfterUnlock: false });
  const outcome = await old.service.unlock(id, PASSPHRASE).then(
    () => 'old' as const,
    (error: { code?: string }) => {
      // Only a vault the update committed is too new for version 17.
      expect(error.code).toBe('VAULT_TOO_NEW');
      return 'updated' as const;
    },
  );
  if (outcome === 'old') {
    const db = old.service.database();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(OLD_VERSION);
    const after = dump(db);
    expect(after.schema).toEqual(vault.before.schema);
    expect(after.rows).toEqual(vault.before.rows);
    old.service.lock('user');
    await old.service.settled();
  }
  const current = harness({ dataDir, now: Date.now, checkAfterUnlock: false });
  await current.service.unlock(id, PASSPHRASE);
  const db = current.service.database();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
  expect(db.prepare('SELECT id, doc FROM engagements ORDER BY id').all()).toEqual(vault.records);
  current.service.lock('user');
  await current.service.settled();
  return outcome;
}

describe('an update interrupted by SIGKILL during unlock', () => {
  let vault: Awaited<ReturnType<typeof prepareVault>>;
  beforeAll(async () => {
    vault = await prepareVault();
  }, 240_000);

  it('leaves the vault at its old version with every record when killed before the update commits', { timeout: 240_000 }, async () => {
    const copy = copyOf(vault.dataDir);
    const run = await runChild(copy, vault.id, 'before-commit');
    expect(run.steppedMs).not.toBeNull();
    expect(run.unlocked).toBe(false);
    expect(await assertRecovered(copy, vault.id, vault)).toBe('old');
  });

  it(`leaves the vault as it was when killed at ${RANDOM_KILLS} random moments of the rewrite of every diary row`, { timeout: 600_000 }, async () => {
    // How long an undisturbed step 019 takes here, to spread the kills over it.
    const copy = copyOf(vault.dataDir);
    const full = await runChild(copy, vault.id, 'none');
    expect(full.unlocked).toBe(true);
    expect(await assertRecovered(copy, vault.id, vault)).toBe('updated');
    console.log(`step 019 on ${ENTRIES} entries: ${full.steppedMs} ms`);

    // The kills are spread over the first 80% of the quickest step seen so far, since a step run
    // while other tests load the machine can be slower than the next; rounds go on, within a cap,
    // until RANDOM_KILLS kills have landed inside the step.
    let stepMs = full.steppedMs!;
    let inside = 0;
    let rounds = 0;
    for (; rounds < RANDOM_KILLS * 3 && inside < RANDOM_KILLS; rounds++) {
      const target = copyOf(vault.dataDir);
      const run = await runChild(target, vault.id, 'random', Math.random() * 0.8 * stepMs);
      const outcome = await assertRecovered(target, vault.id, vault);
      // Killed before the step finished: nothing of the update may remain.
      if (run.steppedMs === null) {
        inside++;
        expect(outcome).toBe('old');
      } else {
        stepMs = Math.min(stepMs, run.steppedMs);
      }
      if (run.unlocked) expect(outcome).toBe('updated');
    }
    console.log(`${inside} of ${rounds} kills landed inside step 019`);
    expect(inside).toBe(RANDOM_KILLS);
  });
});
