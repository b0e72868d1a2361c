// Record search at 100,000 entries spent most of its time scoring: bm25 over every row that
// matched (tens of thousands for a common word, about a microsecond each), to show twenty.
// FTS5 itself walks those rows cheaply; only the scoring is dear. So, per common phrase, the rows
// that score highest for it alone are kept in memory (its "top rows") with the score no other row
// reaches (its bound). A query whose every phrase has top rows asks FTS5 to score only the union
// of those rows and of the rows changed since, and keeps the answer when its last row scores at
// least the sum of the bounds: no other row can then reach the top. Otherwise, and until the top
// rows are built, the query ranks every match, as before. What the kept scores prove, and how, is
// in kept-scores.ts; this module keeps, builds and stores them.
//
// Built after unlock from the index alone, on a worker thread with a read-only connection of its
// own (vault/background.ts runVaultReader): scoring every row of a common word takes hundreds of
// milliseconds at 100,000 entries, which on this thread held every call behind it. The lists are
// held in this process and the worker ends at lock; saves pay for a mark in memory and for
// clearing what the vault stores (noteRowChanged). The best rows of each common phrase are also
// stored in the vault when the builder is idle, for the searches made at the next unlock before
// the build (stored-top-rows.ts).
import { lowerBound } from '../sorted';
import type { ReaderProgram, VaultReader } from '../vault/background';
import type { VaultDatabase } from '../vault/open';
import { averages, averagesOf, totalsBlock } from './fts5-totals';
import { fromKept, listBound, topOf, type ScoredRow, type TopRows } from './kept-scores';
import { buildInWorker, type WorkerReply } from './top-rows-worker';
import { clearStoredTopRows, hasStoredTopRows, readStoredTopRows, STORED_ROWS, writeStoredTopRows, type StoredEntry, type StoredList } from './stored-top-rows';

/** Words held by this many rows or more get top rows at unlock; other phrases when searched for. */
const COMMON_ROWS = 2_000;
/**
 * FTS5 scores the candidates only when every phrase is held by at least this many rows: it still
 * walks every phrase's rows, which costs more than scoring a few thousand matches outright
 * (measured at 10,000 entries: 6–11 ms against 2–4 ms for the full ranking).
 */
const SCORED_FROM_ROWS = 8_000;
/**
 * How many rows each phrase keeps. More rows prove more queries of several words from kept scores
 * alone: at 100,000 entries, with 3,000, 22 of the 34 labelled queries were answered so.
 */
const TOP_ROWS = 3_000;
/**
 * How many rows a phrase keeps once a search used it and its top rows proved nothing: every row
 * below this many, so the next query of several words that uses it is answered from kept scores
 * (rows missing from a complete list do not match at all) instead of FTS5 walking every match.
 */
const DEEP_ROWS = 50_000;
/** Rows kept over all phrases (16 bytes each: rowid, score, rowid order); the phrases searched for longest ago go first. */
const MAX_KEPT_ROWS = 3_000_000;
/** Pause before asking the worker for the next phrase after a search asked for one. */
const GAP_MS = 5;
/** A phrase's top rows are built again after this many changed rows: its bound loosens with each. */
const STALE_AFTER_CHANGES = 500;
/** The lists are stored in the vault once no index write has come for this long (and the builder is idle). */
const STORE_AFTER_MS = 3_000;
/**
 * The build starts this long after unlock, even when a search asks for a phrase sooner, so the
 * first pages and searches do not wait behind it: opening the worker holds this thread for about
 * 8 ms, and the vocabulary it reads then takes the other core (at 100,000 entries a search right
 * after unlock brought it forward, and the calls after the search took 10–20 ms longer).
 */
const START_AFTER_MS = 1_000;

export interface TopRowsOptions {
  commonRows?: number;
  topRows?: number;
  deepRows?: number;
  scoredFromRows?: number;
  maxKeptRows?: number;
}

/**
 * Opens the worker that builds, with a read-only connection to the vault open on this connection;
 * null when the vault opens no more readers in this session (its file was rekeyed).
 */
export type OpenReader = (program: ReaderProgram, onMessage: (message: unknown) => void) => VaultReader | null;

/** What the worker is building: the vocabulary or a phrase, and the change count when asked. */
interface Job {
  phrase: string | null;
  since: number;
  depth: number;
}

interface State {
  options: Required<TopRowsOptions>;
  openReader: OpenReader;
  /** The worker, opened with the first job; null once it has ended (lock, or a passphrase change). */
  worker: VaultReader | null;
  ended: boolean;
  /** Changes seen (saves and deletions of indexed rows), and the last change of each row. */
  changes: number;
  changed: Map<number, number>;
  /** Another connection's commit invalidates everything (PRAGMA data_version moves). */
  dataVersion: number;
  /** Terms of the index with the rows holding each, sorted, once read; `vocabSince` as `since`. */
  vocab: { terms: string[]; docs: number[] } | null;
  vocabSince: number;
  /** By phrase, the one used longest ago first. */
  lists: Map<string, TopRows>;
  /** The phrases the vocabulary made common: the only ones stored in the vault. */
  common: Set<string>;
  /** Common words no other word began with when the vocabulary was read: each answers its prefix. */
  alone: Set<string>;
  /** What the vault stores, by phrase (a word answering its prefix is there twice); null until read. */
  storedEntries: Map<string, { entry: StoredEntry; since: number }> | null;
  /** The stored lists a search has needed, by phrase, and the oldest `since` of them all. */
  stored: Map<string, TopRows>;
  storedSince: number;
  /** The vault held a stored row it could not use (unreadable, or for other totals): replace it. */
  storeUnusable: boolean;
  storeTimer: NodeJS.Timeout | undefined;
  /**
   * Phrases a search has asked for (kept or not). Their lists are dropped for room only once no
   * list of a phrase nobody searched for is left: the build of the common terms after unlock
   * filled the room and dropped the lists of the searches made meanwhile, which were then ranked
   * in full and built again, and dropped again.
   */
  asked: Set<string>;
  keptRows: number;
  queue: string[];
  queued: Set<string>;
  /** Phrases to build with DEEP_ROWS rows rather than TOP_ROWS (see deepen). */
  deep: Set<string>;
  building: Job | null;
  timer: NodeJS.Timeout | undefined;
  /** No job is given before this time (performance.now()): START_AFTER_MS after the start. */
  notBefore: number;
  /** Queries answered from kept scores alone, from FTS5 scoring the candidates, or left to the full ranking. */
  counts: { kept: number; scored: number; declined: number };
}

const states = new WeakMap<VaultDatabase, State>();

/** A row's search entry was written or removed: its kept scores may be wrong until rebuilt. */
export function noteRowChanged(db: VaultDatabase, row: number): void {
  clearStoredTopRows(db);
  const state = states.get(db);
  if (!state) return;
  state.changes += 1;
  state.changed.set(row, state.changes);
  storeSoon(db, state);
}

/** Forgets every phrase's top rows (the index was rebuilt and its rows renumbered, or the vault is closing). */
export function forgetTopRows(db: VaultDatabase): void {
  const state = states.get(db);
  if (state) {
    clearTimeout(state.timer);
    clearTimeout(state.storeTimer);
    void state.worker?.stop();
  }
  states.delete(db);
}

/**
 * Starts building top rows for the vault open on `db`: the index's vocabulary first, then every
 * common term as a whole word and as a prefix, on a worker while this connection stays open.
 */
export function startTopRows(db: VaultDatabase, openReader: OpenReader, options: TopRowsOptions = {}): void {
  forgetTopRows(db);
  const state: State = {
    options: {
      commonRows: options.commonRows ?? COMMON_ROWS,
      topRows: options.topRows ?? TOP_ROWS,
      deepRows: options.deepRows ?? DEEP_ROWS,
      scoredFromRows: options.scoredFromRows ?? SCORED_FROM_ROWS,
      maxKeptRows: options.maxKeptRows ?? MAX_KEPT_ROWS,
    },
    openReader,
    worker: null,
    ended: false,
    changes: 0,
    changed: new Map(),
    dataVersion: dataVersion(db),
    vocab: null,
    vocabSince: 0,
    lists: new Map(),
    common: new Set(),
    alone: new Set(),
    storedEntries: null,
    stored: new Map(),
    storedSince: Infinity,
    storeUnusable: false,
    storeTimer: undefined,
    asked: new Set(),
    keptRows: 0,
    queue: [],
    queued: new Set(),
    deep: new Set(),
    building: null,
    timer: undefined,
    notBefore: performance.now() + START_AFTER_MS,
    counts: { kept: 0, scored: 0, declined: 0 },
  };
  states.set(db, state);
  // Read now, at unlock, rather than by the first search: what the vault stores is up to 400 KB.
  readStore(db, state);
  schedule(db, state, 0);
}

/** One phrase of a query: its MATCH expression, and the alternatives it ORs (one, or two for đ). */
export interface QueryPhrase {
  expression: string;
  alternatives: string[];
}

type Ranker = (match: string, rows: number[], limit: number) => ScoredRow[];

/**
 * The top `limit` rows for the query, or null when top rows cannot prove them (not built yet, a
 * phrase too rare to need them, or a bound the candidates do not clear): the caller then ranks
 * every match. `rank` scores the given rows' matches exactly as a full ranking would.
 */
export function topRowsSearch(db: VaultDatabase, phrases: QueryPhrase[], match: string, limit: number, rank: Ranker): ScoredRow[] | null {
  const state = states.get(db);
  if (!state || phrases.length === 0) return null;
  for (const phrase of phrases) state.asked.add(phrase.expression);
  const answer = proven(db, state, phrases, match, limit, rank);
  state.counts[answer ? answer.by : 'declined'] += 1;
  if (answer?.by !== 'kept') for (const phrase of phrases) deepen(db, state, phrase.expression);
  return answer?.top ?? null;
}

/** How far the build is, and how queries were answered so far (tests and the benchmark). */
export function topRowsProgress(db: VaultDatabase): { vocabulary: boolean; phrases: number; keptRows: number; waiting: number; kept: number; scored: number; declined: number } | null {
  const state = states.get(db);
  if (!state) return null;
  const waiting = state.queue.length + (state.building ? 1 : 0);
  return { vocabulary: state.vocab !== null, phrases: state.lists.size, keptRows: state.keptRows, waiting, ...state.counts };
}

type Answer = { top: ScoredRow[]; by: 'kept' | 'scored' } | null;

function proven(db: VaultDatabase, state: State, phrases: QueryPhrase[], match: string, limit: number, rank: Ranker): Answer {
  if (dataVersion(db) !== state.dataVersion) {
    startTopRows(db, state.openReader, state.options);
    return null;
  }
  const kept: TopRows[] = [];
  let absent = false;
  let viaVocabulary = false;
  for (const phrase of phrases) {
    const found = resolve(db, state, phrase);
    if (found === 'missing') {
      request(db, state, phrase.expression);
      return null;
    }
    if (found === 'absent' || found.viaVocabulary) {
      viaVocabulary = true;
      // Rows changed since the vocabulary was read may hold words it did not: the phrase's own
      // top rows will not depend on it.
      if (state.changes > state.vocabSince) request(db, state, phrase.expression);
    }
    if (found === 'absent') absent = true;
    else kept.push(used(state, found.list));
  }
  const since = Math.min(viaVocabulary ? state.vocabSince : Infinity, ...kept.map((list) => list.since));
  if (since === state.changes) {
    const top = absent ? [] : fromKept(kept, limit);
    if (top) return { top, by: 'kept' };
  }
  // Lists read from the vault are too short for the candidates of several phrases to clear their
  // bounds: scoring them would only come before the full ranking (right after unlock at 100,000
  // entries, the searches' p95 rose from 29–37 to 45 ms).
  if (phrases.length > 1 && kept.some((list) => list.fromVault)) return null;
  // Rows changed since, or kept scores that prove nothing alone (a row missing from a list has an
  // unknown score there): FTS5 scores the kept rows and the changed ones; the bounds allow for
  // the change. Phrases changed since are built again, to be answered from kept scores next time.
  for (const list of kept) if (state.changes - list.since > 0) request(db, state, list.phrase);
  // Of a list kept deeper, only its top rows: the candidates stay a few thousand.
  const shallow = kept.map((list) => topOf(list, state.options.topRows));
  const candidates = new Set<number>();
  for (const [row, at] of state.changed) if (at > since) candidates.add(row);
  // A phrase no row held when the vocabulary was read matches only rows changed since.
  if (!absent) for (const list of shallow) for (const row of list.rows) candidates.add(row);
  // Walking every phrase and scoring the candidates must cost clearly less than scoring every match.
  const matches = absent ? Infinity : Math.min(...shallow.map((list) => list.df));
  if (matches < state.options.scoredFromRows || matches < 3 * candidates.size) return null;
  const top = rank(match, [...candidates], limit);
  // A phrase whose every row is kept (or absent): every match is a candidate.
  if (absent || shallow.some((list) => list.bound === 0)) return { top, by: 'scored' };
  if (top.length < limit) return null;
  const totals = averages(db);
  const bound = shallow.reduce((sum, list) => sum + listBound(list, state.changes - since, totals), 0);
  // FTS5's bm25 is negative, lower is better.
  return -top[limit - 1]!.score >= bound ? { top, by: 'scored' } : null;
}

/** Top rows found through the vocabulary hold only while no row changed since it was read. */
type Resolved = { list: TopRows; viaVocabulary: boolean } | 'missing' | 'absent';

/**
 * The top rows answering `phrase`: its own, or, from the vocabulary, for one-word alternatives:
 * absent, or the top rows of the one alternative present (a "d" typed also asks for "đ":
 * that form is often absent), or of its word when no other word starts with that prefix; and
 * when none of those is built yet, the list stored in the vault for the phrase.
 */
function resolve(db: VaultDatabase, state: State, phrase: QueryPhrase): Resolved {
  const own = state.lists.get(phrase.expression);
  if (own) return { list: own, viaVocabulary: false };
  const found = state.vocab ? throughVocabulary(state, phrase) : 'missing';
  if (found !== 'missing') return found;
  // Until a list is built for it: the one stored in the vault, if any. A stored list is shorter,
  // so it never stands in for a built one (measured: it made twice as many searches rank in full).
  const stored = storedList(db, state, phrase.expression);
  return stored ? { list: stored, viaVocabulary: false } : 'missing';
}

function throughVocabulary(state: State, phrase: QueryPhrase): Resolved {
  const words = phrase.alternatives.map((alternative) => vocabWords(state, alternative));
  if (words.some((found) => found === null)) return 'missing';
  const present = phrase.alternatives.filter((_, i) => words[i]!.length > 0);
  const held = words.flat() as Array<{ word: string; rows: number }>;
  if (held.length === 0) return 'absent';
  if (present.length > 1) return 'missing';
  const alternative = present[0]!;
  const alone = held.length === 1 ? state.lists.get(`"${held[0]!.word}"`) : undefined;
  const list = state.lists.get(alternative) ?? (alone && alternative.replace(/\*$/, '') === `"${held[0]!.word}"` ? alone : undefined);
  return list ? { list, viaVocabulary: true } : 'missing';
}

/**
 * The words of the vocabulary a one-word alternative matches (the word, or every word with the
 * prefix) with the rows holding each; null for a phrase of several words.
 */
function vocabWords(state: State, alternative: string): Array<{ word: string; rows: number }> | null {
  const vocab = state.vocab!;
  const parsed = /^"([^" ]+)"(\*?)$/.exec(alternative);
  if (!parsed) return null;
  const word = parsed[1]!;
  const prefix = parsed[2] === '*';
  const found: Array<{ word: string; rows: number }> = [];
  for (let at = lowerBound(vocab.terms, word); at < vocab.terms.length; at++) {
    const term = vocab.terms[at]!;
    if (prefix ? !term.startsWith(word) : term !== word) break;
    found.push({ word: term, rows: vocab.docs[at]! });
  }
  return found;
}


/** Asks for `phrase` to keep DEEP_ROWS rows, unless it keeps them (or all its rows) already. */
function deepen(db: VaultDatabase, state: State, phrase: string): void {
  const list = state.lists.get(phrase);
  if (state.deep.has(phrase) && (!list || list.depth >= state.options.deepRows || list.bound === 0)) return;
  state.deep.add(phrase);
  request(db, state, phrase);
}

function request(db: VaultDatabase, state: State, phrase: string): void {
  if (state.building?.phrase === phrase) return;
  if (state.queued.has(phrase)) {
    // Asked for by a person: build it before the common terms still waiting.
    const at = state.queue.indexOf(phrase);
    if (at > 0) state.queue.unshift(...state.queue.splice(at, 1));
    return;
  }
  state.queued.add(phrase);
  state.queue.unshift(phrase);
  schedule(db, state, GAP_MS);
}

function dataVersion(db: VaultDatabase): number {
  return db.pragma('data_version', { simple: true }) as number;
}

// ---------------------------------------------------------------------------------------------
// Stored in the vault (stored-top-rows.ts).

/**
 * The phrase's list as stored in the vault; undefined when none is. What the vault holds is read
 * once per state, each list's rows when a search first needs them.
 */
function storedList(db: VaultDatabase, state: State, phrase: string): TopRows | undefined {
  if (!state.storedEntries) readStore(db, state);
  const found = state.stored.get(phrase);
  if (found) return found;
  const ref = state.storedEntries!.get(phrase);
  if (!ref) return undefined;
  const { rows, scores } = ref.entry.read();
  const byRow = Int32Array.from(rows.keys()).sort((a, b) => rows[a]! - rows[b]!);
  const { phrase: own, bound, df, nRow, avgdl } = ref.entry;
  const list: TopRows = { phrase: own, rows, scores, byRow, bound, df, nRow, avgdl, since: ref.since, depth: rows.length, fromVault: true };
  state.stored.set(phrase, list);
  return list;
}

/**
 * Reads what the vault stores. Changes are counted from now: a list built `changesSince` changes
 * before the store counts as built that many changes ago, as nothing has written to the index
 * since the store; a word that answered its prefix alone did so as of the vocabulary's reading.
 */
function readStore(db: VaultDatabase, state: State): void {
  const stored = storedInVault(db);
  state.storeUnusable = stored === null && hasStoredTopRows(db);
  state.storedEntries = new Map();
  for (const [row, age] of stored?.changed ?? []) if (!state.changed.has(row)) state.changed.set(row, state.changes - age);
  for (const entry of stored?.lists.values() ?? []) {
    const since = state.changes - entry.changesSince;
    state.storedEntries.set(entry.phrase, { entry, since });
    if (entry.aloneChangesSince !== null) state.storedEntries.set(`${entry.phrase}*`, { entry, since: Math.min(since, state.changes - entry.aloneChangesSince) });
  }
  state.storedSince = Math.min(...[...state.storedEntries.values()].map((ref) => ref.since));
}

function storedInVault(db: VaultDatabase): ReturnType<typeof readStoredTopRows> {
  try {
    return readStoredTopRows(db, totalsBlock(db));
  } catch (error) {
    // Unreadable: the searches rank in full until the build, as without a store.
    console.error(`[core] stored search top rows could not be read (${error instanceof Error ? error.name : 'unknown'})`);
    return null;
  }
}

/** Stores the lists once index writes have paused for STORE_AFTER_MS. */
function storeSoon(db: VaultDatabase, state: State): void {
  clearTimeout(state.storeTimer);
  state.storeTimer = setTimeout(() => storeLists(db, state), STORE_AFTER_MS).unref();
}

/**
 * At lock: the lists, the vocabulary, the timers and the worker go with the connection. First,
 * if a save cleared what the vault held and saves had not paused long enough for storeSoon, the
 * lists are stored now: otherwise the next unlock's first searches of common words would rank in
 * full (30–70 ms at 100,000 entries) until the build. Whatever the builder is doing: a phrase not
 * built yet in this session keeps the list read from the vault at unlock. Not when the close may
 * not wait (panic, suspend).
 */
export function closeTopRows(db: VaultDatabase, { mayWait }: { mayWait: boolean }): void {
  const state = states.get(db);
  try {
    if (state && mayWait) storeLists(db, state, { atClose: true });
  } finally {
    forgetTopRows(db);
  }
}

/**
 * Writes the best rows of every common phrase's list to the vault, unless what it holds is
 * still exact (no index write cleared it) and was usable at unlock, the builder is busy (it
 * stores once idle; not at close, the last chance) or the vault is locked, writing or no longer
 * this state's.
 */
function storeLists(db: VaultDatabase, state: State, { atClose = false } = {}): void {
  // At close, a timer still pending would keep the state (every word of the index) reachable.
  clearTimeout(state.storeTimer);
  state.storeTimer = undefined;
  if (states.get(db) !== state || !db.open || state.ended || !state.vocab) return;
  if (!atClose && (state.building || state.queue.length > 0)) return;
  if (db.inTransaction) {
    if (!atClose) storeSoon(db, state);
    return;
  }
  try {
    const totals = totalsBlock(db);
    if (!totals || (hasStoredTopRows(db) && !state.storeUnusable)) return;
    const lists: StoredList[] = [];
    for (const phrase of state.common) {
      const list = state.lists.get(phrase) ?? storedList(db, state, phrase);
      // A phrase is stored only while a record holds it: a row kept for it and unchanged since.
      if (!list || !list.rows.some((row) => (state.changed.get(row) ?? -Infinity) <= list.since)) continue;
      const top = topOf(list, STORED_ROWS);
      const aloneChangesSince = state.alone.has(phrase) ? state.changes - state.vocabSince : null;
      lists.push({ phrase, rows: top.rows, scores: top.scores, bound: top.bound, df: top.df, nRow: top.nRow, avgdl: top.avgdl, changesSince: state.changes - top.since, aloneChangesSince });
    }
    if (lists.length === 0) return;
    const oldest = state.changes - Math.max(...lists.map((list) => Math.max(list.changesSince, list.aloneChangesSince ?? 0)));
    const changed: Array<[number, number]> = [];
    for (const [row, at] of state.changed) if (at > oldest) changed.push([row, state.changes - at]);
    writeStoredTopRows(db, totals, { lists, changed });
    state.storeUnusable = false;
  } catch (error) {
    // Searches at the next unlock rank in full until the build, as without a store.
    console.error(`[core] search top rows could not be stored (${error instanceof Error ? error.name : 'unknown'})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Building: the jobs given to the worker (top-rows-worker.ts) and the lists it sends back.

function schedule(db: VaultDatabase, state: State, delayMs: number): void {
  clearTimeout(state.timer);
  // Must not keep a test run or a closing server alive; lock drops it with the connection.
  state.timer = setTimeout(() => next(db, state), Math.max(delayMs, state.notBefore - performance.now())).unref();
}

/** Gives the worker its next job unless it has one: the vocabulary first, then the queue. */
function next(db: VaultDatabase, state: State): void {
  state.timer = undefined;
  if (states.get(db) !== state || !db.open || state.ended || state.building) return;
  // Changes of a transaction still open are counted but not yet readable by the worker: wait.
  if (db.inTransaction) return schedule(db, state, GAP_MS);
  let phrase: string | null = null;
  if (state.vocab) {
    if (state.queue.length === 0 && !requeueStale(state)) return storeLists(db, state);
    phrase = state.queue.shift()!;
    state.queued.delete(phrase);
  }
  const worker = state.worker ?? openWorker(db, state);
  if (!worker) return;
  const depth = phrase !== null && state.deep.has(phrase) ? state.options.deepRows : state.options.topRows;
  state.building = { phrase, since: state.changes, depth };
  worker.post(phrase === null ? { type: 'vocabulary' } : { type: 'phrase', phrase, topRows: depth });
}

function openWorker(db: VaultDatabase, state: State): VaultReader | null {
  let worker: VaultReader | null;
  try {
    worker = state.openReader(buildInWorker, (message) => received(db, state, message as WorkerReply));
  } catch (error) {
    // Locked meanwhile, or no worker could start: searches rank in full, as before the build.
    state.ended = true;
    console.error(`[core] search top rows could not start (${error instanceof Error ? error.name : 'unknown'})`);
    return null;
  }
  // After a passphrase change, or ended by lock or before one: what is kept still answers; nothing
  // more is built until the next unlock.
  if (!worker) {
    state.ended = true;
    return null;
  }
  state.worker = worker;
  void worker.ended.then(() => {
    if (state.worker !== worker) return;
    state.worker = null;
    state.building = null;
    state.ended = true;
  });
  return worker;
}

function received(db: VaultDatabase, state: State, reply: WorkerReply): void {
  const job = state.building;
  if (states.get(db) !== state || !job) return;
  state.building = null;
  if (reply.type === 'failed') {
    // Logged by code only: messages can quote the index. Searches rank in full from then on.
    console.error(`[core] search top rows failed (${reply.code})`);
    state.ended = true;
    return;
  }
  if (reply.type === 'vocabulary') keepVocabulary(state, reply, job.since);
  else keepList(state, reply, job);
  schedule(db, state, 0);
}

/**
 * Keeps the index's terms and queues each common one whole, and as a prefix when other words start
 * with it: the words held by the most rows first, as a search for them ranked in full costs most
 * (about a microsecond a row) until their top rows are built.
 */
function keepVocabulary(state: State, vocab: { terms: string[]; docs: number[] }, since: number): void {
  state.vocab = { terms: vocab.terms, docs: vocab.docs };
  state.vocabSince = since;
  const { terms, docs } = vocab;
  const common = [...terms.keys()].filter((i) => docs[i]! >= state.options.commonRows).sort((a, b) => docs[b]! - docs[a]!);
  for (const i of common) {
    const term = terms[i]!;
    // A word typed last is a prefix; alone, it is answered by the word's own top rows (see resolve).
    if (terms[i + 1]?.startsWith(term)) enqueueCommon(state, `"${term}"*`);
    else state.alone.add(`"${term}"`);
    enqueueCommon(state, `"${term}"`);
  }
}

function keepList(state: State, reply: Extract<WorkerReply, { type: 'phrase' }>, job: Job): void {
  const { nRow, avgdl } = averagesOf(reply.totals);
  const list: TopRows = { phrase: reply.phrase, rows: reply.rows, scores: reply.scores, byRow: reply.byRow, bound: reply.bound, df: reply.df, nRow, avgdl, since: job.since, depth: job.depth };
  const replaced = state.lists.get(list.phrase);
  state.keptRows += list.rows.length - (replaced?.rows.length ?? 0);
  state.lists.delete(list.phrase);
  state.lists.set(list.phrase, list);
  // For room: the lists no search asked for first, then those used longest ago.
  dropWhileOver(state, (phrase) => !state.asked.has(phrase));
  dropWhileOver(state, () => true);
}

/** Drops lists whose phrase passes `droppable`, the ones used longest ago first, until the kept rows fit. */
function dropWhileOver(state: State, droppable: (phrase: string) => boolean): void {
  for (const [phrase, list] of state.lists) {
    if (state.keptRows <= state.options.maxKeptRows) return;
    if (!droppable(phrase)) continue;
    state.lists.delete(phrase);
    state.deep.delete(phrase);
    state.asked.delete(phrase);
    state.keptRows -= list.rows.length;
  }
}

function enqueueCommon(state: State, phrase: string): void {
  state.common.add(phrase);
  enqueue(state, phrase);
}

function enqueue(state: State, phrase: string): void {
  if (state.queued.has(phrase) || state.lists.has(phrase)) return;
  state.queued.add(phrase);
  state.queue.push(phrase);
}

/** Queues again the phrases whose top rows many changes have loosened; true if any. */
function requeueStale(state: State): boolean {
  for (const [phrase, list] of state.lists) if (state.changes - list.since > STALE_AFTER_CHANGES) enqueue(state, phrase);
  pruneChanged(state);
  return state.queue.length > 0;
}

/** Drops change marks older than every list's build: no query reads them any more. */
function pruneChanged(state: State): void {
  const oldest = Math.min(state.vocabSince, state.storedSince, ...[...state.lists.values()].map((list) => list.since));
  for (const [row, at] of state.changed) if (at <= oldest) state.changed.delete(row);
}

/** Marks the list used now, so the lists used longest ago are the ones dropped. */
function used(state: State, list: TopRows): TopRows {
  // Answering for another phrase (through the vocabulary), it is a searched-for list too.
  state.asked.add(list.phrase);
  if (state.lists.get(list.phrase) === list) {
    state.lists.delete(list.phrase);
    state.lists.set(list.phrase, list);
  }
  return list;
}
