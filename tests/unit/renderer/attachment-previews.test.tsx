// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentMeta } from '@shared/api/diary';
import type { RpcResult } from '@shared/api/result';
import { AttachmentPreview } from '../../../renderer/src/features/diary/editor/AttachmentPreview';

const reads: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

beforeAll(() => {
  // A bridge that answers attachment reads slowly, counting how many are loading at once.
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => {
      if (method !== 'attachments.read') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Not in this test.' } };
      const { id } = payload as { id: string };
      reads.push(id);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 40));
      inFlight--;
      return { ok: true, value: { ...meta(id), data: Buffer.from(`contents of ${id}`).toString('base64') } };
    },
    onEvent: () => () => undefined,
  };
});
afterEach(cleanup);

const meta = (id: string): AttachmentMeta => ({ id, name: `${id}.txt`, type: 'text/plain', size: 20, sha256: 'a'.repeat(64), addedAt: '2026-01-01T00:00:00.000Z' });

describe('attachment previews', () => {
  it('load one at a time across every open editor, and a preview closed while waiting never loads', async () => {
    // Four editors each open a preview at once; the last is closed again before its turn comes.
    const ids = ['first', 'second', 'third', 'fourth'];
    const views = ids.map((id) => render(<AttachmentPreview meta={meta(id)} />));
    views.at(-1)!.unmount();

    for (const id of ids.slice(0, 3)) expect(await screen.findByText(`contents of ${id}`)).toBeTruthy();
    await waitFor(() => expect(inFlight).toBe(0));
    expect(mostInFlight).toBe(1);
    expect(reads).toEqual(['first', 'second', 'third']);
  });
});
