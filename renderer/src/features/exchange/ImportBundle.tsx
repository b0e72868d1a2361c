import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundlePreview, ImportResult } from '@shared/api/exchange';
import { api } from '../../api/client';
import { fileToBase64 } from '../../components/download';
import { formatDateTime } from '../../i18n';
import { ExchangeProgress } from './ExchangeProgress';
import { BUNDLE_ACCEPT, FormStatus, FileField, PassphraseField } from './FileField';
import { useAction } from './useAction';

/** File and passphrase → preview → confirm → result. Nothing is written before the confirmation. */
export function ImportBundle() {
  const { t } = useTranslation('exchange');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<{ data: string; value: BundlePreview } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, run } = useAction();
  // The import reports its steps; the preview before it does not.
  const [importing, setImporting] = useState(false);

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setPreview(null);
    setResult(null);
    const previewed = await run(async () => {
      const data = await fileToBase64(file);
      return { data, value: await api().call('exchange.bundle.preview', { data, passphrase }) };
    });
    setPreview(previewed);
    // The preview holds the bytes from here on; after a failure the file stays for another try.
    if (previewed) setFile(null);
  }

  async function confirmImport() {
    if (!preview) return;
    setImporting(true);
    const imported = await run(() => api().call('exchange.bundle.import', { data: preview.data, passphrase, confirm: true })).finally(() => setImporting(false));
    if (!imported) return;
    setResult(imported);
    setPreview(null);
    setPassphrase('');
  }

  return (
    <section className="card" aria-labelledby="import-bundle-title">
      <h3 id="import-bundle-title">{t('import.title')}</h3>
      <p className="hint">{t('import.hint')}</p>
      <form onSubmit={showPreview}>
        <FileField label={t('bundleFile')} accept={BUNDLE_ACCEPT} file={file} onFile={setFile} />
        <PassphraseField label={t('filePassphrase')} value={passphrase} onChange={setPassphrase} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !file || !passphrase}>
            {t('import.preview')}
          </button>
        </div>
      </form>
      <ExchangeProgress operation="import" active={importing} />
      <FormStatus busy={busy && !importing} error={error} />
      {preview && <PreviewView preview={preview.value} busy={busy} onConfirm={() => void confirmImport()} onCancel={() => setPreview(null)} />}
      {result && (
        <div className="notice" role="status">
          <p>{result.added.length > 0 ? t('import.done', { count: result.added.length }) : t('import.doneNone')}</p>
          <ul>
            {result.added.map((item) => (
              <li key={item.id}>
                {t(`share.kinds.${item.kind}`)}: {item.title}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function PreviewView({ preview, busy, onConfirm, onCancel }: { preview: BundlePreview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('exchange');
  return (
    <div className="notice" aria-labelledby="bundle-preview-title">
      <h4 id="bundle-preview-title">{t('import.from', { organisation: preview.organisation, date: formatDateTime(preview.createdAt) })}</h4>
      <p>{t('import.counts', { newItems: preview.newItems, duplicates: preview.duplicates, files: preview.files })}</p>
      <ul>
        {preview.items.map((item, i) => (
          <li key={i}>
            {t(`share.kinds.${item.kind}`)}: {item.title}
            {item.duplicate && <span className="hint"> ({t('import.duplicate')})</span>}
          </li>
        ))}
      </ul>
      {preview.newItems === 0 && <p>{t('import.nothingNew')}</p>}
      <div className="actions">
        <button type="button" className="button primary" onClick={onConfirm} disabled={busy || (preview.newItems === 0 && preview.files === 0)}>
          {t('import.confirm', { count: preview.newItems })}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
