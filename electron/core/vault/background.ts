// Whole-file work on a vault (backups, the integrity check, salvage) runs on a worker thread with
// its own SQLite connection, so the thread that answers lock, panic and every keystroke's draft is
// never blocked by reading a large file. The worker gets a copy of the key, which it wipes as soon
// as SQLite holds it; SQLite's copy goes when the worker's connection closes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DOCUMENT_TABLES } from '../records/revisions';
import { CIPHER, NEW_VAULT_PAGE_SIZE } from './open';

export type VaultTask =
  /** VACUUM INTO: a consistent encrypted snapshot written with the same cipher and key. */
  | { kind: 'backup'; target: string }
  /** quick_check table by table, reporting progress; every page read is also authenticated. */
  | { kind: 'check' }
  /** Copies every row that still decrypts into a new file; see salvage.ts for what it reports. */
  | { kind: 'salvage'; target: string };

export interface SalvageCounts {
  /** Rows copied, and rows that could not be read, per table. */
  copied: Record<string, number>;
  lost: Record<string, number>;
  /** Tables whose schema or first page could not be read at all. */
  unreadableTables: string[];
  /** Revisions whose hash did not match their content, left out. */
  badRevisions: number;
}

export type TaskResult = { kind: 'backup' } | { kind: 'check'; ok: boolean } | { kind: 'salvage'; counts: SalvageCounts };

export interface RunningTask {
  readonly done: Promise<TaskResult>;
  /** Stops the worker at its next step (a running SQLite statement finishes first). */
  stop(): Promise<void>;
}

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
const WORKER_PRELUDE = 'var __name = (target) => target;\nvar vaultWorkerRequire = require;\n';
/** Defined by WORKER_PRELUDE inside the worker only: a name no bundler knows, so none rewrites it. */
declare const vaultWorkerRequire: NodeJS.Require;

/** A task's failure: its code as both message and code, so a log that names codes names it. */
function taskError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/**
 * Runs one task in a fresh worker. `key` is copied for the worker and not modified here; callers
 * own and wipe their copy. Rejects with an Error whose message and code are a SQLite error code
 * (or STOPPED, EXITED, the worker's error class), never SQL, a path or content.
 */
export function runVaultTask(file: string, key: Buffer, task: VaultTask, onProgress?: (done: number, total: number) => void): RunningTask {
  const keyCopy = new Uint8Array(key);
  const worker = new Worker(workerSource(workerMain), {
    eval: true,
    workerData: { modulePath, file, key: keyCopy, cipher: CIPHER, pageSize: NEW_VAULT_PAGE_SIZE, task, documentTables: DOCUMENT_TABLES },
  });
  keyCopy.fill(0);
  let stopped = false;
  const done = new Promise<TaskResult>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'result') resolve(message.result);
      else reject(taskError(message.code));
    });
    worker.on('error', (error) => reject(taskError(error.name)));
    worker.on('exit', () => reject(taskError(stopped ? 'STOPPED' : 'EXITED')));
  });
  // Callers that only need the side effect must not crash the process on a rejected task.
  done.catch(() => undefined);
  return {
    done,
    async stop() {
      stopped = true;
      await worker.terminate();
    },
  };
}

/**
 * Opens `file` with the vault key, inside a worker: serialised into it beside the worker's program
 * (see workerSource), so it uses only its arguments.
 */
function openKeyed(Database: typeof import('better-sqlite3-multiple-ciphers'), file: string, options: { readonly?: boolean; fileMustExist: boolean }, cipher: string, key: Uint8Array): import('better-sqlite3-multiple-ciphers').Database {
  const db = new Database(file, options);
  db.pragma(`cipher = '${cipher}'`);
  db.pragma('legacy = 0');
  const hex = '0123456789abcdef';
  const literal = Buffer.alloc(3 + key.length * 2);
  literal[0] = 0x78;
  literal[1] = 0x27;
  for (let i = 0; i < key.length; i++) {
    literal[2 + i * 2] = hex.charCodeAt(key[i]! >> 4);
    literal[3 + i * 2] = hex.charCodeAt(key[i]! & 15);
  }
  literal[literal.length - 1] = 0x27;
  try {
    db.key(literal);
  } finally {
    literal.fill(0);
  }
  // SQLite3MC does not encrypt temp files: sorts and temp tables stay in memory.
  db.pragma('temp_store = MEMORY');
  return db;
}
/** Defined by workerSource inside the worker only. */
declare const vaultOpenKeyed: typeof openKeyed;

/**
 * Gives the worker's thread the lowest CPU priority (nice 19), so background work takes a core
 * only when the thread answering calls and the window do not want it: on a 2-core machine the
 * check after unlock and record search's top rows slowed every page during their first minute.
 * Linux names each thread in /proc/thread-self and sets its priority alone; elsewhere the worker
 * keeps the normal priority. Serialised into the worker (see workerSource).
 */
function lowerThreadPriority(): void {
  try {
    const fs = vaultWorkerRequire('node:fs') as typeof import('node:fs');
    const os = vaultWorkerRequire('node:os') as typeof import('node:os');
    const thread = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) os.setPriority(thread, 19);
  } catch {
    // Not Linux, or not allowed: normal priority.
  }
}

/**
 * A worker's script: `main` called with `argument` (another serialised function, or nothing), at
 * the lowest priority. Compilers may rewrite a function with helpers that exist only in the
 * module they built (tsx and esbuild's keepNames wrap functions in __name(fn, 'name')), and
 * bundlers rename `require`; the worker therefore requires through a global of its own, set up here.
 */
function workerSource(main: (argument: never) => void, argument?: (...args: never[]) => void): string {
  return `${WORKER_PRELUDE}var vaultOpenKeyed = ${openKeyed.toString()};\n(${lowerThreadPriority.toString()})();\n(${main.toString()})(${argument ? argument.toString() : ''})`;
}

/** A program run on a reader's thread: serialised into it, so it uses only its arguments. */
export type ReaderProgram = (db: import('better-sqlite3-multiple-ciphers').Database, port: import('node:worker_threads').MessagePort) => void;

export interface VaultReader {
  post(message: unknown): void;
  /** Ends the worker; its connection, and the key SQLite holds, go with it. */
  stop(): Promise<void>;
  /** Settles when the worker has ended, for any reason. */
  readonly ended: Promise<void>;
}

/**
 * Starts a worker that opens `file` read-only with a copy of `key` (wiped once SQLite holds it)
 * and runs `program` with the connection and the worker's port, until stopped. For background
 * reading that would otherwise hold this thread, such as record search's top rows.
 */
export function runVaultReader(file: string, key: Buffer, program: ReaderProgram, onMessage: (message: unknown) => void): VaultReader {
  const keyCopy = new Uint8Array(key);
  const worker = new Worker(workerSource(readerMain, program), { eval: true, workerData: { modulePath, file, key: keyCopy, cipher: CIPHER } });
  keyCopy.fill(0);
  // A reader must not keep a closing process alive.
  worker.unref();
  worker.on('message', onMessage);
  const ended = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    // Reported by class only, as the other tasks do; the exit follows.
    worker.once('error', (error) => console.error(`[vault] background reader failed (${error.name})`));
  });
  return {
    post: (message) => worker.postMessage(message),
    stop: async () => {
      await worker.terminate();
    },
    ended,
  };
}

/** A reader worker's program around `program`: serialised into the worker (see workerSource). */
function readerMain(program: ReaderProgram): void {
  const { parentPort, workerData } = vaultWorkerRequire('node:worker_threads') as typeof import('node:worker_threads');
  const Database = vaultWorkerRequire(workerData.modulePath as string) as typeof import('better-sqlite3-multiple-ciphers');
  const data = workerData as { file: string; key: Uint8Array; cipher: string };
  try {
    // Read-only: background reading never writes the vault file.
    program(vaultOpenKeyed(Database, data.file, { readonly: true, fileMustExist: true }, data.cipher, data.key), parentPort!);
  } finally {
    data.key.fill(0);
  }
}

type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'result'; result: TaskResult } | { type: 'failed'; code: string };

/**
 * The worker's whole program. It is serialised into the worker, so it imports nothing and uses
 * only what it requires itself; keep it plain JavaScript in meaning.
 */
function workerMain(): void {
  const { parentPort, workerData } = vaultWorkerRequire('node:worker_threads') as typeof import('node:worker_threads');
  const crypto = vaultWorkerRequire('node:crypto') as typeof import('node:crypto');
  const Database = vaultWorkerRequire(workerData.modulePath as string) as typeof import('better-sqlite3-multiple-ciphers');
  type Db = import('better-sqlite3-multiple-ciphers').Database;
  const data = workerData as { file: string; key: Uint8Array; cipher: string; pageSize: number; task: VaultTask; documentTables: Record<string, string> };
  const port = parentPort!;

  const keyed = (file: string, options: { readonly?: boolean; fileMustExist: boolean }): Db => vaultOpenKeyed(Database, file, options, data.cipher, data.key);

  const tableNames = (db: Db): string[] =>
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];

  function check(db: Db): TaskResult {
    const tables = tableNames(db);
    let ok = true;
    for (let i = 0; i < tables.length && ok; i++) {
      port.postMessage({ type: 'progress', done: i, total: tables.length });
      const rows = db.prepare(`PRAGMA quick_check("${tables[i]!.replace(/"/g, '""')}")`).pluck().all();
      ok = rows.length === 1 && rows[0] === 'ok';
    }
    port.postMessage({ type: 'progress', done: tables.length, total: tables.length });
    return { kind: 'check', ok };
  }

  // The same formula as records/revisions.ts revisionHash (a test holds them together).
  const revisionHash = (row: Record<string, unknown>, content: unknown): string =>
    crypto
      .createHash('sha256')
      .update([row.prev_hash, row.entity, row.entity_id, String(row.version), row.at, content ?? 'null'].join('\n'))
      .digest('hex');
  // Records/revisions.ts DOCUMENT_TABLES: a revision with in_doc = 1 hashed its record's document.
  const documentTables = data.documentTables;
  /** What a revision row hashed, read from the damaged file: null when its document does not read. */
  const revisionContent = (source: Db, row: Record<string, unknown>): unknown => {
    if (row.in_doc !== 1) return row.content;
    const table = documentTables[String(row.entity)];
    if (!table) return null;
    try {
      return source.prepare(`SELECT doc FROM "${table}" WHERE id = ?`).pluck().get(row.entity_id) ?? null;
    } catch {
      return null;
    }
  };

  /**
   * Reads every row that still decrypts. SQLite3MC authenticates each page, so a damaged page
   * fails to read instead of returning altered data; a fresh cursor then seeks past it through
   * the table's interior pages (rowid tables) so the rows after it are still found.
   */
  function salvage(source: Db, targetFile: string): TaskResult {
    const counts: SalvageCounts = { copied: {}, lost: {}, unreadableTables: [], badRevisions: 0 };
    const schema = source.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as Array<{
      type: string;
      name: string;
      tbl_name: string;
      sql: string;
    }>;
    // FTS5 keeps its data in shadow tables (name_data, name_idx, …); the virtual table recreates
    // them and its rows are copied through the table itself. SQLite names them (a prefix would
    // also catch an ordinary table such as record_search_rows).
    const tableList = source.pragma('table_list') as Array<{ schema: string; name: string; type: string; wr: number }>;
    const shadowTables = new Set(tableList.filter((t) => t.schema === 'main' && t.type === 'shadow').map((t) => t.name));
    const isShadow = (name: string) => shadowTables.has(name);
    const withoutRowidTables = new Set(tableList.filter((t) => t.schema === 'main' && t.wr === 1).map((t) => t.name));
    const target = keyed(targetFile, { fileMustExist: false });
    // A new file, so it gets a new vault's page size (open.ts NEW_VAULT_PAGE_SIZE) before its first write.
    target.pragma(`page_size = ${Number(data.pageSize)}`);
    // The service fsyncs the finished file before it is renamed into place; no need per row.
    target.pragma('journal_mode = DELETE');
    target.pragma('synchronous = OFF');
    target.pragma('foreign_keys = OFF');
    const tables = schema.filter((s) => s.type === 'table' && !isShadow(s.name));
    target.transaction(() => {
      for (const s of tables) target.exec(s.sql);
    })();
    const total = tables.length;
    tables.forEach((table, index) => {
      port.postMessage({ type: 'progress', done: index, total });
      const name = table.name;
      const quoted = `"${name.replace(/"/g, '""')}"`;
      let columns: string[];
      try {
        columns = (source.pragma(`table_info(${quoted})`) as Array<{ name: string }>).map((c) => c.name);
      } catch {
        counts.unreadableTables.push(name);
        return;
      }
      const withoutRowid = withoutRowidTables.has(name);
      const list = [...(withoutRowid ? [] : ['rowid']), ...columns];
      const selected = list.map((c) => (c === 'rowid' ? 'rowid' : `"${c}"`)).join(', ');
      const insert = target.prepare(`INSERT INTO ${quoted} (${selected}) VALUES (${list.map(() => '?').join(', ')})`);
      let copied = 0;
      let lost = 0;
      const keep = (row: unknown[]) => {
        if (name === 'revisions') {
          const record = Object.fromEntries(list.map((c, i) => [c, row[i]]));
          const content = revisionContent(source, record);
          // Its content was its record's document, on a page that did not read: lost with it.
          if (record.in_doc === 1 && content === null) {
            lost++;
            return;
          }
          if (record.hash !== revisionHash(record, content)) {
            counts.badRevisions++;
            return;
          }
        }
        insert.run(...row);
        copied++;
      };
      if (withoutRowid) {
        // No rowid to seek past damage: keep what reads before the first bad page.
        try {
          const all = source.prepare(`SELECT ${selected} FROM ${quoted}`).raw();
          target.transaction(() => {
            for (const row of all.iterate() as Iterable<unknown[]>) keep(row);
          })();
        } catch {
          lost++;
        }
      } else {
        const one = source.prepare(`SELECT ${selected} FROM ${quoted} WHERE rowid = ?`).raw();
        const seek = source.prepare(`SELECT rowid FROM ${quoted} WHERE rowid >= ? ORDER BY rowid LIMIT 1`).pluck();
        /** The first rowid at or after `from`, null past the end, or 'damaged' when its page does not read. */
        const probe = (from: number): number | null | 'damaged' => {
          try {
            const found = seek.get(from);
            return found === undefined ? null : Number(found);
          } catch {
            return 'damaged';
          }
        };
        let maxRowid: number;
        try {
          maxRowid = Number(source.prepare(`SELECT max(rowid) FROM ${quoted}`).pluck().get() ?? 0);
        } catch {
          maxRowid = Number.MAX_SAFE_INTEGER;
        }
        /**
         * The next rowid at or after `from` that a seek can reach: when the seek lands on a damaged
         * page, probe further and further ahead, then back, to the first rowid past the damage.
         */
        const nextReachable = (from: number): number | null => {
          const first = probe(from);
          if (first !== 'damaged') return first;
          lost++;
          let bad = from;
          let step = 1;
          let good: { at: number; rowid: number } | null = null;
          while (good === null && from + step <= maxRowid) {
            const result = probe(from + step);
            if (result === null) return null;
            if (result === 'damaged') bad = from + step;
            else good = { at: from + step, rowid: result };
            step *= 2;
          }
          if (good === null) return null;
          while (good.at - bad > 1) {
            const mid: number = bad + Math.floor((good.at - bad) / 2);
            const result = probe(mid);
            if (result === 'damaged') bad = mid;
            else if (result === null) break;
            else good = { at: mid, rowid: result };
          }
          return good.rowid;
        };
        // Row by row, each read on its own: one unreadable row or page costs only itself.
        let batch: unknown[][] = [];
        const flush = target.transaction(() => {
          for (const row of batch) keep(row);
          batch = [];
        });
        let from = Number.MIN_SAFE_INTEGER;
        for (;;) {
          const rowid = nextReachable(from);
          if (rowid === null) break;
          try {
            const row = one.get(rowid) as unknown[] | undefined;
            if (row) batch.push(row);
          } catch {
            lost++;
          }
          if (batch.length >= 500) flush();
          from = rowid + 1;
        }
        flush();
      }
      counts.copied[name] = copied;
      if (lost > 0) counts.lost[name] = lost;
      if (copied === 0 && lost > 0) counts.unreadableTables.push(name);
    });
    target.transaction(() => {
      for (const s of schema) {
        if (s.type === 'table') continue;
        if (isShadow(s.tbl_name) || !tables.some((t) => t.name === s.tbl_name)) continue;
        try {
          target.exec(s.sql);
        } catch {
          // A unique index over rows the damage duplicated cannot be rebuilt; the rows stay.
        }
      }
    })();
    try {
      target.pragma(`user_version = ${Number(source.pragma('user_version', { simple: true }))}`);
    } catch {
      // Page 1 holds the version; without it the target keeps 0 and the app migrates it.
    }
    target.close();
    port.postMessage({ type: 'progress', done: total, total });
    return { kind: 'salvage', counts };
  }

  let db: Db | undefined;
  try {
    // Read-only: the vault file (damaged or not) is never written by background work.
    db = keyed(data.file, { readonly: true, fileMustExist: true });
    // Salvage keys its new file with the same key; the other tasks are done with it now.
    if (data.task.kind !== 'salvage') data.key.fill(0);
    let result: TaskResult;
    if (data.task.kind === 'backup') {
      db.prepare('VACUUM INTO ?').run(data.task.target);
      result = { kind: 'backup' };
    } else if (data.task.kind === 'check') {
      result = check(db);
    } else {
      result = salvage(db, data.task.target);
    }
    // Closed before the answer: a passphrase change waiting for this task must find no connection left.
    db.close();
    db = undefined;
    port.postMessage({ type: 'result', result });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    port.postMessage({ type: 'failed', code: typeof code === 'string' ? code : 'FAILED' });
  } finally {
    data.key.fill(0);
    db?.close();
  }
}
