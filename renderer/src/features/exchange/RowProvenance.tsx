import { useTranslation } from 'react-i18next';
import type { EntityKind } from '@shared/api/diary';
import type { z } from 'zod';
import { useApi } from '../../components/useApi';
import { formatDate } from '../../i18n';

/**
 * "From <organisation>, <date>" on a list row of a record imported from a partner bundle (the date
 * the partner made the bundle); nothing on the vault's own records.
 */
export function RowProvenance({ entity, id }: { entity: z.infer<typeof EntityKind>; id: string }) {
  const { t } = useTranslation('actions');
  const { state } = useApi('exchange.provenance', { entity, id }, [entity, id]);
  if (state.status !== 'ready' || !state.data) return null;
  return <div className="hint row-provenance">{t('provenance.row', { organisation: state.data.organisation, date: formatDate(state.data.sentAt) })}</div>;
}
