// @vitest-environment jsdom
// The diary list's first window is asked for at start-up, before the page's code runs. When its
// answer is in by the time the list first renders, that render shows the rows (no loading line,
// no second render) and the list does not ask core again; when it is not, the list waits for it
// instead of asking a second time. Against a real vault, through the desktop transport.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import type { EntryList } from '../../../renderer/src/features/diary/list/useEntryWindows';
import { unlockedCore, type TestCore } from '../../helpers/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
  delete window.workbench;
});

/** A vault of `count` entries behind window.workbench, counting the list calls that reach core. */
async function diaryOf(count: number) {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Zing', sector: 'other' });
  for (let i = 0; i < count; i++) {
    await t.call('engagements.save', { occurredAt: `2026-05-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z`, companyId: company.id, channel: 'email', title: `Meeting ${i}` });
  }
  const core = t;
  const listCalls: unknown[] = [];
  let release: () => void = () => undefined;
  const held = { on: false };
  window.workbench = {
    invoke: async (method, payload) => {
      if (method === 'engagements.list') {
        listCalls.push(payload);
        if (held.on) await new Promise<void>((resolve) => (release = resolve));
      }
      return core.raw(method, payload);
    },
    onEvent: () => () => undefined,
  };
  // A fresh module graph per test: the early answer lives in first-window.ts's module state.
  vi.resetModules();
  const windows = await import('../../../renderer/src/features/diary/list/first-window');
  const { useEntryWindows } = await import('../../../renderer/src/features/diary/list/useEntryWindows');
  const params = new URLSearchParams();
  const render = () => renderHook(() => useEntryWindows(windows.filterFromParams(params), windows.listKey(params)));
  return { windows, render, listCalls, held, release: () => release() };
}

const ready = (state: { status: string; data?: EntryList }) => (state.status === 'ready' ? state.data! : null);

describe('the diary list’s first window', () => {
  it('shows the early answer on the first render and asks core for nothing more', async () => {
    const diary = await diaryOf(3);
    diary.windows.askForFirstWindow('/diary', '');
    await waitFor(() => expect(diary.windows.arrivedFirstWindow(diary.windows.listKey(new URLSearchParams()))).not.toBeNull());
    const { result } = diary.render();
    const list = ready(result.current.state);
    expect(list?.total).toBe(3);
    expect(list?.rowAt(0)?.title).toBe('Meeting 2');
    await act(async () => undefined);
    expect(diary.listCalls).toHaveLength(1);
    // Taken: a list mounted later (another visit) asks afresh.
    expect(diary.windows.takeFirstWindow(diary.windows.listKey(new URLSearchParams()))).toBeNull();
  });

  it('waits for an early answer still on its way instead of asking again', async () => {
    const diary = await diaryOf(2);
    diary.held.on = true;
    diary.windows.askForFirstWindow('/diary', '');
    const { result } = diary.render();
    expect(result.current.state.status).toBe('loading');
    diary.held.on = false;
    diary.release();
    await waitFor(() => expect(ready(result.current.state)?.total).toBe(2));
    expect(diary.listCalls).toHaveLength(1);
  });

  it('asks core itself when nothing was asked for early', async () => {
    const diary = await diaryOf(1);
    const { result } = diary.render();
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(ready(result.current.state)?.rowAt(0)?.title).toBe('Meeting 0'));
    expect(diary.listCalls).toHaveLength(1);
  });
});
