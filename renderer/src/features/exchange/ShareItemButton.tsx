import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { BundleKind } from '@shared/api/exchange';
import { ShareBundle } from './ShareBundle';

/**
 * "Share with a partner" on a plan, package or assessment's own page: the bundle form in a dialog
 * with this record already chosen (others can be added). The bundle holds the saved version.
 * The record's page is itself a form: the dialog renders outside it (a portal), and its submit
 * stops there, so making a bundle never also saves the record.
 */
export function ShareItemButton({ kind, id, title }: { kind: BundleKind; id: string; title: string }) {
  const { t } = useTranslation('actions');
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('share.button')}
      </button>
      {createPortal(
        <div onSubmit={(event) => event.stopPropagation()}>
          <dialog ref={dialog} className="dialog share-dialog" aria-labelledby={headingId} onClose={() => setOpen(false)}>
            <h2 id={headingId}>{t('share.title', { title })}</h2>
            <p className="hint">{t('share.savedVersion')}</p>
            {/* Mounted only while open: each opening starts from this record alone, with no passphrase left in a field. */}
            {open && <ShareBundle initial={[{ kind, id }]} />}
            <div className="actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('share.close')}
              </button>
            </div>
          </dialog>
        </div>,
        document.body,
      )}
    </>
  );
}
