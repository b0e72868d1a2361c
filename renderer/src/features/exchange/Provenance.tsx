import { useTranslation } from 'react-i18next';
import type { EntityKind } from '@shared/api/diary';
import type { z } from 'zod';
import { SaveFileCopy } from '../../components/SaveFileCopy';
import { useApi } from '../../components/useApi';
import { formatDate } from '../../i18n';

type Entity = z.infer<typeof EntityKind>;

/**
 * "Imported from <org> on <date>" for a record that came from a partner bundle; nothing for the
 * vault's own records. Any page that shows a record can drop this in.
 */
export function Provenance({ entity, id }: { entity: Entity; id: string }) {
  const { t } = useTranslation('exchange');
  const { state } = useApi('exchange.provenance', { entity, id }, [entity, id]);
  if (state.status !== 'ready' || !state.data) return null;
  const provenance = state.data;

  return (
    <aside className="notice" aria-label={t('provenance.line', { organisation: provenance.organisation, imported: formatDate(provenance.importedAt), sent: formatDate(provenance.sentAt) })}>
      <p>{t('provenance.line', { organisation: provenance.organisation, imported: formatDate(provenance.importedAt), sent: formatDate(provenance.sentAt) })}</p>
      {provenance.files.length > 0 && (
        <>
          <p>{t('provenance.files')}</p>
          <ul>
            {provenance.files.map((file) => (
              <li key={file.sha256}>
                <SaveFileCopy source={{ kind: 'partner-file', sha256: file.sha256 }} type={file.type} label={t('provenance.save', { name: file.name })} />{' '}
                <code>{file.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
