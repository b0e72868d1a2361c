import { lazy, Suspense, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { requestExternalOpen } from './ExternalLink';
import { ALLOWED_LINK, inAppPath } from './links';

const Markdown = lazy(async () => ({ default: (await import('./Markdown')).Markdown }));

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
/** Anything Markdown would format besides [text](href) links: emphasis, code, HTML, escapes, images, block syntax. */
const OTHER_MARKDOWN = /[*_`<>\\~|]|!\[|^\s*(?:[#>+-]|\d+\.)\s/m;

/**
 * One line of content whose only markup is links, rendered as React elements: Home shows such
 * lines before any vault is open, and must not load the Markdown parser and sanitiser for them.
 * A line with other Markdown goes to the full renderer instead. Links behave as in Markdown:
 * in-app targets use the router, outside addresses ask first, anything else is plain text.
 */
export function InlineLinks({ source, className }: { source: string; className?: string }) {
  const navigate = useNavigate();
  if (OTHER_MARKDOWN.test(source.replace(LINK, ''))) {
    return (
      <Suspense fallback={<div className={className}>{source}</div>}>
        <Markdown source={source} className={className} />
      </Suspense>
    );
  }

  const open = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    event.preventDefault();
    const internal = inAppPath(href);
    if (internal) navigate(internal);
    else requestExternalOpen(href);
  };

  const parts: Array<string | { text: string; href: string }> = [];
  let last = 0;
  for (const match of source.matchAll(LINK)) {
    parts.push(source.slice(last, match.index));
    const [whole, text, href] = match as unknown as [string, string, string];
    parts.push(ALLOWED_LINK.test(href) ? { text, href } : text);
    last = match.index + whole.length;
  }
  parts.push(source.slice(last));

  return (
    <div className={className}>
      <p>
        {parts.map((part, i) =>
          typeof part === 'string' ? (
            part
          ) : (
            <a key={i} href={part.href} onClick={(event) => open(event, part.href)}>
              {part.text}
            </a>
          ),
        )}
      </p>
    </div>
  );
}
