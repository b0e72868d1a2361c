// A PDF export printed by browser mode's Chromium, through the core's export pipeline, is tagged
// (a structure tree screen readers follow) and carries an outline built from its headings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportRenderer } from '../../../electron/core/exports/render';
import { CHROMIUM_PATH, chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { tempDir } from '../../helpers/temp';

describe.skipIf(!fs.existsSync(CHROMIUM_PATH))('PDF exports for screen readers', () => {
  const printer = chromiumPrinter();
  afterAll(() => printer.close());

  it('are tagged and have an outline with the document\'s headings', async () => {
    const file = await exportRenderer(printer.printToPdf).render(
      {
        title: 'Escalation plan',
        subtitle: 'Plan',
        generatedAt: '2026-03-12T10:00:00.000Z',
        blocks: [
          { kind: 'heading', level: 1, text: 'Escalation plan' },
          { kind: 'paragraph', parts: [{ text: 'Why we escalate.' }] },
          { kind: 'heading', level: 2, text: 'Step one: write to the policy team' },
          { kind: 'paragraph', parts: [{ text: 'Send the findings.' }] },
        ],
      },
      'pdf',
      'plan',
    );
    const bytes = Buffer.from(file.data, 'base64');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Outlines');

    const out = path.join(tempDir(), 'plan.pdf');
    fs.writeFileSync(out, bytes);
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
    const outline = spawnSync('pdfinfo', ['-struct', out], { encoding: 'utf8' });
    expect(outline.stdout).toMatch(/H1|H2/);
  });
});
