// The one search box. `/` or Ctrl+K (⌘K) focuses it from anywhere in the app; arrows move through
// the results, Enter opens one, Escape closes the list. Place it once per page header.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { KB_KINDS, type KbHit, type KbKind } from '@shared/api/kb';
import { hitPath } from './kbPaths';
import { MarkedText } from './MarkedText';
import { useKbSearch } from './useKbSearch';
import './kb.css';

const EXAMPLES = ['OECD complaint', 'special rapporteur', 'Santa Clara', 'who to contact at the platform'];

/** True when a key press belongs to a field the user is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Focuses the input on `/` (outside fields) or Ctrl/⌘+K (anywhere). */
function useFocusShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!modK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

export function SearchBox() {
  const { t } = useTranslation('kb');
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KbKind | 'all'>('all');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const state = useKbSearch(query, kind === 'all' ? [] : [kind]);
  const listId = useId();
  useFocusShortcut(input);

  const hits = useMemo(() => (state.status === 'done' || state.status === 'searching' ? state.hits : []), [state]);
  useEffect(() => setActive(0), [hits]);

  const choose = (hit: KbHit) => {
    setOpen(false);
    input.current?.blur();
    navigate(hitPath(hit, query));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  const activeId = open && hits[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="kb-search" role="search" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}>
      <div className="kb-search-row">
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-keyshortcuts="/ Control+K"
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
        />
        <select aria-label={t('search.kindLabel')} value={kind} onChange={(event) => setKind(event.target.value as KbKind | 'all')}>
          <option value="all">{t('search.kinds.all')}</option>
          {KB_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`search.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {open && (
        <div className="kb-search-popup">
          <ul id={listId} role="listbox" aria-label={t('search.results')} data-query={state.status === 'done' ? state.query : undefined}>
            {hits.map((hit, i) => (
              <li
                key={`${hit.kind}:${hit.id}:${hit.kind === 'section' ? hit.anchor : ''}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="kb-hit"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(hit)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="kb-hit-kind">{t(`search.kind.${hit.kind}`)}</span>
                <span className="kb-hit-title">
                  <MarkedText value={hit.title} />
                  {hit.kind === 'section' && (
                    <>
                      {' › '}
                      <MarkedText value={hit.heading} />
                    </>
                  )}
                </span>
                <span className="kb-hit-snippet">
                  <MarkedText value={hit.snippet} />
                </span>
              </li>
            ))}
          </ul>
          <SearchStatus state={state} kind={kind} onShowAll={() => setKind('all')} onExample={setQuery} />
        </div>
      )}
    </div>
  );
}

function SearchStatus({
  state,
  kind,
  onShowAll,
  onExample,
}: {
  state: ReturnType<typeof useKbSearch>;
  kind: KbKind | 'all';
  onShowAll: () => void;
  onExample: (query: string) => void;
}) {
  const { t } = useTranslation('kb');
  const examples = (
    <p className="hint">
      {t('search.try')}{' '}
      {EXAMPLES.map((example, i) => (
        <span key={example}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => onExample(example)}>
            {example}
          </button>
        </span>
      ))}
    </p>
  );
  if (state.status === 'idle') return <div className="kb-search-status">{examples}</div>;
  if (state.status === 'error') return <p className="error" role="alert">{state.message}</p>;
  if (state.status === 'searching') return <p className="hint kb-search-status" role="status">{t('search.searching')}</p>;
  if (state.hits.length > 0) {
    return (
      <p className="hint kb-search-status" role="status">
        {t('search.count', { count: state.hits.length })}
      </p>
    );
  }
  return (
    <div className="kb-search-status" role="status">
      <p>{t('search.none', { query: state.query })}</p>
      <p className="hint">{t('search.noneHelp')}</p>
      {kind !== 'all' && (
        <button type="button" className="button" onClick={onShowAll}>
          {t('search.showAll')}
        </button>
      )}
      {examples}
    </div>
  );
}
