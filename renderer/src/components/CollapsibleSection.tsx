import { useEffect, useState, type ReactNode } from 'react';
import './CollapsibleSection.css';

/**
 * A part of an editor that opens on demand, with a one-line summary of what it holds while closed
 * ("Safety checklist: 3 of 6 done"). Whether it is open is remembered on this device under a key
 * named for the section only (never for the record or its content), so every entry opens the same
 * way. Native <details>: the browser gives it keyboard operation, its expanded state, and opens it
 * when find-in-page matches inside.
 */
interface Props {
  /** Stable name of the section, e.g. "diary.safety"; becomes the storage key. */
  name: string;
  title: string;
  /** What the section holds, shown next to the title (open or closed). */
  summary?: string;
  defaultOpen?: boolean;
  /** Opens the section (e.g. a field inside failed validation) whatever was remembered. */
  forceOpen?: boolean;
  /**
   * Renders the content only once the section has been opened, so a closed section costs nothing
   * when the editor opens. Only for content without validation rules: form values stay in the
   * form either way, but a rule is checked only while its field is rendered.
   */
  lazy?: boolean;
  children: ReactNode;
  testId?: string;
}

const STORAGE_PREFIX = 'workbench.section.';

export function rememberedOpen(name: string, fallback: boolean): boolean {
  try {
    const stored = window.localStorage.getItem(STORAGE_PREFIX + name);
    return stored === null ? fallback : stored === 'open';
  } catch {
    // Storage can be refused (a locked-down profile); the section then starts as its default.
    return fallback;
  }
}

function remember(name: string, open: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + name, open ? 'open' : 'closed');
  } catch {
    // Not remembering is harmless: the section opens as its default next time.
  }
}

export function CollapsibleSection({ name, title, summary, defaultOpen = false, forceOpen = false, lazy = false, children, testId }: Props) {
  const [open, setOpen] = useState(() => forceOpen || rememberedOpen(name, defaultOpen));
  const [opened, setOpened] = useState(open);
  useEffect(() => {
    if (forceOpen) setOpen(true);
  }, [forceOpen]);
  useEffect(() => {
    if (open) setOpened(true);
  }, [open]);
  return (
    <details
      className="collapsible-section"
      open={open}
      data-section={name}
      data-testid={testId}
      onToggle={(event) => {
        const now = event.currentTarget.open;
        if (now === open) return;
        setOpen(now);
        remember(name, now);
      }}
    >
      <summary>
        <span className="section-title">{title}</span>
        {summary && <span className="section-summary">{summary}</span>}
      </summary>
      <div className="section-body">{!lazy || opened ? children : null}</div>
    </details>
  );
}
