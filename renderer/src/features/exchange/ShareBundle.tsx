import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleChoice } from '@shared/api/exchange';
import type { ExportIdentity, IdentityReview } from '@shared/api/export-identity';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { base64ToBytes, saveBlob } from '../../components/download';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { IdentityReviewStep } from '../../components/IdentityReviewStep';
import { useApi } from '../../components/useApi';
import { isAcceptableNewPassphrase, NewPassphraseFields } from '../vault/NewPassphraseFields';
import { ExchangeProgress } from './ExchangeProgress';
import { FormStatus } from './FileField';
import { useAction } from './useAction';

const keyOf = (choice: Pick<BundleChoice, 'kind' | 'id'>) => `${choice.kind}:${choice.id}`;

/** `initial`: what is already ticked when the form opens (a record's own Share button). */
export function ShareBundle({ initial = [] }: { initial?: ReadonlyArray<Pick<BundleChoice, 'kind' | 'id'>> } = {}) {
  const { t } = useTranslation('exchange');
  const serverGone = useServerGone();
  const id = useId();
  const { state, reload } = useApi('exchange.bundle.choices', null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial.map(keyOf)));
  const [organisation, setOrganisation] = useState('');
  const [includeFiles, setIncludeFiles] = useState(false);
  const [keepImageMetadata, setKeepImageMetadata] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState<string | null>(null);
  // The identity check of exactly these records, shown before the bundle is made.
  const [pending, setPending] = useState<{ items: Array<Pick<BundleChoice, 'kind' | 'id'>>; review: IdentityReview } | null>(null);
  const { t: tc } = useTranslation('common');
  const { busy, error, run } = useAction();
  // Making the bundle reports its steps; the identity check before it is short and does not.
  const [making, setMaking] = useState(false);

  function toggle(choice: BundleChoice) {
    setPending(null);
    setChosen((previous) => {
      const next = new Set(previous);
      if (!next.delete(keyOf(choice))) next.add(keyOf(choice));
      return next;
    });
  }

  async function submit(event: FormEvent, choices: BundleChoice[]) {
    event.preventDefault();
    setDone(null);
    const items = choices.filter((c) => chosen.has(keyOf(c))).map(({ kind, id: itemId }) => ({ kind, id: itemId }));
    const review = await run(() => api().call('exports.bundleIdentityCheck', { items, includeCitedFiles: includeFiles }));
    if (review) setPending({ items, review });
  }

  async function create(items: Array<Pick<BundleChoice, 'kind' | 'id'>>, identity: ExportIdentity) {
    setPending(null);
    setMaking(true);
    const file = await run(() => api().call('exchange.bundle.create', { organisation, passphrase, items, includeCitedFiles: includeFiles, keepImageMetadata: includeFiles && keepImageMetadata, identity })).finally(() =>
      setMaking(false),
    );
    if (!file) return;
    saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
    setPassphrase('');
    setConfirmation('');
    setDone(t('share.done', { fileName: file.fileName, items: file.items, files: file.files }));
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('share.title')}</h3>
      <p className="hint">{t('share.hint')}</p>
      <AsyncView state={state} onRetry={reload}>
        {(choices) =>
          choices.length === 0 ? (
            <p className="hint">{t('share.none')}</p>
          ) : (
            <form onSubmit={(event) => void submit(event, choices)}>
              <fieldset>
                <legend>{t('share.choose')}</legend>
                {choices.map((choice) => (
                  <div key={keyOf(choice)}>
                    <label>
                      <input type="checkbox" checked={chosen.has(keyOf(choice))} onChange={() => toggle(choice)} /> {t(`share.kinds.${choice.kind}`)}: {choice.title}
                    </label>
                  </div>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor={`${id}-org`}>{t('share.organisation')}</label>
                <input id={`${id}-org`} value={organisation} maxLength={200} onChange={(event) => setOrganisation(event.target.value)} aria-describedby={`${id}-org-hint`} />
                <span id={`${id}-org-hint`} className="hint">
                  {t('share.organisationHint')}
                </span>
              </div>
              <label>
                <input
                  type="checkbox"
                  checked={includeFiles}
                  onChange={(event) => {
                    setPending(null);
                    setIncludeFiles(event.target.checked);
                  }}
                  aria-describedby={`${id}-files-hint`}
                />{' '}
                {t('share.includeFiles')}
              </label>
              <p id={`${id}-files-hint`} className="hint">
                {t('share.includeFilesHint')}
              </p>
              {includeFiles && (
                <>
                  <label>
                    <input type="checkbox" checked={keepImageMetadata} onChange={(event) => setKeepImageMetadata(event.target.checked)} aria-describedby={`${id}-metadata-hint`} />{' '}
                    {t('share.keepImageMetadata')}
                  </label>
                  <p id={`${id}-metadata-hint`} className="hint">
                    {t(keepImageMetadata ? 'share.keepImageMetadataOn' : 'share.keepImageMetadataHint')}
                  </p>
                </>
              )}
              <NewPassphraseFields label={t('newFilePassphrase')} passphrase={passphrase} confirmation={confirmation} onPassphrase={setPassphrase} onConfirmation={setConfirmation} />
              <ExchangeProgress operation="bundle" active={making} />
              <FormStatus busy={busy && !making} error={error} done={done} />
              {pending && (
                <div className="notice" role="alertdialog" aria-labelledby={`${id}-check-title`}>
                  <strong id={`${id}-check-title`}>{t('share.checkTitle')}</strong>
                  <IdentityReviewStep
                    review={pending.review}
                    busy={busy}
                    exportLabel={t('share.submitChecked')}
                    exportFlaggedLabel={t('share.submitFlagged')}
                    onBack={() => setPending(null)}
                    onExport={(identity) => void create(pending.items, identity)}
                  />
                  <p className="hint">{tc('export.identity.bundleNote')}</p>
                </div>
              )}
              <div className="actions">
                <button
                  type="submit"
                  className={pending ? 'button' : 'button primary'}
                  disabled={busy || serverGone || pending !== null || chosen.size === 0 || !organisation.trim() || !isAcceptableNewPassphrase(passphrase, confirmation)}
                  aria-describedby={serverGone ? `${id}-unavailable` : undefined}
                >
                  {t('share.submit')}
                </button>
                <ServerGoneReason id={`${id}-unavailable`} gone={serverGone} />
              </div>
            </form>
          )
        }
      </AsyncView>
    </section>
  );
}
