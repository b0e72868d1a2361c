import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta, ImageMetadata, ImageMetadataField } from '@shared/api/diary';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { formatNumber } from '../../../i18n';
import './ImageMetadataPanel.css';

type State = { status: 'closed' } | { status: 'loading' } | { status: 'ready'; metadata: ImageMetadata | null } | { status: 'error'; message: string };

const RISK_ORDER: ImageMetadataField['risk'][] = ['location', 'person', 'device', 'time', 'software', 'other'];

/**
 * What an image attachment tells anyone who gets the file: where it was taken (first, as the most
 * dangerous), who made it, with what and when. Read from core when opened, not with the editor.
 */
export function ImageMetadataPanel({ meta }: { meta: AttachmentMeta }) {
  const { t } = useTranslation('diary');
  const [state, setState] = useState<State>({ status: 'closed' });

  const toggle = (open: boolean) => {
    if (!open || state.status !== 'closed') return;
    setState({ status: 'loading' });
    api()
      .call('attachments.metadata', { id: meta.id })
      .then((metadata) => setState({ status: 'ready', metadata }))
      .catch((caught: Error) => setState({ status: 'error', message: caught.message }));
  };

  return (
    <details className="image-metadata" onToggle={(event) => toggle(event.currentTarget.open)}>
      <summary>{t('attachments.metadata.title')}</summary>
      {state.status === 'loading' && <p className="hint">{t('attachments.metadata.reading')}</p>}
      {state.status === 'error' && <ErrorMessage message={state.message} />}
      {state.status === 'ready' && <Findings metadata={state.metadata} />}
    </details>
  );
}

function Findings({ metadata }: { metadata: ImageMetadata | null }) {
  const { t } = useTranslation('diary');
  if (!metadata) return <p className="hint">{t('attachments.metadata.notImage')}</p>;
  const { summary, fields, complete } = metadata;
  const coordinate = (value: number) => formatNumber(value, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const rows: Array<[string, string]> = [
    [t('attachments.metadata.places'), summary.places.join(', ')],
    [t('attachments.metadata.people'), summary.people.join(', ')],
    [t('attachments.metadata.device'), summary.device ?? ''],
    [t('attachments.metadata.takenAt'), summary.takenAt ?? ''],
    [t('attachments.metadata.software'), summary.software ?? ''],
  ];
  const sorted = [...fields].sort((a, b) => RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk));
  return (
    <div className="image-metadata-findings">
      {!complete && (
        <p className="notice" role="status">
          {t('attachments.metadata.incomplete')}
        </p>
      )}
      {summary.gps && (
        <p className="image-metadata-gps">
          <strong>{t('attachments.metadata.gpsTitle')}</strong> {t('attachments.metadata.gps', { latitude: coordinate(summary.gps.latitude), longitude: coordinate(summary.gps.longitude) })}
        </p>
      )}
      {fields.length === 0 ? (
        complete && <p className="hint">{t('attachments.metadata.none')}</p>
      ) : (
        <>
          <dl className="image-metadata-summary">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <details>
            <summary>{t('attachments.metadata.allFields', { count: fields.length })}</summary>
            <table className="image-metadata-fields">
              <thead>
                <tr>
                  <th scope="col">{t('attachments.metadata.group')}</th>
                  <th scope="col">{t('attachments.metadata.field')}</th>
                  <th scope="col">{t('attachments.metadata.value')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((field, i) => (
                  <tr key={i} className={field.risk === 'location' ? 'risk-location' : undefined}>
                    <td>{field.group}</td>
                    <td>{field.name}</td>
                    <td>{field.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <p className="hint">{t('attachments.metadata.sharing')}</p>
        </>
      )}
    </div>
  );
}
