// Hostile text for export tests: what an imported partner record can put in a title or a field.
import type { ExportDocument } from '../../../electron/core/exports/document';

export const EVIL = 'evil.example';
export const HOSTILE = [
  `</style><meta http-equiv=refresh content="0;url=http://${EVIL}/">`,
  `</title><script>location="http://${EVIL}/s"</script>`,
  `"><a href="javascript:alert(1)" style="position:fixed;inset:0;background:#fff">Your session expired: sign in again</a>`,
  `<img src=http://${EVIL}/pixel.png>`,
  `[Sign in](http://${EVIL}/login) ![chart](http://${EVIL}/chart.png) <http://${EVIL}/> https://${EVIL}/raw www.${EVIL}`,
  `"; } body { background: url(http://${EVIL}/bg.png) } @import "http://${EVIL}/a.css"; a { content: "`,
  `'); @import url(//${EVIL}/b.css); /* \\"\\a </STYLE ><base href=http://${EVIL}/>`,
  `[ref]: http://${EVIL}/ref "t" &lt;img src=x&gt; &#60;iframe src=//${EVIL}&#62;`,
];
export const ONE_LINE = HOSTILE.join(' ');

export const hostileDocument: ExportDocument = {
  title: ONE_LINE,
  subtitle: HOSTILE[0]!,
  generatedAt: '2026-11-02T09:00:00.000Z',
  blocks: [
    ...HOSTILE.map((text, i) => ({ kind: 'heading' as const, level: ((i % 3) + 1) as 1 | 2 | 3, text })),
    ...HOSTILE.map((text) => ({ kind: 'paragraph' as const, parts: [{ text }, { text, bold: true }, { text, italic: true }, { text, code: true }] })),
    { kind: 'quote', text: HOSTILE.join('\n') },
    { kind: 'list', ordered: false, items: HOSTILE.map((text) => [{ text }]) },
    { kind: 'list', ordered: true, items: HOSTILE.map((text) => [{ text, code: true }]) },
    { kind: 'fields', rows: HOSTILE.map((text, i) => [text, i % 2 ? text : `${text}\n${text}`]), code: [HOSTILE[1]!] },
    { kind: 'pageBreak' },
    { kind: 'table', columns: [HOSTILE[0]!, HOSTILE[4]!], rows: HOSTILE.map((text) => [text, text]), code: [1] },
  ],
};
