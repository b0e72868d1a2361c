// Vault benchmarks: unlock cost (KDF vs database open, real parameters), insert throughput, and
// what encryption costs in size and read speed against an unencrypted copy of the same data.
// Unlock at scale (vault-scale.ts) runs on generated vaults of realistic entries: 1k and 10k by
// default, and any sizes named in BENCH_VAULT_SIZES (e.g. "1000,10000,100000"; 100k fills for
// minutes the first time, then comes from the generator's cache).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_SCRYPT, deriveKek, passphraseBytes } from '../electron/core/vault/kdf';
import { applyKey, openVaultDatabase, type VaultDatabase } from '../electron/core/vault/open';
import { unlockAtScale } from './vault-scale';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  [key: string]: unknown;
}

const ROWS = 20_000;
const BATCH = 500;

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-bench-'));
  try {
    const results: BenchResult[] = [];
    const key = crypto.randomBytes(32);

    const kdfStart = performance.now();
    (await deriveKek(passphraseBytes('correct horse battery staple'), crypto.randomBytes(16), DEFAULT_SCRYPT)).fill(0);
    const kdfMs = performance.now() - kdfStart;
    results.push({ name: 'vault.unlock.kdf', value: round(kdfMs), unit: 'ms', params: DEFAULT_SCRYPT });

    const encryptedFile = path.join(dir, 'encrypted.db');
    const encrypted = openVaultDatabase(encryptedFile, key, { create: true, maxVersion: 0 });
    const insertsPerSecond = fill(encrypted);
    results.push({ name: 'vault.insert.encrypted', value: Math.round(insertsPerSecond), unit: 'rows/s', rows: ROWS, batch: BATCH });
    encrypted.close();

    const plainFile = path.join(dir, 'plain.db');
    const plain = new Database(plainFile);
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    const plainInserts = fill(plain);
    results.push({ name: 'vault.insert.plain', value: Math.round(plainInserts), unit: 'rows/s', rows: ROWS, batch: BATCH });
    plain.close();

    const openStart = performance.now();
    const reopened = openVaultDatabase(encryptedFile, key, { create: false, maxVersion: 0 });
    const openMs = performance.now() - openStart;
    results.push({ name: 'vault.unlock.open', value: round(openMs), unit: 'ms', note: 'key, schema read, size check, pragmas' });
    results.push({ name: 'vault.unlock.total', value: round(kdfMs + openMs), unit: 'ms' });

    reopened.close();
    // Alternate and keep the best of several rounds, so warm-up does not favour either side.
    let encryptedRead = 0;
    let plainRead = 0;
    for (let round = 0; round < 3; round++) {
      encryptedRead = Math.max(encryptedRead, readAll(openKeyed(encryptedFile, key)));
      plainRead = Math.max(plainRead, readAll(new Database(plainFile, { readonly: true })));
    }
    results.push({ name: 'vault.read.encrypted', value: Math.round(encryptedRead), unit: 'rows/s' });
    results.push({ name: 'vault.read.plain', value: Math.round(plainRead), unit: 'rows/s' });
    results.push({ name: 'vault.read.ratio', value: round(plainRead / encryptedRead), unit: 'x (plain speed / encrypted speed)' });
    results.push({ name: 'vault.insert.ratio', value: round(plainInserts / insertsPerSecond), unit: 'x (plain speed / encrypted speed)' });

    const encryptedSize = fs.statSync(encryptedFile).size;
    const plainSize = fs.statSync(plainFile).size;
    results.push({ name: 'vault.size.encrypted', value: encryptedSize, unit: 'bytes' });
    results.push({ name: 'vault.size.plain', value: plainSize, unit: 'bytes' });
    results.push({ name: 'vault.size.ratio', value: round(encryptedSize / plainSize), unit: 'x' });
    key.fill(0);
    for (const size of scaleSizes()) results.push(...(await unlockAtScale(size, (line) => console.error(`[vault bench] ${line}`))));
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts ROWS diary-sized rows in transactions of BATCH; returns rows per second. */
function fill(db: VaultDatabase): number {
  db.exec('CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO entries (title, body) VALUES (?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + BATCH; i++) insert.run(`Meeting ${i}`, `Raised concern ${i} with the trust and safety team. `.repeat(8));
  });
  const start = performance.now();
  for (let i = 0; i < ROWS; i += BATCH) batch(i);
  // Fold the WAL into the main file so file sizes compare like for like.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return ROWS / ((performance.now() - start) / 1000);
}

/** Reads every row on a fresh connection (empty page cache), then closes it; returns rows per second. */
function readAll(db: VaultDatabase): number {
  try {
    const start = performance.now();
    let total = 0;
    for (const row of db.prepare('SELECT body FROM entries').iterate() as Iterable<{ body: string }>) total += row.body.length;
    if (total === 0) throw new Error('benchmark read no data');
    return ROWS / ((performance.now() - start) / 1000);
  } finally {
    db.close();
  }
}

/** Keyed but without the unlock checks: quick_check would pre-warm the page cache and skew reads. */
function openKeyed(file: string, key: Buffer): VaultDatabase {
  const db = new Database(file, { readonly: true });
  applyKey(db, key);
  return db;
}

const round = (value: number): number => Math.round(value * 100) / 100;

function scaleSizes(): number[] {
  const named = process.env.BENCH_VAULT_SIZES;
  if (!named) return [1_000, 10_000];
  return named.split(',').map((size) => Number(size.trim())).filter((size) => Number.isInteger(size) && size > 0);
}
