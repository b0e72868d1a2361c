// The hot queries of the diary must each read a range of an index, never scan a large table: at
// 100,000 entries a scan is seconds. Each API call runs for real; every statement it executes is
// captured and its EXPLAIN QUERY PLAN read back on the same connection.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method } from '@shared/api/contract';
import { unlockedCore, type TestCore } from '../../helpers/core';

/** Tables that grow with the diary; a SCAN of any of them fails the test. */
const LARGE = ['engagements', 'commitments', 'follow_ups', 'engagement_tags', 'revisions', 'record_search_rows', 'attachments'];

interface Executed {
  db: Database.Database;
  sql: string;
  args: unknown[];
}

// The total of an unfiltered list walks the smallest index of engagements; the service counts it
// once between writes (tested below), so scrolling never repeats it.
const UNFILTERED_COUNT = /^SELECT count\(\*\) AS n FROM engagements e\s*$/;

/** Every statement run while `fn` runs, with its arguments. */
async function capture(fn: () => Promise<unknown>): Promise<Executed[]> {
  const executed: Executed[] = [];
  const prototype = Database.prototype as unknown as { prepare: (sql: string) => Record<string, (...args: unknown[]) => unknown> };
  const original = prototype.prepare;
  prototype.prepare = function (this: Database.Database, sql: string) {
    const statement = original.call(this, sql);
    for (const method of ['all', 'get', 'iterate']) {
      const run = statement[method]!.bind(statement);
      statement[method] = (...args: unknown[]) => {
        executed.push({ db: this, sql, args });
        return run(...args);
      };
    }
    return statement;
  };
  try {
    await fn();
  } finally {
    prototype.prepare = original;
  }
  return executed;
}

function plan({ db, sql, args }: Executed): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((row) => row.detail);
}

/**
 * Scans of large tables. Walking an index in the ORDER BY's order is allowed when the statement
 * stops at a LIMIT and sorts nothing itself: it reads only the rows it returns (or skips).
 */
function fullScans(sql: string, details: string[]): string[] {
  const orderedWalk = /\bLIMIT\b/.test(sql) && !details.some((detail) => detail.includes('USE TEMP B-TREE FOR ORDER BY'));
  return details.filter((detail) => {
    if (orderedWalk && /^SCAN \w+ USING (COVERING )?INDEX \w+$/.test(detail)) return false;
    const match = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
    if (!match) return false;
    // Aliases: "SCAN e" for engagements e; resolve through the table names we know.
    return LARGE.some((table) => detail.startsWith(`SCAN ${table}`)) || ['e', 'm', 'f', 't', 'r'].includes(match[1]!);
  });
}

describe('query plans of the hot diary queries', () => {
  let t: TestCore;
  let companyId: string;

  beforeAll(async () => {
    t = await unlockedCore();
    companyId = (await t.call('companies.save', { name: 'Example Platform', sector: 'social-media' })).id;
    await t.call('companies.save', { name: 'Another Platform', sector: 'telecom' });
    for (let i = 0; i < 30; i++) {
      await t.call('engagements.save', {
        occurredAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        companyId,
        channel: i % 2 ? 'meeting' : 'email',
        tags: [`tag-${i % 3}`],
        notes: `Wrongful removals of media pages, case ${i}`,
        commitments: [{ id: crypto.randomUUID(), text: 'Review the flagged posts', dueDate: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}` }],
        followUps: [{ id: crypto.randomUUID(), text: 'Send the case list', dueDate: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` }],
      });
    }
  });
  afterAll(() => t.core.close());

  const cases: Array<[string, Method, unknown]> = [
    ['the first page, newest first', 'engagements.list', { limit: 100 }],
    ['the first page, oldest first', 'engagements.list', { sort: 'oldest', limit: 100 }],
    ['the first page by company', 'engagements.list', { sort: 'company', limit: 100 }],
    ['a page after a cursor', 'engagements.list', 'cursor'],
    ['a jump to a date', 'engagements.list', { at: '2026-01-15', limit: 1 }],
    ['a jump to a position', 'engagements.list', { offset: 20, limit: 5 }],
    ['a jump to a position by company', 'engagements.list', { sort: 'company', offset: 20, limit: 5 }],
    ['the first page by company in Thai', 'engagements.list', { sort: 'company', locale: 'th', limit: 100 }],
    ['a page by company in Vietnamese after a cursor', 'engagements.list', 'company-cursor'],
    ['one tag by company in Thai', 'engagements.list', { sort: 'company', locale: 'th', tag: 'tag-1' }],
    ['a date range', 'engagements.list', { from: '2026-01-10', to: '2026-01-20' }],
    ['one channel', 'engagements.list', { channel: 'meeting' }],
    ['one tag', 'engagements.list', { tag: 'tag-1' }],
    ['one commitment status', 'engagements.list', { status: 'open' }],
    ['the companies with their counts', 'companies.list', null],
    ['the due dashboard', 'dashboard.due', { today: '2026-02-10', horizonDays: 30 }],
    ['the due dashboard on the first of a month, a year ahead', 'dashboard.due', { today: '2026-03-01', horizonDays: 365 }],
    ['a page of overdue items', 'dashboard.duePage', 'due-cursor'],
    ['record search', 'records.search', { q: 'removals', limit: 20 }],
    ["a picker's typed text", 'engagements.list', { q: 'removals', limit: 20 }],
    ["a picker's typed month", 'engagements.list', { q: '2026-01', limit: 20 }],
    ["a picker's linked entries", 'engagements.list', 'linked-ids'],
  ];

  it.each(cases)('%s reads an index, never a whole large table', async (_name, method, input) => {
    let realInput = input;
    if (input === 'linked-ids') realInput = { ids: (await t.call('engagements.list', { limit: 3 })).items.map((row) => row.id) };
    if (input === 'cursor') realInput = { limit: 5, cursor: (await t.call('engagements.list', { limit: 5 })).next };
    if (input === 'company-cursor') realInput = { sort: 'company', locale: 'vi', limit: 5, cursor: (await t.call('engagements.list', { sort: 'company', locale: 'vi', limit: 5 })).next };
    if (input === 'due-cursor') {
      const first = await t.call('dashboard.duePage', { group: 'overdue', today: '2026-02-10', limit: 3 });
      realInput = { group: 'overdue', today: '2026-02-10', limit: 3, cursor: first.next };
    }
    if (method === 'engagements.list' && typeof realInput === 'object' && realInput && 'companyId' in realInput) realInput = { ...realInput, companyId };
    const executed = await capture(() => t.call(method, realInput as Input<typeof method>));
    const selects = executed.filter((e) => /^\s*SELECT/i.test(e.sql) && !UNFILTERED_COUNT.test(e.sql));
    expect(selects.length).toBeGreaterThan(0);
    for (const statement of selects) {
      const details = plan(statement);
      expect(fullScans(statement.sql, details), `${statement.sql}\n${details.join('\n')}`).toEqual([]);
    }
  });

  it('counts the whole list once between writes', async () => {
    await t.call('engagements.list', { limit: 10 });
    const again = await capture(() => t.call('engagements.list', { limit: 10, offset: 10 }));
    expect(again.filter((e) => UNFILTERED_COUNT.test(e.sql))).toEqual([]);
    await t.call('engagements.save', { occurredAt: '2026-03-01T10:00:00Z', companyId, channel: 'call' });
    const afterWrite = await capture(() => t.call('engagements.list', { limit: 10 }));
    expect(afterWrite.filter((e) => UNFILTERED_COUNT.test(e.sql))).toHaveLength(1);
    expect((await t.call('engagements.list', { limit: 1 })).total).toBe(31);
  });

  // The reader's company order is a temp table walked by its key, then each company's entries by
  // theirs: already in order, so a page stops at its LIMIT instead of sorting the entries of every
  // company it passes (which is what joining json_each of the ordered ids would do).
  it.each([
    ['the first page', { sort: 'company', locale: 'th', limit: 10 }],
    ['a page after a cursor', 'cursor'],
    ['a jump to a position', { sort: 'company', locale: 'vi', offset: 12, limit: 5 }],
    ['one channel', { sort: 'company', locale: 'km', channel: 'meeting', limit: 5 }],
  ] as const)('the company sort in the reader\'s order sorts no entries: %s', async (_name, input) => {
    const realInput =
      // The cursor two entries before the end of the company, so the page goes on past it.
      input === 'cursor' ? { sort: 'company' as const, locale: 'vi' as const, limit: 5, cursor: (await t.call('engagements.list', { sort: 'company', locale: 'vi', limit: 28 })).next! } : input;
    const executed = await capture(() => t.call('engagements.list', realInput));
    const pages = executed.filter((e) => /FROM temp\.company_order o/.test(e.sql));
    expect(pages.length).toBeGreaterThan(0);
    const plans = pages.map(plan);
    for (const [i, details] of plans.entries()) {
      expect(details.filter((detail) => detail.includes('TEMP B-TREE')), `${pages[i]!.sql}\n${details.join('\n')}`).toEqual([]);
      expect(details[0]).toMatch(/^SEARCH o USING PRIMARY KEY \(language=\?/);
      expect(details.some((detail) => /^SEARCH e USING (COVERING )?INDEX engagements_by_company \(company_id=\?/.test(detail))).toBe(true);
    }
    // After a cursor the index ranges start at it: the rest of its company, then the companies
    // after it. Neither walks the entries before the cursor to skip them.
    if (input === 'cursor') {
      const all = plans.flat();
      expect(all).toContainEqual(expect.stringMatching(/^SEARCH o USING PRIMARY KEY \(language=\? AND pos=\?\)/));
      expect(all).toContainEqual(expect.stringMatching(/^SEARCH e USING (COVERING )?INDEX engagements_by_company \(company_id=\? AND \(occurred_at,id\)<\(\?,\?\)\)/));
      expect(all).toContainEqual(expect.stringMatching(/^SEARCH o USING PRIMARY KEY \(language=\? AND pos>\?\)/));
    }
  });

  it('the list of one company reads that company range', async () => {
    const executed = await capture(() => t.call('engagements.list', { companyId, limit: 10 }));
    for (const statement of executed.filter((e) => /^\s*SELECT/i.test(e.sql))) expect(fullScans(statement.sql, plan(statement))).toEqual([]);
  });
});
