import { useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { requestExternalOpen } from './ExternalLink';
import { inAppPath } from './links';
import { renderMarkdown } from './markdown';

export { inAppPath };

/**
 * Sanitised Markdown. Clicks on links are intercepted: in-app targets use the router, outside
 * addresses go through the confirm dialog, so the page itself never navigates away.
 */
export function Markdown({ source, className = 'markdown' }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const navigate = useNavigate();

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    const href = anchor.getAttribute('href');
    if (!href || href.startsWith('#')) return;
    event.preventDefault();
    const internal = inAppPath(href);
    if (internal) navigate(internal);
    else requestExternalOpen(href);
  };

  return <div className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
