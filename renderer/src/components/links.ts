// Where a link in content may lead, shared by the Markdown renderer and the light inline-link
// renderer (which must not pull the Markdown code in).

/** http(s) and mailto leave the app only after the user confirms; the rest are in-app targets. */
export const ALLOWED_LINK = /^(?:https?:|mailto:|mechanism:|framework:|section:|#|\/(?!\/))/i;

/** Where in-app link schemes lead; the knowledge base registers its routes here. */
export function inAppPath(href: string): string | null {
  const match = /^(mechanism|framework|section):([\w-]+)(#[\w-]+)?$/.exec(href);
  if (!match) return href.startsWith('/') ? href : null;
  const [, kind, id, anchor = ''] = match;
  const base = { mechanism: '/kb/mechanisms/', framework: '/kb/frameworks/', section: '/kb/sections/' }[kind as 'mechanism'];
  return `${base}${id}${anchor}`;
}
