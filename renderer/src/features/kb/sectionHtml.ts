import type { Heading } from '@shared/api/kb';
import { renderMarkdown } from '../../components/markdown';

/**
 * Sanitised HTML of a section with each heading given its anchor from the compiled knowledge base
 * (the same anchors search hits point to). Ids are added after sanitising, and only ours.
 */
export function sectionHtml(markdown: string, headings: Heading[]): string {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  const elements = template.content.querySelectorAll('h1, h2, h3, h4, h5, h6');
  elements.forEach((element, i) => {
    const heading = headings[i];
    if (!heading) return;
    element.id = heading.anchor;
    element.setAttribute('tabindex', '-1');
  });
  return template.innerHTML;
}

/** The heading with this anchor and everything after it up to the next heading of its level or higher. */
export function passageElements(root: HTMLElement, anchor: string): HTMLElement[] {
  const heading = [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].find((element) => element.id === anchor);
  if (!heading) return [];
  const level = Number(heading.tagName[1]);
  const passage = [heading];
  for (let next = heading.nextElementSibling; next instanceof HTMLElement; next = next.nextElementSibling) {
    if (/^H[1-6]$/.test(next.tagName) && Number(next.tagName[1]) <= level) break;
    passage.push(next);
  }
  return passage;
}
