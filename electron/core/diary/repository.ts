// The only place the diary's SQL lives.
import type { z } from 'zod';
import type { AttachmentMeta, Company, CompanySummary, DueItem, Engagement, EngagementFilter, EngagementRow, InterfaceLanguage } from '@shared/api/diary';
import type { VaultDatabase } from '../vault/open';
import { canonicalJson } from '../records/canonical';
import { addDays } from './rules';
import { readTextFilter } from './text-filter';

/** The filter after the contract filled in its defaults. */
/** The list filter, with the ids the search index matched for typed text (see DiaryService). */
type Filter = z.output<typeof EngagementFilter> & { textMatches?: string[] | undefined };

export function insertOrReplaceCompany(db: VaultDatabase, company: Company): void {
  db.prepare(
    `INSERT INTO companies (id, name, sector, hq_country, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, sector = excluded.sector, hq_country = excluded.hq_country,
       doc = excluded.doc, updated_at = excluded.updated_at`,
  ).run(company.id, company.name, company.sector, company.hqCountry, canonicalJson(company), company.createdAt, company.updatedAt);
}

export function findCompany(db: VaultDatabase, id: string): Company | undefined {
  const row = db.prepare('SELECT doc FROM companies WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Company) : undefined;
}

export function deleteCompanyRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM companies WHERE id = ?').run(id);
}

export function countEngagementsOf(db: VaultDatabase, companyId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM engagements WHERE company_id = ?').get(companyId) as { n: number }).n;
}

/**
 * Every company with its counts, each read from the counts migration 015 keeps (entries per
 * company, open commitments per company and due month) plus one seek or one short index range per
 * company: the latest entry, and the commitments falling due earlier this month. The cost follows
 * the number of companies, never the number of entries or commitments.
 */
export function companySummaries(db: VaultDatabase, today: string): CompanySummary[] {
  const { months, edges } = splitDays('', today);
  // Overdue is everything dated before today: whole months from the counts, then this month's days.
  const edgeCount = edges
    .map(() => "(SELECT count(*) FROM commitments m WHERE m.company_id = c.id AND m.status = 'open' AND m.due_date >= ? AND m.due_date < ?)")
    .join(' + ');
  return db
    .prepare(
      `SELECT c.id, c.name, c.sector, c.hq_country AS hqCountry,
         coalesce((SELECT t.n FROM company_engagement_counts t WHERE t.company_id = c.id), 0) AS engagements,
         (SELECT max(e.occurred_at) FROM engagements e WHERE e.company_id = c.id) AS lastEngagementAt,
         coalesce((SELECT sum(o.n) FROM open_item_counts o WHERE o.kind = 'commitment' AND o.company_id = c.id), 0) AS openCommitments,
         coalesce((SELECT sum(o.n) FROM open_item_counts o WHERE o.kind = 'commitment' AND o.company_id = c.id AND o.month >= ? AND o.month < ?), 0)
           ${edgeCount ? `+ ${edgeCount}` : ''} AS overdueCommitments
       FROM companies c ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(...(months ?? ['', '']), ...edges.flat()) as CompanySummary[];
}

/** The first month after a 'YYYY-MM' month. */
function nextMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(index + 1).padStart(2, '0')}`;
}

/** Below every real due month and above '', the bucket of items with no due date. */
const FIRST_MONTH = '0000-00';

/**
 * A span of due days [from, to) as the whole months inside it (counted from open_item_counts) and
 * the days at either edge (counted from the due indexes, at most a month each). `from` '' means
 * every dated item before `to`. Months are compared as 'YYYY-MM' text.
 */
export function splitDays(from: string, to: string): { months: [string, string] | null; edges: Array<[string, string]> } {
  const firstWhole = from === '' ? FIRST_MONTH : from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const endMonth = to.slice(0, 7);
  if (firstWhole >= endMonth) return { months: null, edges: [[from, to]] };
  const edges: Array<[string, string]> = [];
  if (from !== '' && !from.endsWith('-01')) edges.push([from, `${firstWhole}-01`]);
  if (!to.endsWith('-01')) edges.push([`${endMonth}-01`, to]);
  return { months: [firstWhole, endMonth], edges };
}

/**
 * Writes the engagement and the rows derived from it (tags, commitments, follow-ups). The derived
 * rows hold only what queries read (migration 019): an item's words and owner only while it is
 * open, since the due list, which shows only open items, is their one reader.
 */
export function insertOrReplaceEngagement(db: VaultDatabase, engagement: Engagement): void {
  deleteTagRows(db, engagement.id);
  db.prepare(
    `INSERT INTO engagements (id, company_id, occurred_at, channel, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET company_id = excluded.company_id, occurred_at = excluded.occurred_at, channel = excluded.channel,
       doc = excluded.doc`,
  ).run(engagement.id, engagement.companyId, engagement.occurredAt, engagement.channel, canonicalJson(engagement));
  for (const table of ['commitments', 'follow_ups']) {
    db.prepare(`DELETE FROM ${table} WHERE engagement_id = ?`).run(engagement.id);
  }
  const tag = db.prepare('INSERT OR IGNORE INTO engagement_tags (engagement_id, tag) VALUES (?, ?)');
  for (const name of engagement.tags) tag.run(engagement.id, name);
  const commitment = db.prepare('INSERT INTO commitments (id, engagement_id, company_id, text, owner, due_date, status) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const c of engagement.commitments) {
    const open = c.status === 'open';
    commitment.run(c.id, engagement.id, engagement.companyId, open ? c.text : '', open ? c.owner : '', c.dueDate, c.status);
  }
  const followUp = db.prepare('INSERT INTO follow_ups (id, engagement_id, company_id, text, owner, due_date, done) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of engagement.followUps) followUp.run(f.id, engagement.id, engagement.companyId, f.done ? '' : f.text, f.done ? '' : f.owner, f.dueDate, f.done ? 1 : 0);
}

export function findEngagement(db: VaultDatabase, id: string): Engagement | undefined {
  const row = db.prepare('SELECT doc FROM engagements WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Engagement) : undefined;
}

export function engagementIdOfCommitment(db: VaultDatabase, commitmentId: string): string | undefined {
  const row = db.prepare('SELECT engagement_id AS id FROM commitments WHERE id = ?').get(commitmentId) as { id: string } | undefined;
  return row?.id;
}

export function deleteEngagementRow(db: VaultDatabase, id: string): void {
  deleteTagRows(db, id);
  db.prepare('DELETE FROM engagements WHERE id = ?').run(id);
}

/**
 * Removes an entry's tag rows, found by the tags its stored document names. Tag rows are keyed by
 * (tag, entry) alone (migration 019): the tag filter and the tag list read them in that order, and
 * a list row reads its tags from its document, so no index by entry is kept. Call it before the
 * document is replaced or deleted.
 */
function deleteTagRows(db: VaultDatabase, id: string): void {
  db.prepare(`DELETE FROM engagement_tags WHERE engagement_id = @id AND tag IN (SELECT value FROM json_each((SELECT doc FROM engagements WHERE id = @id), '$.tags'))`).run({ id });
}

/** Each connection's company orders as holdCompanyOrder last wrote them, as JSON per language. */
const heldOrders = new WeakMap<VaultDatabase, Map<InterfaceLanguage, string>>();

/**
 * Makes this connection's company order for `language` hold `ids`: every company, in that
 * language's name order (see records/collation.ts). SQLite cannot index that order (NOCASE knows
 * only ASCII; better-sqlite3 registers no collations), so core sorts the few companies itself and
 * keeps the result where a join can walk it in order: a temp table, held in memory
 * (temp_store=MEMORY, so never written to disk unencrypted) and seen only by this connection.
 * Walking its primary key (language, pos), then each company's (company_id, occurred_at, id)
 * index, reads a page in order and stops at its LIMIT. A json_each of the ids is read in order
 * too, but SQLite does not know it is, and sorts every entry of each company it passes.
 * Rewrites the rows only when the order changed. Call it outside any transaction: a rollback
 * would undo the rows this module records as held.
 */
export function holdCompanyOrder(db: VaultDatabase, language: InterfaceLanguage, ids: readonly string[]): void {
  const json = JSON.stringify(ids);
  let held = heldOrders.get(db);
  if (held?.get(language) === json) return;
  if (db.inTransaction) throw new Error('holdCompanyOrder must run outside a transaction');
  db.transaction(() => {
    db.exec(
      `CREATE TEMP TABLE IF NOT EXISTS company_order (language TEXT NOT NULL, pos INTEGER NOT NULL, company_id TEXT NOT NULL, PRIMARY KEY (language, pos)) WITHOUT ROWID;
       CREATE UNIQUE INDEX IF NOT EXISTS temp.company_order_by_company ON company_order (language, company_id);`,
    );
    db.prepare('DELETE FROM temp.company_order WHERE language = ?').run(language);
    db.prepare('INSERT INTO temp.company_order (language, pos, company_id) SELECT ?, key, value FROM json_each(?)').run(language, json);
  })();
  if (!held) heldOrders.set(db, (held = new Map()));
  held.set(language, json);
}

/** A company's place in the held order of the filter's language, if it is in it. */
function companyPosition(db: VaultDatabase, filter: Filter, companyId: string): number | undefined {
  const row = db.prepare('SELECT pos FROM temp.company_order WHERE language = ? AND company_id = ?').get(filter.locale, companyId) as { pos: number } | undefined;
  return row?.pos;
}

/** Every company's id and name, for core to put in a language's order. */
export function companyList(db: VaultDatabase): Array<{ id: string; name: string }> {
  return db.prepare('SELECT id, name FROM companies').all() as Array<{ id: string; name: string }>;
}

interface ListOrder {
  /** ORDER BY, always ending in a unique key so pages never overlap or skip. */
  orderBy: string;
  /** The columns of a row's cursor, in order. */
  keys: string[];
  /**
   * The rows after a cursor's keys, as ranges read one after another until the page is full, each
   * bounding an index (an OR of them would walk every row before the cursor). Null when the
   * cursor's row has no place in the order any more.
   */
  after: (keys: string[], db: VaultDatabase, filter: Filter) => Array<{ where: string; params: unknown[] }> | null;
  /** The rows before the first entry of a day (for jumps to a date): the day's position. */
  beforeDay: string;
  /** How companies are joined; CROSS JOIN keeps the company order as the outer loop for the company sort. */
  from: string;
  /** A condition the join needs, and its parameters. */
  scope?: (filter: Filter) => { where: string; params: unknown[] };
}

/**
 * In the date orders, ties between entries of the same minute are broken by the row's rowid (the
 * order entries were first saved), which every index already ends with, so the date and channel
 * indexes need not repeat the 36-character entry id (migration 019). An upsert keeps an entry's
 * rowid, and the live vault is never VACUUMed (only copied with VACUUM INTO), so a cursor's rowid
 * names the same entry. In a cursor it is text, like every key; anything but a plain positive
 * integer is no position. The company order keeps the id: its index also serves the ledger's join
 * to commitments, which needs the id without reading each entry's row.
 */
const ENTRY_KEY = 'CAST(e.rowid AS TEXT)';
const entryKey = (key: string | undefined): number | null => (key !== undefined && /^[1-9][0-9]{0,14}$/.test(key) ? Number(key) : null);

function afterEntry(keys: string[], direction: '<' | '>'): Array<{ where: string; params: unknown[] }> | null {
  const entry = entryKey(keys[1]);
  return entry === null ? null : [{ where: `(e.occurred_at, e.rowid) ${direction} (?, ?)`, params: [keys[0], entry] }];
}

const ORDERS: Record<Filter['sort'], ListOrder> = {
  newest: {
    orderBy: 'e.occurred_at DESC, e.rowid DESC',
    keys: ['e.occurred_at', ENTRY_KEY],
    after: (keys) => afterEntry(keys, '<'),
    beforeDay: 'e.occurred_at >= ?',
    from: 'engagements e JOIN companies c ON c.id = e.company_id',
  },
  oldest: {
    orderBy: 'e.occurred_at ASC, e.rowid ASC',
    keys: ['e.occurred_at', ENTRY_KEY],
    after: (keys) => afterEntry(keys, '>'),
    beforeDay: 'e.occurred_at < ?',
    from: 'engagements e JOIN companies c ON c.id = e.company_id',
  },
  // Companies in the reader's name order (holdCompanyOrder), then each one's entries newest first.
  // The cursor names the company, not its place, so a page after a rename or a new company
  // continues after the same company.
  company: {
    orderBy: 'o.pos, e.occurred_at DESC, e.id DESC',
    keys: ['e.company_id', 'e.occurred_at', 'e.id'],
    // The rest of the cursor's company from its index, then the companies after it.
    after: ([company, at, entry], db, filter) => {
      const pos = companyPosition(db, filter, company!);
      if (pos === undefined) return null;
      return [
        { where: 'o.pos = ? AND (e.occurred_at, e.id) < (?, ?)', params: [pos, at!, entry!] },
        { where: 'o.pos > ?', params: [pos] },
      ];
    },
    beforeDay: '',
    // Walk the held order, then each company's entries through its index, already in order.
    from: 'temp.company_order o CROSS JOIN companies c ON c.id = o.company_id CROSS JOIN engagements e ON e.company_id = o.company_id',
    scope: (filter) => ({ where: 'o.language = ?', params: [filter.locale] }),
  },
};

/** The filter's conditions and the order's own, with their parameters. */
function orderedClause(filter: Filter): { where: string[]; params: unknown[] } {
  const { where, params } = filterClause(filter);
  const scope = ORDERS[filter.sort].scope?.(filter);
  return scope ? { where: [scope.where, ...where], params: [...scope.params, ...params] } : { where, params };
}

function filterClause(filter: Filter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.companyId) add('e.company_id = ?', filter.companyId);
  if (filter.channel) add('e.channel = ?', filter.channel);
  // IN (…) lets the planner start from the tag's or the status's index when that is the smaller side.
  if (filter.tag) add('e.id IN (SELECT t.engagement_id FROM engagement_tags t WHERE t.tag = ?)', filter.tag);
  if (filter.status) add('e.id IN (SELECT m.engagement_id FROM commitments m WHERE m.status = ?)', filter.status);
  if (filter.from) add('e.occurred_at >= ?', filter.from);
  if (filter.to) add('e.occurred_at < ?', addDays(filter.to, 1));
  if (filter.ids) {
    // Each id is a primary-key lookup; an empty list matches nothing.
    where.push(filter.ids.length ? `e.id IN (${filter.ids.map(() => '?').join(', ')})` : '0');
    params.push(...filter.ids);
  }
  const typed = filter.q ? readTextFilter(filter.q) : null;
  if (typed?.kind === 'dates') {
    add('e.occurred_at >= ?', typed.from);
    add('e.occurred_at < ?', typed.to);
  } else if (typed) {
    // One set of ids, each part from an index: the entries of companies whose name contains the
    // text (companies are few), entries with a tag starting with it, and the search index's word
    // matches. Never a scan of the entries themselves, whose rows carry the whole document.
    where.push(
      `e.id IN (SELECT m.id FROM engagements m WHERE m.company_id IN (SELECT c2.id FROM companies c2 WHERE c2.name LIKE ? ESCAPE '\\')
        UNION SELECT t.engagement_id FROM engagement_tags t WHERE t.tag >= ? AND t.tag < ?
        UNION SELECT value FROM json_each(?))`,
    );
    params.push(typed.pattern, typed.text, `${typed.text}\u{10FFFF}`, JSON.stringify(filter.textMatches ?? []));
  }
  return { where, params };
}

// The title and tags come from the document in the same row, read only for the rows of the page.
const ROW_COLUMNS = `e.id, e.occurred_at AS occurredAt, e.company_id AS companyId, c.name AS companyName, e.channel, e.doc ->> '$.title' AS title,
  coalesce(e.doc -> '$.tags', '[]') AS tags,
  (SELECT count(*) FROM commitments m WHERE m.engagement_id = e.id AND m.status = 'open') AS openCommitments,
  (SELECT count(*) FROM commitments m WHERE m.engagement_id = e.id) AS commitments`;

type RawRow = Omit<EngagementRow, 'tags'> & { tags: string; cursorKeys: string };

/** Entries matching the filter in full, counted over the index the filter uses. */
export function countEngagements(db: VaultDatabase, filter: Filter): number {
  const { where, params } = filterClause(filter);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return (db.prepare(`SELECT count(*) AS n FROM engagements e ${clause}`).get(...params) as { n: number }).n;
}

/** The number of filtered entries before the first entry of `day` in the sort order. */
export function positionOfDay(db: VaultDatabase, filter: Filter, day: string): number {
  const order = ORDERS[filter.sort];
  if (!order.beforeDay) return 0;
  const { where, params } = filterClause(filter);
  // Newest first: everything after the day comes before it; oldest first: everything before it.
  const bound = filter.sort === 'newest' ? addDays(day, 1) : day;
  where.push(order.beforeDay);
  params.push(bound);
  return (db.prepare(`SELECT count(*) AS n FROM engagements e WHERE ${where.join(' AND ')}`).get(...params) as { n: number }).n;
}

/**
 * One page of list rows: after the cursor if given, else from `offset`. Null when the cursor's row
 * no longer has a place in the order (its company is gone). The company sort reads the order
 * holdCompanyOrder left for the filter's language.
 */
export function engagementPage(db: VaultDatabase, filter: Filter, after: string[] | null, offset: number, limit: number): { rows: EngagementRow[]; lastKeys: string[] | null } | null {
  const order = ORDERS[filter.sort];
  // A jump to a position finds that row's keys first with an index-only walk (the ORDER BY's index
  // holds every key column), then reads one page after them like any other page.
  let cursor = after;
  if (!cursor && offset > 0) {
    cursor = keysAt(db, filter, offset - 1);
    if (!cursor) return { rows: [], lastKeys: null };
  }
  const { where, params } = orderedClause(filter);
  const ranges = cursor ? order.after(cursor, db, filter) : [{ where: '', params: [] }];
  if (!ranges) return null;
  const rows: RawRow[] = [];
  for (const range of ranges) {
    if (rows.length >= limit) break;
    const conditions = range.where ? [...where, range.where] : where;
    const clause = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    rows.push(
      ...(db
        .prepare(
          `SELECT ${ROW_COLUMNS}, json_array(${order.keys.join(', ')}) AS cursorKeys
             FROM ${order.from} ${clause}
            ORDER BY ${order.orderBy} LIMIT ?`,
        )
        .all(...params, ...range.params, limit - rows.length) as RawRow[]),
    );
  }
  const last = rows.at(-1);
  return {
    rows: rows.map(({ cursorKeys: _keys, tags, ...row }) => ({ ...row, tags: JSON.parse(tags) as string[] })),
    lastKeys: last ? (JSON.parse(last.cursorKeys) as string[]) : null,
  };
}

function keysAt(db: VaultDatabase, filter: Filter, position: number): string[] | null {
  const order = ORDERS[filter.sort];
  const { where, params } = orderedClause(filter);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Companies are joined only when the sort needs their order.
  const from = filter.sort === 'company' ? order.from : 'engagements e';
  const row = db
    .prepare(`SELECT json_array(${order.keys.join(', ')}) AS keys FROM ${from} ${clause} ORDER BY ${order.orderBy} LIMIT 1 OFFSET ?`)
    .get(...params, position) as { keys: string } | undefined;
  return row ? (JSON.parse(row.keys) as string[]) : null;
}

/** The number of cursor keys for a sort order. */
export function cursorLength(sort: Filter['sort']): number {
  return ORDERS[sort].keys.length;
}

/** Every tag once, in no particular order: the service sorts them in the reader's language. */
export function allTags(db: VaultDatabase): string[] {
  return db.prepare('SELECT DISTINCT tag FROM engagement_tags').pluck().all() as string[];
}

type DueRow = Omit<DueItem, 'overdue' | 'companyName' | 'companyId'> & { companyId: string };

/** A draft's company for the due list: the first of its companies by id, '' when it names none (sorted first, never null, so the cursor compares). */
const DRAFT_COMPANY = "coalesce((SELECT min(sc.company_id) FROM submission_companies sc WHERE sc.submission_id = s.id), '')";

/**
 * The right-of-reply letters as the due list needs them, as JSON arrays to bind: the ids of letters
 * already sent (their deadline is the company's reply, not our filing) and, for letters awaiting a
 * reply, [id, reply deadline, sent on]. Their dates live in the drafts' documents, so they are read
 * once per answer of the dashboard rather than by every one of its statements.
 */
export interface ReplyLetters {
  sent: string;
  awaiting: string;
}

export function replyLetters(db: VaultDatabase): ReplyLetters {
  const rows = db
    .prepare(
      `SELECT id, json_extract(doc, '$.fields.sentOn') AS sentOn, json_extract(doc, '$.fields.replyDeadline') AS due,
              json_extract(doc, '$.fields.replyEngagementId') AS reply
         FROM submissions WHERE route = 'rightOfReply' AND status <> 'outcome'`,
    )
    .all() as Array<{ id: string; sentOn: string | null; due: string | null; reply: string | null }>;
  const sent = rows.filter((row) => row.sentOn !== null);
  return {
    sent: JSON.stringify(sent.map((row) => row.id)),
    awaiting: JSON.stringify(sent.filter((row) => row.due !== null && row.reply === null).map((row) => [row.id, row.due, row.sentOn])),
  };
}

/**
 * The submission drafts that fall due, as three row sources, disjoint so no draft is listed twice:
 * - a draft still to file, by its filing deadline (the partial index `submissions_due`);
 * - a draft filed or acknowledged before its deadline, listed with "filed on" until the deadline
 *   passes (`@today` keeps it out of the overdue range: a filed draft is never overdue); an
 *   outcome closes it;
 * - a sent right-of-reply letter awaiting the company's reply, by the reply deadline, overdue once
 *   it passes; logging the reply or an outcome closes it.
 * With `cursor`, each source starts after (@d, @c, @i) in the list's order.
 */
function draftBranches(cursor: boolean): string {
  const after = (date: string) => (cursor ? `AND (${date}, ${DRAFT_COMPANY}, s.id) > (@d, @c, @i)` : '');
  const notSent = 's.id NOT IN (SELECT value FROM json_each(@sent))';
  return `
       SELECT 'filing', s.id, NULL, s.id, ${DRAFT_COMPANY}, s.title, '', s.filing_deadline, NULL
         FROM submissions s
        WHERE s.filing_deadline IS NOT NULL AND s.status IN ('drafting', 'internalReview') AND s.filing_deadline >= @from AND s.filing_deadline < @to
          AND ${notSent} ${after('s.filing_deadline')}
       UNION ALL
       SELECT 'filing', s.id, NULL, s.id, ${DRAFT_COMPANY}, s.title, '', s.filing_deadline, json_extract(s.doc, '$.filedOn')
         FROM submissions s
        WHERE s.status IN ('filed', 'acknowledged') AND s.filing_deadline >= max(@from, @today) AND s.filing_deadline < @to
          AND ${notSent} ${after('s.filing_deadline')}
       UNION ALL
       SELECT 'reply', s.id, NULL, s.id, ${DRAFT_COMPANY}, s.title, '', a.due, a.sentOn
         FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS due, json_extract(value, '$[2]') AS sentOn FROM json_each(@awaiting)) a
         JOIN submissions s ON s.id = a.id
        WHERE a.due >= @from AND a.due < @to ${after('a.due')}`;
}

/**
 * Open commitments, unfinished follow-ups and submission deadlines due in [from, to), in (due date,
 * company, id) order, after the cursor (due date, company, id) if given. Each diary side is a range
 * of its due index, merged in order.
 */
export function dueRange(db: VaultDatabase, today: string, from: string, to: string, after: string[] | null, limit: number, letters = replyLetters(db)): DueRow[] {
  const key = after ? 'AND (due_date, company_id, id) > (@d, @c, @i)' : '';
  return db
    .prepare(
      `SELECT 'commitment' AS kind, id, engagement_id AS engagementId, NULL AS submissionId, company_id AS companyId, text, owner, due_date AS dueDate, NULL AS filedOn
         FROM commitments WHERE status = 'open' AND due_date >= @from AND due_date < @to ${key}
       UNION ALL
       SELECT 'follow-up', id, engagement_id, NULL, company_id, text, owner, due_date, NULL
         FROM follow_ups WHERE done = 0 AND due_date >= @from AND due_date < @to ${key}
       UNION ALL ${draftBranches(after !== null)}
       ORDER BY dueDate, companyId, id LIMIT @limit`,
    )
    .all({ today, from, to, limit, ...letters, ...(after && { d: after[0], c: after[1], i: after[2] }) }) as DueRow[];
}

/**
 * Open commitments, unfinished follow-ups and submission deadlines due in [from, to): the diary's
 * whole months from the counts, its edge days from the indexes, and the drafts counted directly.
 */
export function countDue(db: VaultDatabase, today: string, from: string, to: string, letters = replyLetters(db)): number {
  const { months, edges } = splitDays(from, to);
  let n = 0;
  if (months) {
    n += db
      .prepare("SELECT coalesce(sum(n), 0) AS n FROM open_item_counts WHERE kind IN ('commitment', 'follow-up') AND month >= ? AND month < ?")
      .pluck()
      .get(...months) as number;
  }
  const days = db.prepare(
    `SELECT (SELECT count(*) FROM commitments WHERE status = 'open' AND due_date >= @from AND due_date < @to)
          + (SELECT count(*) FROM follow_ups WHERE done = 0 AND due_date >= @from AND due_date < @to) AS n`,
  );
  for (const [edgeFrom, edgeTo] of edges) n += (days.get({ from: edgeFrom, to: edgeTo }) as { n: number }).n;
  n += db.prepare(`SELECT count(*) FROM (${draftBranches(false)})`).pluck().get({ today, from, to, ...letters }) as number;
  return n;
}

/**
 * What is overdue per company (commitments and follow-ups), the biggest pile first: whole months
 * from the counts plus this month's days from the due indexes, then each shown company's oldest
 * due date by one seek per kind into its by-company index.
 */
export function overdueByCompany(db: VaultDatabase, today: string, limit: number): Array<{ companyId: string; count: number; oldestDueDate: string }> {
  const { months, edges } = splitDays('', today);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (months) {
    parts.push("SELECT company_id, n FROM open_item_counts WHERE kind IN ('commitment', 'follow-up') AND month >= ? AND month < ?");
    params.push(...months);
  }
  for (const edge of edges) {
    parts.push(
      "SELECT company_id, count(*) AS n FROM commitments WHERE status = 'open' AND due_date >= ? AND due_date < ? GROUP BY company_id",
      'SELECT company_id, count(*) AS n FROM follow_ups WHERE done = 0 AND due_date >= ? AND due_date < ? GROUP BY company_id',
    );
    params.push(...edge, ...edge);
  }
  const oldest = (table: string, open: string) => `(SELECT min(x.due_date) FROM ${table} x WHERE x.company_id = p.company_id AND ${open} AND x.due_date >= '')`;
  return db
    .prepare(
      `SELECT companyId, count, min(coalesce(commitment, followUp), coalesce(followUp, commitment)) AS oldestDueDate FROM (
         SELECT p.company_id AS companyId, sum(p.n) AS count,
                ${oldest('commitments', "x.status = 'open'")} AS commitment, ${oldest('follow_ups', 'x.done = 0')} AS followUp
           FROM (${parts.join(' UNION ALL ')}) p
          GROUP BY p.company_id HAVING sum(p.n) > 0 ORDER BY count DESC, companyId LIMIT ?)
       ORDER BY count DESC, companyId`,
    )
    .all(...params, limit) as Array<{ companyId: string; count: number; oldestDueDate: string }>;
}

export function companyNames(db: VaultDatabase): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM companies').all() as Array<{ id: string; name: string }>).map((row) => [row.id, row.name]));
}

/**
 * A company's commitments for its ledger, made on their entry's date: the company's entries in date
 * order from their index, each one's commitments from commitments_by_engagement, neither table read.
 */
export function commitmentsOf(db: VaultDatabase, companyId: string): Array<{ made_at: string; status: string; due_date: string | null }> {
  return db
    .prepare(
      `SELECT e.occurred_at AS made_at, m.status, m.due_date
         FROM engagements e JOIN commitments m ON m.engagement_id = e.id
        WHERE e.company_id = ? ORDER BY e.occurred_at, e.id`,
    )
    .all(companyId) as Array<{
    made_at: string;
    status: string;
    due_date: string | null;
  }>;
}

export function insertAttachment(db: VaultDatabase, engagementId: string, meta: AttachmentMeta, data: Buffer): void {
  db.prepare('INSERT INTO attachments (id, engagement_id, name, type, size, sha256, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    meta.id,
    engagementId,
    meta.name,
    meta.type,
    meta.size,
    meta.sha256,
    meta.addedAt,
    data,
  );
}

export function findAttachment(db: VaultDatabase, id: string): (AttachmentMeta & { engagementId: string; data: Buffer }) | undefined {
  return db
    .prepare('SELECT id, engagement_id AS engagementId, name, type, size, sha256, added_at AS addedAt, data FROM attachments WHERE id = ?')
    .get(id) as (AttachmentMeta & { engagementId: string; data: Buffer }) | undefined;
}

export function deleteAttachmentRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
}

/** Live records a batch at a time by rowid, so no statement stays open between the records yielded. */
function* docsInBatches(db: VaultDatabase, table: 'companies' | 'engagements'): Iterable<string> {
  const batch = db.prepare(`SELECT rowid AS r, doc FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 500`);
  let last = 0;
  for (;;) {
    const rows = batch.all(last) as Array<{ r: number; doc: string }>;
    if (rows.length === 0) return;
    for (const row of rows) yield row.doc;
    last = rows.at(-1)!.r;
  }
}

export function* liveCompanies(db: VaultDatabase): Iterable<Company> {
  for (const doc of docsInBatches(db, 'companies')) yield JSON.parse(doc) as Company;
}

export function* liveEngagements(db: VaultDatabase): Iterable<Engagement> {
  for (const doc of docsInBatches(db, 'engagements')) yield JSON.parse(doc) as Engagement;
}
