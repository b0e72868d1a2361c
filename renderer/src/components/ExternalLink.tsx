import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { copyText } from './clipboard';

// Outside addresses are never loaded by the app. A link shows its address; following it asks
// first, then hands the address to the system browser.
let pending: string | null = null;
const listeners = new Set<() => void>();
const setPending = (url: string | null) => {
  pending = url;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const requestExternalOpen = (url: string): void => setPending(url);

export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a
      href={href}
      className="external-link"
      rel="noreferrer noopener"
      onClick={(event) => {
        event.preventDefault();
        requestExternalOpen(href);
      }}
    >
      {children ?? href}
    </a>
  );
}

export function ExternalLinkDialog() {
  const { t } = useTranslation();
  const url = useSyncExternalStore(subscribe, () => pending);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (url && !element.open) {
      element.showModal();
      // Focused here, not with autoFocus: React focuses an autoFocus button as it first mounts,
      // while this dialog is closed, which forced a layout of the whole first screen for nothing.
      cancel.current?.focus();
    }
    if (!url && element.open) element.close();
  }, [url]);

  const open = async () => {
    if (url) await api().call('app.openExternal', { url }).catch(() => undefined);
    setPending(null);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="external-title" onClose={() => setPending(null)}>
      <h2 id="external-title">{t('external.title')}</h2>
      <p>{t('external.body', { url: url ?? '' })}</p>
      <p className="address">
        <code>{url}</code>
      </p>
      <div className="actions">
        <button type="button" className="button" ref={cancel} onClick={() => setPending(null)}>
          {t('external.cancel')}
        </button>
        <button type="button" className="button" onClick={() => url && void copyText(url)}>
          {t('external.copy')}
        </button>
        <button type="button" className="button primary" onClick={() => void open()}>
          {t('external.open')}
        </button>
      </div>
    </dialog>
  );
}
