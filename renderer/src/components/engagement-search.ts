// Diary entries for the record pickers of plans, packages and assessments, a page at a time from
// the diary list: an editor never holds every entry of the vault, only the ones it links.
import type { EngagementRow } from '@shared/api/diary';
import { api } from '../api/client';
import type { PickerOption, PickerPage } from './RecordPicker';
import { formatDate } from '../i18n';

const PAGE_SIZE = 20;
/** The most ids one list call takes (the contract's limit). */
const IDS_PER_CALL = 500;

export function engagementOption(row: EngagementRow): PickerOption {
  return {
    id: row.id,
    // The date is part of the label: titles like "Call" repeat, and a chip must say which one.
    label: `${row.title || row.companyName} · ${formatDate(row.occurredAt)}`,
    detail: [row.companyName, ...row.tags.map((tag) => `#${tag}`)].join(' · '),
  };
}

/** Newest first, of the record's company when it has one (as the links have always been offered). */
export async function searchEngagements(companyId: string, text: string, cursor: string | null): Promise<PickerPage> {
  const page = await api().call('engagements.list', {
    ...(companyId && { companyId }),
    ...(text && { q: text }),
    ...(cursor && { cursor }),
    limit: PAGE_SIZE,
  });
  return { items: page.items.map(engagementOption), next: page.next };
}

/** Labels for the entries already linked; ids no longer in the vault are simply absent. */
export async function linkedEngagementLabels(ids: string[]): Promise<Map<string, PickerOption>> {
  const unique = [...new Set(ids)];
  const labels = new Map<string, PickerOption>();
  for (let at = 0; at < unique.length; at += IDS_PER_CALL) {
    const chunk = unique.slice(at, at + IDS_PER_CALL);
    const page = await api().call('engagements.list', { ids: chunk, limit: chunk.length });
    for (const row of page.items) labels.set(row.id, engagementOption(row));
  }
  return labels;
}
