// @vitest-environment jsdom
// A file that outlives its purpose (left in Downloads, synced, found on a seized laptop) should not
// say what it is about or which tool made it: by default the file name carries only the date, and
// the properties a file browser shows (DOCX core/app properties, HTML <title>, PDF Info) name
// neither the topic nor the tool. Each file is read back with a real parser (fflate, the DOM,
// pdfinfo from poppler).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../electron/core/exports/document';
import { exportRenderer } from '../../../electron/core/exports/render';
import { chromiumPrinter } from '../../../electron/server/print-to-pdf';
import { tempDir } from '../../helpers/temp';

const doc: ExportDocument = {
  title: 'Example Platform takedowns in Vietnam',
  subtitle: 'CLARITI assessment report',
  generatedAt: '2026-11-02T09:00:00.000Z',
  blocks: [{ kind: 'paragraph', parts: [{ text: 'Accounts were suspended without explanation.' }] }],
};

// Words that would tell a reader of the file's properties what it is or what made it.
const REVEALING = [/example/i, /platform/i, /vietnam/i, /takedown/i, /clariti/i, /workbench/i, /advocacy/i, /assessment/i, /un-named/i];
const expectNeutral = (label: string, value: string) => {
  for (const word of REVEALING) expect(value, `${label}: ${word}`).not.toMatch(word);
};

const printer = chromiumPrinter();
const renderer = exportRenderer(printer.printToPdf);
afterAll(() => printer.close());

describe('neutral export names and metadata', () => {
  it('names every format by date only unless a descriptive name is asked for', async () => {
    for (const [format, extension] of [['markdown', 'md'], ['html', 'html'], ['docx', 'docx']] as const) {
      expect((await renderer.render(doc, format, null)).fileName).toBe(`document-2026-11-02.${extension}`);
    }
    expect((await renderer.render(doc, 'markdown', doc.title)).fileName).toBe('Example-Platform-takedowns-in-Vietnam.md');
  });

  it('writes DOCX core and app properties that name neither the topic nor the tool', async () => {
    const file = await renderer.render(doc, 'docx', null);
    const parts = unzipSync(new Uint8Array(Buffer.from(file.data, 'base64')));
    const core = strFromU8(parts['docProps/core.xml']!);
    expectNeutral('core.xml', core);
    expect(core).not.toMatch(/<dc:title>|<dc:description>|<cp:keywords>|<dc:creator>[^<]|<cp:lastModifiedBy>[^<]/);
    for (const name of ['docProps/app.xml', 'docProps/custom.xml']) if (parts[name]) expectNeutral(name, strFromU8(parts[name]));
    // The body still carries the title: only the properties are neutral.
    expect(strFromU8(parts['word/document.xml']!)).toContain('Example Platform takedowns in Vietnam');
  });

  it('writes HTML whose <title> is neutral and that has no generator', async () => {
    const file = await renderer.render(doc, 'html', null);
    const document = new DOMParser().parseFromString(Buffer.from(file.data, 'base64').toString('utf8'), 'text/html');
    expectNeutral('<title>', document.title);
    expect(document.querySelector('meta[name="generator"]')).toBeNull();
    expect(document.querySelector('h1')?.textContent).toBe(doc.title);
  });

  it('prints a PDF whose Title, Author, Subject, Keywords and Creator are neutral', async () => {
    const file = await renderer.render(doc, 'pdf', null);
    expect(file.fileName).toBe('document-2026-11-02.pdf');
    const pdf = path.join(tempDir('neutral-pdf-'), file.fileName);
    fs.writeFileSync(pdf, Buffer.from(file.data, 'base64'));
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', pdf], { encoding: 'utf8' });
    const fields = Object.fromEntries(info.split('\n').map((line) => [line.split(':')[0]!.trim(), line.slice(line.indexOf(':') + 1).trim()]));
    for (const field of ['Title', 'Author', 'Subject', 'Keywords', 'Creator']) expectNeutral(`PDF ${field}`, fields[field] ?? '');
    // Known limit: Chromium always writes Producer "Skia/PDF" (it names the engine, not this tool).
    expectNeutral('PDF Producer', fields.Producer ?? '');
  });
});
