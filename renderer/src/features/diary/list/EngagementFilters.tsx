import { useTranslation } from 'react-i18next';
import { CHANNELS, COMMITMENT_STATUSES } from '@shared/api/diary-values';
import { useApi } from '../../../components/useApi';
import { sortLanguage } from '../../../i18n/locale-format';
import { FILTER_KEYS as KEYS } from './first-window';

export function EngagementFilters({ params, onChange }: { params: URLSearchParams; onChange: (next: URLSearchParams) => void }) {
  const { t } = useTranslation('diary');
  const companies = useApi('companies.list', null);
  const locale = sortLanguage();
  const tags = useApi('engagements.tags', { locale }, [locale]);

  const set = (key: (typeof KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    onChange(next);
  };

  const select = (key: (typeof KEYS)[number], label: string, options: Array<[string, string]>, anyLabel = t('filters.any')) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={params.get(key) ?? ''} onChange={(event) => set(key, event.target.value)}>
        {anyLabel !== '' && <option value="">{anyLabel}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      {select('companyId', t('filters.company'), companies.state.status === 'ready' ? companies.state.data.map((c) => [c.id, c.name]) : [])}
      {select('channel', t('filters.channel'), CHANNELS.map((c) => [c, t(`channels.${c}`)]))}
      {select('status', t('filters.status'), COMMITMENT_STATUSES.map((s) => [s, t(`statuses.${s}`)]))}
      {select('tag', t('filters.tag'), tags.state.status === 'ready' ? tags.state.data.map((tag) => [tag, tag]) : [])}
      <div className="field">
        <label htmlFor="filter-from">{t('filters.from')}</label>
        <input id="filter-from" type="date" value={params.get('from') ?? ''} onChange={(event) => set('from', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('filters.to')}</label>
        <input id="filter-to" type="date" value={params.get('to') ?? ''} onChange={(event) => set('to', event.target.value)} />
      </div>
      {select('sort', t('filters.sort'), (['newest', 'oldest', 'company'] as const).map((s) => [s, t(`filters.sorts.${s}`)]), '')}
    </form>
  );
}
