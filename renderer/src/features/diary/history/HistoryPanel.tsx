import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision } from '@shared/api/diary';
import { AsyncView } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import { formatDateTime, formatDay } from '../../../i18n';
import { diffRecords } from './revision-diff';

/** Every saved version of a record, newest first, each with what changed from the one before. */
export function HistoryPanel({ entity, id, version }: { entity: Revision['entity']; id: string; version: string }) {
  const { t } = useTranslation('diary');
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">
        <button type="button" className="heading-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('history.title')}
        </button>
      </h2>
      {open && <Versions entity={entity} id={id} version={version} />}
    </section>
  );
}

function Versions({ entity, id, version }: { entity: Revision['entity']; id: string; version: string }) {
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('history.list', { entity, id }, [version]);
  return (
    <AsyncView state={state} onRetry={reload}>
      {(revisions) => (
        <ol className="history-list" reversed>
          {[...revisions].reverse().map((revision) => {
            const previous = revisions.find((r) => r.version === revision.version - 1);
            const changes = previous ? diffRecords(previous.content, revision.content, { day: formatDay, dateTime: formatDateTime }) : [];
            return (
              <li key={revision.seq}>
                <h3 className="history-version">
                  {t('history.version', { version: revision.version })} · {formatDateTime(revision.at)}
                  {revision.deleted && <> · {t('history.deleted')}</>}
                </h3>
                <div className="hint">
                  {t('history.hash')}: <code>{revision.hash}</code>
                </div>
                {!previous ? (
                  <p className="hint">{t('history.first')}</p>
                ) : changes.length === 0 ? (
                  <p className="hint">{t('history.noChanges')}</p>
                ) : (
                  <dl>
                    {changes.map((change) => (
                      <div key={change.field}>
                        <dt>{t(`history.fields.${change.field}`, { defaultValue: change.field })}</dt>
                        <dd>
                          {change.parts.map((part, i) =>
                            part.added ? (
                              <ins key={i} className="diff-new">
                                {part.value}
                              </ins>
                            ) : part.removed ? (
                              <del key={i} className="diff-old">
                                {part.value}
                              </del>
                            ) : (
                              <span key={i}>{part.value}</span>
                            ),
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </AsyncView>
  );
}
