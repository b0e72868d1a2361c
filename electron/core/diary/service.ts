import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  Company as CompanySchema,
  CompanyDraft as CompanyDraftSchema,
  Engagement as EngagementSchema,
  EngagementDraft as EngagementDraftSchema,
  EngagementFilter as EngagementFilterSchema,
  type AttachmentMeta,
  type Company,
  type DueGroup,
  type DueItem,
  type DuePage,
  type DueSummary,
  type Engagement,
  type EngagementPage,
  type InterfaceLanguage,
  type Ledger,
} from '@shared/api/diary';
import { DomainError } from '../rpc/domain-error';
import { byNameInLanguage, inLanguageOrder } from '../records/collation';
import { appendRevision } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import type { VaultDatabase } from '../vault/open';
import { decodeCursor, encodeCursor, staleListPosition } from './cursor';
import * as repo from './repository';
import { dueBounds, isCommitmentOverdue, ledgerSentence, localToday } from './rules';
import { readTextFilter } from './text-filter';

/** The best-ranked index matches a typed text considers; typing more words narrows past it. */
const TEXT_MATCH_LIMIT = 500;

type Parsed<T extends z.ZodType> = z.output<T>;

export interface DiaryDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  now?: () => Date;
}

const NOT_FOUND_COMPANY = 'That company is not in this vault. It may have been deleted.';
const NOT_FOUND_ENGAGEMENT = 'That diary entry is not in this vault. It may have been deleted.';
/** The overdue summary names at most this many companies, biggest piles first. */
const OVERDUE_COMPANIES_SHOWN = 50;

/** The diary's rules: every write is one transaction with its revision and its search entry. */
export class DiaryService {
  private readonly now: () => Date;
  private readonly cache = new WeakMap<VaultDatabase, { changes: number; values: Map<string, unknown> }>();

  constructor(private readonly deps: DiaryDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  private today(given?: string): string {
    return given ?? localToday(this.now());
  }

  listCompanies() {
    const db = this.db;
    const today = this.today();
    return this.betweenWrites(db, `companies:${today}`, () => repo.companySummaries(db, today));
  }

  getCompany(id: string): Company {
    const company = repo.findCompany(this.db, id);
    if (!company) throw new DomainError('NOT_FOUND', 'diary.companyNotFound', NOT_FOUND_COMPANY);
    return company;
  }

  saveCompany(draft: Parsed<typeof CompanyDraftSchema>): Company {
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const existing = draft.id ? repo.findCompany(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'diary.companyNotFound', NOT_FOUND_COMPANY);
      const company = CompanySchema.parse({ ...draft, id: existing?.id ?? crypto.randomUUID(), createdAt: existing?.createdAt ?? at, updatedAt: at });
      repo.insertOrReplaceCompany(db, company);
      appendRevision(db, 'company', company.id, company, at);
      this.deps.index.put(db, 'company', company.id, company.name, companyText(company), null);
      return company;
    })();
  }

  deleteCompany(id: string): void {
    const db = this.db;
    db.transaction(() => {
      this.getCompany(id);
      const engagements = repo.countEngagementsOf(db, id);
      if (engagements > 0) {
        throw new DomainError('CONFLICT', 'diary.companyHasEntries', `This company has ${engagements} diary ${engagements === 1 ? 'entry' : 'entries'}. Delete or move them first; nothing was deleted.`, { params: { count: engagements } });
      }
      repo.deleteCompanyRow(db, id);
      appendRevision(db, 'company', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'company', id);
    })();
  }

  ledger(companyId: string, todayGiven?: string): Ledger {
    this.getCompany(companyId);
    const today = this.today(todayGiven);
    const counts = { made: 0, kept: 0, partlyKept: 0, broken: 0, withdrawn: 0, open: 0, overdue: 0 };
    const months = new Map<string, { month: string; made: number; kept: number; broken: number }>();
    for (const row of repo.commitmentsOf(this.db, companyId)) {
      counts.made++;
      if (row.status === 'kept') counts.kept++;
      else if (row.status === 'partly-kept') counts.partlyKept++;
      else if (row.status === 'broken') counts.broken++;
      else if (row.status === 'withdrawn') counts.withdrawn++;
      else counts.open++;
      if (isCommitmentOverdue({ status: row.status as 'open', dueDate: row.due_date }, today)) counts.overdue++;
      const month = row.made_at.slice(0, 7);
      const entry = months.get(month) ?? { month, made: 0, kept: 0, broken: 0 };
      entry.made++;
      if (row.status === 'kept') entry.kept++;
      if (row.status === 'broken') entry.broken++;
      months.set(month, entry);
    }
    return { companyId, ...counts, byMonth: [...months.values()], sentence: ledgerSentence(counts) };
  }

  /**
   * One page of the filtered list and its total. A page starts after a cursor (scrolling on), at a
   * day (a jump to a date) or at an offset (a jump while dragging the scrollbar far).
   */
  listEngagements(parsed: Parsed<typeof EngagementFilterSchema>): EngagementPage {
    const db = this.db;
    // Before the list's transaction, whose rollback would undo the order's rows.
    if (parsed.sort === 'company') this.holdCompanyOrder(db, parsed.locale);
    return db.transaction(() => {
      const filter = { ...parsed, textMatches: this.textMatches(db, parsed.q) };
      const total = this.total(db, filter);
      const cursor = filter.cursor ? decodeCursor(filter.cursor, repo.cursorLength(filter.sort)) : null;
      const index = cursor ? -1 : filter.at ? repo.positionOfDay(db, filter, filter.at) : filter.offset;
      const page = repo.engagementPage(db, filter, cursor, Math.max(index, 0), filter.limit);
      if (!page) throw staleListPosition();
      const { rows, lastKeys } = page;
      const next = rows.length === filter.limit && lastKeys ? encodeCursor(lastKeys) : null;
      // After a cursor the position is not known without counting; the caller knows it.
      return { items: rows, total, index, next };
    })();
  }

  tags(language: InterfaceLanguage): string[] {
    return inLanguageOrder(repo.allTags(this.db), language);
  }

  /**
   * Puts the companies in the language's order where the company sort's SQL walks it. Sorted
   * once between writes; the rows are rewritten only when the order changed (a company added,
   * renamed or deleted, or the first list in this language since the vault was unlocked).
   */
  private holdCompanyOrder(db: VaultDatabase, language: InterfaceLanguage): void {
    const ids = this.betweenWrites(db, `company-order:${language}`, () => byNameInLanguage(repo.companyList(db), language).map((company) => company.id));
    repo.holdCompanyOrder(db, language, ids);
  }

  getEngagement(id: string): Engagement {
    const engagement = repo.findEngagement(this.db, id);
    if (!engagement) throw new DomainError('NOT_FOUND', 'diary.entryNotFound', NOT_FOUND_ENGAGEMENT);
    return engagement;
  }

  saveEngagement(draft: Parsed<typeof EngagementDraftSchema>): Engagement {
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const company = repo.findCompany(db, draft.companyId);
      if (!company) throw new DomainError('NOT_FOUND', 'records.chooseCompanyInVault', 'Choose a company that is in this vault.', { fields: ['companyId'] });
      const existing = draft.id ? repo.findEngagement(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'diary.entryNotFound', NOT_FOUND_ENGAGEMENT);
      const engagement = EngagementSchema.parse({
        ...draft,
        // Stored in UTC so date filters and ordering compare correctly as text.
        occurredAt: new Date(draft.occurredAt).toISOString(),
        tags: [...new Set(draft.tags)],
        id: existing?.id ?? crypto.randomUUID(),
        attachments: existing?.attachments ?? [],
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      this.writeEngagement(db, engagement, company.name, at);
      return engagement;
    })();
  }

  deleteEngagement(id: string): void {
    const db = this.db;
    db.transaction(() => {
      this.getEngagement(id);
      repo.deleteEngagementRow(db, id);
      appendRevision(db, 'engagement', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'engagement', id);
    })();
  }

  /**
   * A result computed once between writes. Counts over the whole vault (the unfiltered total, each
   * company's counts, the dashboard's groups) walk index ranges that grow with the vault (tens of
   * milliseconds at 100k entries); between two saves they cannot change. Every write goes through
   * this connection, so its change counter tells when a result may be stale.
   */
  private betweenWrites<T>(db: VaultDatabase, key: string, compute: () => T): T {
    const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    let cache = this.cache.get(db);
    if (!cache || cache.changes !== changes) this.cache.set(db, (cache = { changes, values: new Map() }));
    if (cache.values.has(key)) return cache.values.get(key) as T;
    const value = compute();
    if (cache.values.size >= 32) cache.values.clear();
    cache.values.set(key, value);
    return value;
  }

  /**
   * Entries whose words match typed text, from the search index (titles, companies, notes), so a
   * picker never reads every entry's row to compare titles. A date or nothing typed needs none.
   */
  private textMatches(db: VaultDatabase, q: string | undefined): string[] | undefined {
    if (!q || readTextFilter(q)?.kind !== 'text') return undefined;
    return this.deps.index
      .search(db, q, TEXT_MATCH_LIMIT)
      .filter((hit) => hit.entity === 'engagement')
      .map((hit) => hit.id);
  }

  private total(db: VaultDatabase, filter: Parsed<typeof EngagementFilterSchema>): number {
    const key = JSON.stringify(['total', filter.companyId, filter.channel, filter.status, filter.tag, filter.from, filter.to, filter.q, filter.ids]);
    return this.betweenWrites(db, key, () => repo.countEngagements(db, filter));
  }

  /** Every open item due up to the horizon, for the plans timeline. */
  due(todayGiven: string | undefined, horizonDays: number): { overdue: DueItem[]; upcoming: DueItem[] } {
    const today = this.today(todayGiven);
    const db = this.db;
    const names = repo.companyNames(db);
    const letters = repo.replyLetters(db);
    const all = (group: DueGroup) =>
      repo.dueRange(db, today, ...dueBounds(today, horizonDays, group), null, -1, letters).map((row) => dueItem(row, names, group));
    return { overdue: all('overdue'), upcoming: [...all('thisWeek'), ...all('later')] };
  }

  /** Counts and the first page of each group, and the overdue pile per company: small at any size. */
  dueSummary(todayGiven: string | undefined, horizonDays: number, limit: number): DueSummary {
    const today = this.today(todayGiven);
    const db = this.db;
    return this.betweenWrites(db, `due:${today}:${horizonDays}:${limit}`, () => this.computeDueSummary(db, today, horizonDays, limit));
  }

  private computeDueSummary(db: VaultDatabase, today: string, horizonDays: number, limit: number): DueSummary {
    return db.transaction(() => {
      const names = repo.companyNames(db);
      const letters = repo.replyLetters(db);
      const page = (group: DueGroup) => this.duePageIn(db, names, letters, today, horizonDays, group, null, limit);
      return {
        today,
        groups: { overdue: page('overdue'), thisWeek: page('thisWeek'), later: page('later') },
        overdueByCompany: repo
          .overdueByCompany(db, today, OVERDUE_COMPANIES_SHOWN)
          .map((row) => ({ ...row, companyName: names.get(row.companyId) ?? '' })),
      };
    })();
  }

  /** "Show all" for one group, a page at a time. */
  duePage(todayGiven: string | undefined, horizonDays: number, group: DueGroup, cursor: string | undefined, limit: number): DuePage {
    const today = this.today(todayGiven);
    const db = this.db;
    return db.transaction(() => this.duePageIn(db, repo.companyNames(db), repo.replyLetters(db), today, horizonDays, group, cursor ? decodeCursor(cursor, 3) : null, limit))();
  }

  private duePageIn(
    db: VaultDatabase,
    names: Map<string, string>,
    letters: repo.ReplyLetters,
    today: string,
    horizonDays: number,
    group: DueGroup,
    after: string[] | null,
    limit: number,
  ): DuePage {
    const [from, to] = dueBounds(today, horizonDays, group);
    // Start the index range at the cursor's day, so a deep page does not walk the pages before it.
    const rows = repo.dueRange(db, today, after && after[0]! > from ? after[0]! : from, to, after, limit, letters);
    const last = rows.at(-1);
    return {
      items: rows.map((row) => dueItem(row, names, group)),
      total: repo.countDue(db, today, from, to, letters),
      next: rows.length === limit && last ? encodeCursor([last.dueDate, last.companyId, last.id]) : null,
    };
  }

  addAttachment(engagementId: string, name: string, type: string, base64: string, maxBytes: number): AttachmentMeta {
    const data = Buffer.from(base64, 'base64');
    if (data.length > maxBytes) {
      throw new DomainError('TOO_LARGE', 'diary.attachmentTooLarge', `That file is ${(data.length / 1048576).toFixed(1)} MB; one attachment can be at most ${maxBytes / 1048576} MB. Nothing was added.`, { params: { size: Number((data.length / 1048576).toFixed(1)), max: maxBytes / 1048576 } });
    }
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const engagement = this.getEngagement(engagementId);
      const meta: AttachmentMeta = {
        id: crypto.randomUUID(),
        name,
        type,
        size: data.length,
        sha256: crypto.createHash('sha256').update(data).digest('hex'),
        addedAt: at,
      };
      repo.insertAttachment(db, engagementId, meta, data);
      const updated = { ...engagement, attachments: [...engagement.attachments, meta], updatedAt: at };
      this.writeEngagement(db, updated, this.getCompany(engagement.companyId).name, at);
      return meta;
    })();
  }

  readAttachment(id: string): AttachmentMeta & { data: string } {
    const row = repo.findAttachment(this.db, id);
    if (!row) throw new DomainError('NOT_FOUND', 'diary.attachmentNotFound', 'That attachment is not in this vault.');
    const { engagementId: _engagement, data, ...meta } = row;
    return { ...meta, data: data.toString('base64') };
  }

  removeAttachment(id: string): void {
    const db = this.db;
    const at = this.now().toISOString();
    db.transaction(() => {
      const row = repo.findAttachment(db, id);
      if (!row) throw new DomainError('NOT_FOUND', 'diary.attachmentNotFound', 'That attachment is not in this vault.');
      repo.deleteAttachmentRow(db, id);
      const engagement = this.getEngagement(row.engagementId);
      const updated = { ...engagement, attachments: engagement.attachments.filter((a) => a.id !== id), updatedAt: at };
      this.writeEngagement(db, updated, this.getCompany(engagement.companyId).name, at);
    })();
  }

  /** Record, revision and search entry, always together. */
  private writeEngagement(db: VaultDatabase, engagement: Engagement, companyName: string, at: string): void {
    repo.insertOrReplaceEngagement(db, engagement);
    appendRevision(db, 'engagement', engagement.id, engagement, at);
    this.deps.index.put(db, 'engagement', engagement.id, engagementTitle(engagement, companyName), engagementText(engagement, companyName), engagement.occurredAt);
  }
}

/**
 * A due row as the dashboard shows it: its company's name, and overdue when it is in the overdue
 * group (a filed draft never is: its rows stop at the deadline). A draft naming no company has ''.
 */
function dueItem(row: ReturnType<typeof repo.dueRange>[number], names: Map<string, string>, group: DueGroup): DueItem {
  return { ...row, companyId: row.companyId || null, companyName: names.get(row.companyId) ?? '', overdue: group === 'overdue' };
}

export function engagementTitle(engagement: Pick<Engagement, 'title' | 'channel'>, companyName: string): string {
  return engagement.title || `${engagement.channel} with ${companyName}`;
}

export function companyText(company: Company): string[] {
  return [company.name, company.policies, ...company.contacts.map((c) => `${c.name} ${c.role} ${c.notes}`)];
}

export function engagementText(e: Engagement, companyName: string): string[] {
  return [
    companyName,
    e.title,
    e.purpose,
    ...e.participantsOurs,
    ...e.participantsTheirs,
    ...e.concerns,
    ...e.commitments.flatMap((c) => [c.text, c.owner, c.evidence]),
    ...e.followUps.flatMap((f) => [f.text, f.owner]),
    e.riskBefore.notes,
    e.riskAfter.notes,
    e.outcome,
    ...e.tags,
    e.notes,
    ...e.attachments.map((a) => a.name),
  ];
}
