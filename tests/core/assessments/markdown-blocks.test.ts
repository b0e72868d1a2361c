// The edited report becomes export blocks: headings under the title, lists, quotes and bold labels.
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../../electron/core/assessments/markdown-blocks';

describe('the report as export blocks', () => {
  it('reads headings, paragraphs, lists, quotes and bold, and keeps everything else as typed', () => {
    const blocks = markdownToBlocks(
      ['## 1. Purpose', '**Scope.** Facebook in Vietnam', 'second line', '', '- one', '- two', '1. first', '> "Quoted" <b>', '### Impact 1: Removed', 'Text with *stars* and # hash'].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: '1. Purpose' },
      { kind: 'paragraph', parts: [{ text: 'Scope.', bold: true }, { text: ' Facebook in Vietnam\nsecond line' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'first' }]] },
      { kind: 'quote', text: '"Quoted" <b>' },
      { kind: 'heading', level: 2, text: 'Impact 1: Removed' },
      { kind: 'paragraph', parts: [{ text: 'Text with *stars* and # hash' }] },
    ]);
  });
});
