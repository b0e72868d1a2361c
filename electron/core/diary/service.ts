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
  type DueItem,
  type Engagement,
  type Ledger,
} from '@shared/api/diary';
import { DomainError } from '../rpc/domain-error';
import { appendRevision } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import type { VaultDatabase } from '../vault/open';
import * as repo from './repository';
import { addDays, isCommitmentOverdue, ledgerSentence, localToday } from './rules';

type Parsed<T extends z.ZodType> = z.output<T>;

export interface DiaryDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  now?: () => Date;
}

const NOT_FOUND_COMPANY = 'That company is not in this vault. It may have been deleted.';
const NOT_FOUND_ENGAGEMENT = 'That diary entry is not in this vault. It may have been deleted.';

/** The diary's rules: every write is one transaction with its revision and its search entry. */
export class DiaryService {
  private readonly now: () => Date;

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
    return repo.companySummaries(this.db, this.today());
  }

  getCompany(id: string): Company {
    const company = repo.findCompany(this.db, id);
    if (!company) throw new DomainError('NOT_FOUND', NOT_FOUND_COMPANY);
    return company;
  }

  saveCompany(draft: Parsed<typeof CompanyDraftSchema>): Company {
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const existing = draft.id ? repo.findCompany(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', NOT_FOUND_COMPANY);
      const company = CompanySchema.parse({ ...draft, id: existing?.id ?? crypto.randomUUID(), createdAt: existing?.createdAt ?? at, updatedAt: at });
      repo.insertOrReplaceCompany(db, company);
      appendRevision(db, 'company', company.id, company, at);
      this.deps.index.put(db, 'company', company.id, company.name, [company.name, company.policies, ...company.contacts.map((c) => `${c.name} ${c.role} ${c.notes}`)], null);
      return company;
    })();
  }

  deleteCompany(id: string): void {
    const db = this.db;
    db.transaction(() => {
      this.getCompany(id);
      const engagements = repo.countEngagementsOf(db, id);
      if (engagements > 0) {
        throw new DomainError('CONFLICT', `This company has ${engagements} diary ${engagements === 1 ? 'entry' : 'entries'}. Delete or move them first; nothing was deleted.`);
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

  listEngagements(filter: Parsed<typeof EngagementFilterSchema>) {
    return repo.listEngagementRows(this.db, filter);
  }

  tags(): string[] {
    return repo.allTags(this.db);
  }

  getEngagement(id: string): Engagement {
    const engagement = repo.findEngagement(this.db, id);
    if (!engagement) throw new DomainError('NOT_FOUND', NOT_FOUND_ENGAGEMENT);
    return engagement;
  }

  saveEngagement(draft: Parsed<typeof EngagementDraftSchema>): Engagement {
    const db = this.db;
    const at = this.now().toISOString();
    return db.transaction(() => {
      const company = repo.findCompany(db, draft.companyId);
      if (!company) throw new DomainError('NOT_FOUND', 'Choose a company that is in this vault.', { fields: ['companyId'] });
      const existing = draft.id ? repo.findEngagement(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', NOT_FOUND_ENGAGEMENT);
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

  due(todayGiven: string | undefined, horizonDays: number): { overdue: DueItem[]; upcoming: DueItem[] } {
    const today = this.today(todayGiven);
    const items = repo.dueItems(this.db, addDays(today, horizonDays));
    const overdue: DueItem[] = [];
    const upcoming: DueItem[] = [];
    for (const item of items) {
      if (item.dueDate < today) overdue.push({ ...item, overdue: true });
      else upcoming.push({ ...item, overdue: false });
    }
    return { overdue, upcoming };
  }

  addAttachment(engagementId: string, name: string, type: string, base64: string, maxBytes: number): AttachmentMeta {
    const data = Buffer.from(base64, 'base64');
    if (data.length > maxBytes) {
      throw new DomainError('TOO_LARGE', `That file is ${(data.length / 1048576).toFixed(1)} MB; one attachment can be at most ${maxBytes / 1048576} MB. Nothing was added.`);
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
    if (!row) throw new DomainError('NOT_FOUND', 'That attachment is not in this vault.');
    const { engagementId: _engagement, data, ...meta } = row;
    return { ...meta, data: data.toString('base64') };
  }

  removeAttachment(id: string): void {
    const db = this.db;
    const at = this.now().toISOString();
    db.transaction(() => {
      const row = repo.findAttachment(db, id);
      if (!row) throw new DomainError('NOT_FOUND', 'That attachment is not in this vault.');
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

export function engagementTitle(engagement: Pick<Engagement, 'title' | 'channel'>, companyName: string): string {
  return engagement.title || `${engagement.channel} with ${companyName}`;
}

function engagementText(e: Engagement, companyName: string): string[] {
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
