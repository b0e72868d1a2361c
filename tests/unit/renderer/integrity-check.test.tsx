// @vitest-environment jsdom
// "Verify integrity" in Settings, against a real core and a real encrypted vault file: progress
// from core's events, the report with the head hash, the result kept while the user is elsewhere,
// and a change made to the file outside the app named in plain words.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { RpcResult } from '@shared/api/result';
import { vaultPaths } from '../../../electron/core/vault/layout';
import { IntegrityCheck } from '../../../renderer/src/features/vault/IntegrityCheck';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { openWithKey, vaultKey } from '../../core/vault/helpers';

let t: TestCore;
let engagementId: string;
/** While set, the answer to integrity.verify waits for it: a slow check, seen mid-way. */
let hold: Promise<void> | null = null;

beforeAll(async () => {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  for (let i = 0; i < 3; i++) {
    const saved = await t.call('engagements.save', { occurredAt: `2026-10-0${i + 1}T09:30:00.000Z`, companyId: company.id, channel: 'call', notes: `call ${i}` });
    engagementId = saved.id;
  }
  // The same bridge the desktop preload exposes, with core's push events forwarded.
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => {
      const result = await t.core.dispatch(method, payload);
      if (method === 'integrity.verify' && hold) await hold;
      return result;
    },
    onEvent: (listener) => t.core.events.on((event) => listener(event.name, event.payload)),
  };
});
afterEach(cleanup);
afterAll(() => t.core.close());

const verifyButton = () => screen.getByRole('button', { name: 'Verify integrity' });

describe('Verify integrity in Settings', () => {
  it('shows progress from core while it runs, and the report with the head hash after the user left and came back', async () => {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const first = render(<IntegrityCheck />);
    await act(async () => fireEvent.click(verifyButton()));

    const progress = await screen.findByRole('progressbar', { name: 'Integrity check progress' });
    await waitFor(() => expect(progress.getAttribute('value')).not.toBeNull());
    expect(screen.getByText(/Checking saved versions: 4 of 4|Comparing records with their last version/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Verifying…' }) as HTMLButtonElement).disabled).toBe(true);

    // The user goes to another page while the check runs; the result waits for them.
    first.unmount();
    await act(async () => {
      release();
      await hold;
    });
    hold = null;
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(<IntegrityCheck />);

    const report = await screen.findByTestId('integrity-report');
    expect(within(report).getByText(/^Verified: every saved version is intact/)).toBeTruthy();
    expect(within(report).getByText('Versions checked').nextElementSibling?.textContent).toBe('4');
    expect(within(report).getByText('Records compared with their last version').nextElementSibling?.textContent).toBe('4');
    const { headHash } = await t.call('integrity.verify', null);
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(within(report).getByTestId('integrity-head-hash').textContent).toBe(headHash);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('names the record and the problem when the vault file was changed outside the app', async () => {
    const vault = (await t.call('vault.status', null)).vault!;
    const db = openWithKey(vaultPaths(t.dataDir, vault.id).db, await vaultKey(t.dataDir, vault.id, TEST_PASSPHRASE));
    db.prepare("UPDATE engagements SET doc = replace(doc, 'call 2', 'call 2 edited') WHERE id = ?").run(engagementId);
    db.close();

    render(<IntegrityCheck />);
    await act(async () => fireEvent.click(verifyButton()));
    const report = await screen.findByTestId('integrity-report');
    await waitFor(() => expect(within(report).getByText('Not verified: part of this vault was changed outside the app.')).toBeTruthy());
    const affected = within(report).getByText('Affected record').nextElementSibling!;
    expect(affected.textContent).toContain('Diary entry');
    expect(affected.textContent).toContain(engagementId);
    expect(within(report).getByText('Problem').nextElementSibling?.textContent).toBe(
      'This record differs from its last revision: it was changed outside the app.',
    );
    expect(within(report).queryByTestId('integrity-head-hash')).toBeNull();
    expect(within(report).getByText(/Do not delete anything/)).toBeTruthy();
  });

  it('forgets the report when the vault locks: it described a vault no longer open', async () => {
    render(<IntegrityCheck />);
    expect(screen.getByTestId('integrity-report')).toBeTruthy();
    await act(async () => {
      await t.call('vault.lock', null);
    });
    await waitFor(() => expect(screen.queryByTestId('integrity-report')).toBeNull());
  });
});
