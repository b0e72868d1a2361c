// The six principles' guidance, quoted from the toolkit's "Safe & Strategic Engagement" section
// rather than copied into code, so a new edition of the toolkit updates the checklist too.
import { PRINCIPLES, type PrincipleGuidance } from '@shared/api/plans';

export const SAFE_ENGAGEMENT_SECTION = 'safe-engagement';

// Used only if a heading is missing from the section, so the checklist never loses a row.
const FALLBACK_TITLES = ['Do Your Homework', 'Engage the Right People', 'Act Collectively', 'Prioritise Safety', 'Document Everything', 'Escalate When Needed'];

/** Reads "### 01 Do Your Homework" and the paragraphs under it, for each of the six principles. */
export function principlesFromSection(markdown: string): PrincipleGuidance[] {
  const found = new Map<number, { title: string; body: string[] }>();
  let current: { title: string; body: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(\d{2})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = { title: heading[2]!, body: [] };
      found.set(Number(heading[1]), current);
      continue;
    }
    if (/^#{1,6}\s/.test(line)) current = null;
    else if (current) current.body.push(line);
  }
  return PRINCIPLES.map((key, i) => {
    const entry = found.get(i + 1);
    return {
      key,
      number: String(i + 1).padStart(2, '0'),
      title: entry?.title ?? FALLBACK_TITLES[i]!,
      guidance: entry ? plainText(entry.body.join('\n')) : '',
    };
  });
}

/** Links become their text ("[SEA CPN](mechanism:sea-cpn)" → "SEA CPN"); emphasis marks go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
