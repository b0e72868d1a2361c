import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ExportPanel } from '../../components/ExportPanel';
import { userLocale } from '../../i18n';

/**
 * Exports of the saved draft, laid out as its body expects, through the same dialog as plans and
 * packages: the identity check on exactly what the file prints, and a neutral file name by default.
 */
export function SubmissionExport({ id, dirty }: { id: string; dirty: boolean }) {
  const { t } = useTranslation('submissions');
  return (
    <div id="submission-export" tabIndex={-1}>
      <ExportPanel
        title={t('export.title')}
        hint={dirty ? t('export.unsaved') : t('export.intro')}
        check={({ descriptiveName }) => api().call('exports.identityCheck', { kind: 'submission', id, descriptiveName, locale: userLocale() })}
        make={(format, { descriptiveName, identity }) => api().call('submissions.export', { id, format, descriptiveName, identity, locale: userLocale() })}
      />
    </div>
  );
}
