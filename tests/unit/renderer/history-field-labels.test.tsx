// @vitest-environment jsdom
// The history view names each changed field in words from the catalogue ("Date and time"), never
// by its internal name ("occurredAt"): read from a real core and an encrypted vault, and checked
// for every top-level field of every kind of record that keeps a history.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { AssessmentRecord } from '@shared/api/assessments';
import { Company, Engagement } from '@shared/api/diary';
import { Note } from '@shared/api/notes';
import { EvidencePackage, PlanDraft } from '@shared/api/plans';
import { Submission } from '@shared/api/submissions';
import en from '../../../renderer/src/i18n/locales/en/diary.json';
import { HistoryPanel } from '../../../renderer/src/features/diary/history/HistoryPanel';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore;
let engagementId: string;
let version: string;

beforeAll(async () => {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  const first = await t.call('engagements.save', { occurredAt: '2026-10-01T09:30:00.000Z', companyId: company.id, channel: 'call', notes: 'First call' });
  const second = await t.call('engagements.save', { ...first, occurredAt: '2026-10-02T09:30:00.000Z', notes: 'First call, moved' });
  engagementId = second.id;
  version = second.updatedAt;
  window.workbench = {
    invoke: (method, payload): Promise<RpcResult<unknown>> => t.core.dispatch(method, payload),
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
});
afterEach(cleanup);
afterAll(() => t.core.close());

describe('field names in the history view', () => {
  it('labels the changed fields of an edited diary entry in words, not internal names', async () => {
    render(<HistoryPanel entity="engagement" id={engagementId} version={version} />);
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const version2 = (await screen.findByText(/Version 2/)).closest('li') ?? document.body;
    const terms = within(version2 as HTMLElement)
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    expect(terms).toEqual(expect.arrayContaining(['Date and time', 'Notes']));
    expect(document.body.textContent).not.toMatch(/occurredAt/);
  });

  it('has a label for every top-level field of every record kind that keeps a history', () => {
    const kept = new Set(['id', 'createdAt', 'updatedAt', 'version']);
    const labels = en.history.fields as Record<string, string>;
    for (const schema of [AssessmentRecord, Company, Engagement, Note, EvidencePackage, PlanDraft, Submission]) {
      for (const field of Object.keys(schema.shape).filter((f) => !kept.has(f))) expect(labels[field], field).toMatch(/\S/);
    }
  });
});
