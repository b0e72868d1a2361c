// Progress of long exports, through the dispatcher on a real vault with Chromium printing: a PDF
// tells the window each step in order (checking for names, laying out, printing) and then that it
// is finished, a Word file its two steps, and Markdown and HTML, written at once, tell nothing.
// The events carry the step and counts only, never a word of the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../electron/shared/api/events';
import { chromiumPrinter, type ChromiumPrinter } from '../../../electron/server/print-to-pdf';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { QUOTE } from '../export-check/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

let printer: ChromiumPrinter;
let t: TestCore;
let packageId: string;
const seen: { name: string; payload: unknown }[] = [];

beforeAll(async () => {
  printer = chromiumPrinter();
  t = await unlockedCore({ printToPdf: printer.printToPdf });
  t.core.events.on((event) => seen.push(event));
  const { company, first, second, file } = await diaryWithTwoCalls(t);
  packageId = (await t.call('packages.save', fullPackage(company.id, [first.id, second.id], file.id))).id;
}, 60_000);
afterAll(async () => {
  t.core.close();
  await printer.close();
});

async function exportSteps(format: 'pdf' | 'docx' | 'markdown' | 'html') {
  seen.length = 0;
  const file = await t.call('packages.export', { identity: { acknowledge: true }, id: packageId, format });
  const progress = seen.filter((event) => event.name === 'export.progress').map((event) => event.payload as EventPayload<'export.progress'>);
  return { file, progress };
}

describe('export progress events', () => {
  it('reports a PDF as checking, laying out, printing, then finished', async () => {
    const { file, progress } = await exportSteps('pdf');
    expect(Buffer.from(file.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(progress).toEqual([
      { format: 'pdf', step: 'check', done: 0, total: 3 },
      { format: 'pdf', step: 'layout', done: 1, total: 3 },
      { format: 'pdf', step: 'print', done: 2, total: 3 },
      { format: 'pdf', step: 'finished', done: 3, total: 3 },
    ]);
  }, 60_000);

  it('reports a Word file as checking, laying out, then finished', async () => {
    const { file, progress } = await exportSteps('docx');
    expect(Buffer.from(file.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(progress).toEqual([
      { format: 'docx', step: 'check', done: 0, total: 2 },
      { format: 'docx', step: 'layout', done: 1, total: 2 },
      { format: 'docx', step: 'finished', done: 2, total: 2 },
    ]);
  }, 60_000);

  it('says nothing for Markdown and HTML, which are written at once', async () => {
    for (const format of ['markdown', 'html'] as const) expect((await exportSteps(format)).progress).toEqual([]);
  });

  it('stops at the check, never saying finished, when the identity check refuses the export', async () => {
    // A third party's name in the user's own text: the check flags it and no decision was given.
    const named = await t.call('packages.save', { title: 'Removals', findings: [{ id: crypto.randomUUID(), title: 'Removals', statement: QUOTE, evidence: [] }] });
    seen.length = 0;
    const refused = await t.raw('packages.export', { identity: {}, id: named.id, format: 'pdf' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const steps = seen.filter((event) => event.name === 'export.progress').map((event) => (event.payload as EventPayload<'export.progress'>).step);
    expect(steps).toEqual(['check']);
  });
});
