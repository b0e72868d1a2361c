import { MAX_ATTACHMENT_BYTES, type diaryMethods } from '@shared/api/diary';
import { DomainError } from '../rpc/domain-error';
import type { Handlers } from '../rpc/dispatch';
import { discardDraft, readDraft, saveDraft, stageDraft } from '../records/drafts';
import type { EventBus } from '../events';
import { listRevisions, verifyChainInBackground, type EntityKind } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import type { VaultDatabase } from '../vault/open';
import { findAttachment, liveCompanies, liveEngagements } from './repository';
import { readImageMetadata } from './image-metadata';
import type { DiaryService } from './service';

type DiaryHandlers = Pick<Handlers, keyof typeof diaryMethods>;

/** Every live record of the vault, for integrity checks; later domains add theirs here. */
export type LiveRecords = (db: VaultDatabase) => Iterable<{ entity: EntityKind; id: string; record: unknown }>;

export function* diaryRecords(db: VaultDatabase): Iterable<{ entity: EntityKind; id: string; record: unknown }> {
  for (const company of liveCompanies(db)) yield { entity: 'company', id: company.id, record: company };
  for (const engagement of liveEngagements(db)) yield { entity: 'engagement', id: engagement.id, record: engagement };
}
// liveCompanies and liveEngagements read in batches and hold no statement between records.
const PAUSABLE = new Set<LiveRecords>([diaryRecords]);

export function diaryHandlers(diary: DiaryService, database: () => VaultDatabase, index: RecordIndex, live: LiveRecords[], events: EventBus): DiaryHandlers {
  return {
    'companies.list': () => diary.listCompanies(),
    'companies.get': ({ id }) => diary.getCompany(id),
    'companies.save': (draft) => diary.saveCompany(draft),
    'companies.delete': ({ id }) => {
      diary.deleteCompany(id);
      return null;
    },
    'companies.ledger': ({ id, today }) => diary.ledger(id, today),

    'engagements.list': (filter) => diary.listEngagements(filter),
    'engagements.get': ({ id }) => diary.getEngagement(id),
    'engagements.save': (draft) => diary.saveEngagement(draft),
    'engagements.delete': ({ id }) => {
      diary.deleteEngagement(id);
      return null;
    },
    'engagements.tags': (input) => diary.tags(input?.locale ?? 'en'),

    'dashboard.due': ({ today, horizonDays, limit }) => diary.dueSummary(today, horizonDays, limit),
    'dashboard.duePage': ({ today, horizonDays, group, cursor, limit }) => diary.duePage(today, horizonDays, group, cursor, limit),

    'drafts.get': ({ key }) => readDraft(database(), key),
    'drafts.save': ({ key, content }) => {
      const savedAt = new Date().toISOString();
      try {
        saveDraft(database(), key, content, savedAt);
      } catch (error) {
        if (error instanceof RangeError) throw new DomainError('TOO_LARGE', 'diary.draftTooLarge', 'This draft is too large to keep. Save the entry instead.');
        throw error;
      }
      return { savedAt };
    },
    'drafts.discard': ({ key }) => {
      discardDraft(database(), key);
      return null;
    },
    'drafts.stage': ({ key, content }) => {
      try {
        stageDraft(database(), key, content, new Date().toISOString());
      } catch (error) {
        if (error instanceof RangeError) throw new DomainError('TOO_LARGE', 'diary.draftTooLarge', 'This draft is too large to keep. Save the entry instead.');
        throw error;
      }
      return null;
    },

    'attachments.add': ({ engagementId, name, type, data }) => diary.addAttachment(engagementId, name, type, data, MAX_ATTACHMENT_BYTES),
    'attachments.read': ({ id }) => diary.readAttachment(id),
    'attachments.remove': ({ id }) => {
      diary.removeAttachment(id);
      return null;
    },
    'attachments.metadata': ({ id }) => {
      const row = findAttachment(database(), id);
      if (!row) throw new DomainError('NOT_FOUND', 'diary.attachmentNotFound', 'That attachment is not in this vault.');
      return readImageMetadata(row.data, row.type);
    },

    'history.list': ({ entity, id }) => listRevisions(database(), entity, id),
    // Streams in batches and yields between them, with progress, so the app stays responsive.
    'integrity.verify': () =>
      verifyChainInBackground(
        database,
        (db) => live.map((records) => ({ records: () => records(db), pausable: PAUSABLE.has(records) })),
        (progress) => events.emit('integrity.progress', progress),
      ),

    'records.search': ({ q, limit }) => index.search(database(), q, limit),
  };
}
