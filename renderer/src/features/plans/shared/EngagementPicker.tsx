import type { EngagementRow } from '@shared/api/diary';
import { formatDateTime } from '../../../i18n';

/** How a diary entry is named where it is linked as evidence. Plans link entries with the searchable RecordPicker. */
export const engagementLabel = (row: EngagementRow): string => `${row.title || row.companyName} · ${formatDateTime(row.occurredAt)}`;
