import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ExportPanel } from '../../../components/ExportPanel';
import { useWorkspace } from '../workspace/context';

/**
 * Exports the saved report. When a real name appears in the text, the user confirms that too:
 * nothing is blocked silently and nothing leaves without being asked.
 */
export function ReportExport({ id }: { id: string }) {
  const { t } = useTranslation('assessments');
  const { dirty, check } = useWorkspace();
  const hits = check?.nameHits.length ?? 0;
  return (
    <ExportPanel
      title={t('export.title')}
      hint={dirty ? t('export.unsaved') : t('export.intro')}
      blocked={dirty}
      make={(format, { descriptiveName }) => api().call('assessments.export', { id, format, acknowledgeNameWarnings: hits > 0, descriptiveName })}
      extraWarning={
        hits > 0 && (
          <p className="error-text" data-testid="export-name-warning">
            {t('export.namesWarning', { count: hits })}
          </p>
        )
      }
      {...(hits > 0 && { confirmLabel: (format: string) => t('export.confirmWithNames', { format }) })}
    />
  );
}
