// Markdown from content and from users' notes becomes HTML through marked, then DOMPurify: no raw
// HTML, script, event handler, frame, form or remote resource survives. Links keep only the
// schemes the app knows how to follow safely.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { ALLOWED_LINK } from './links';

const marked = new Marked({ gfm: true, breaks: false, async: false });

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!ALLOWED_LINK.test(href)) node.removeAttribute('href');
      node.removeAttribute('target');
    }
    // Remote images would reveal the user's address; only inline data images are shown.
    if (node.tagName === 'IMG' && !/^data:image\/(png|jpe?g|gif|webp);/i.test(node.getAttribute('src') ?? '')) node.remove();
  });
}

export function renderMarkdown(source: string): string {
  installHooks();
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'video', 'audio', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|mechanism:|framework:|section:|#|\/(?!\/)|data:image\/)/i,
  });
}
