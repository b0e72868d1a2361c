// The one search box, in the app header. `/` or Ctrl+K (⌘K) focuses it from anywhere; arrows move
// through the results, Enter opens one, Escape closes the list. Knowledge-base results and the
// user's own records (while a vault is open) are shown as two groups, the better match first (the
// core decides: see search-all), and a passage found only by correcting a typo says so.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchKind } from '@shared/api/search';
import { SEARCH_KINDS } from '@shared/domain/search-kinds';
import { hitPath } from './kbPaths';
import { MarkedText } from './MarkedText';
import { useSearch, type Hit, type Results } from './useSearch';
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
  const [kind, setKind] = useState<SearchKind | 'all'>('all');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const state = useSearch(query, kind === 'all' ? [] : [kind]);
  const listId = useId();
  useFocusShortcut(input);

  const results = state.status === 'done' || state.status === 'searching' ? state.results : null;
  const groups = useMemo(() => (results ? orderedGroups(results) : []), [results]);
  // One list for the keyboard, in the order shown.
  const hits = useMemo<Hit[]>(() => groups.flatMap((group) => group.hits), [groups]);
  // New results start at the first hit. Reset while rendering, not in an effect, so a key pressed
  // right after the results arrive is never undone by a reset that runs later.
  const [activeFor, setActiveFor] = useState(hits);
  if (activeFor !== hits) {
    setActiveFor(hits);
    setActive(0);
  }

  const choose = (hit: Hit) => {
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
      </div>
      {open && (
        <div className="kb-search-popup">
          <div className="kb-search-kinds">
            <label htmlFor={`${listId}-kinds`}>{t('search.kindLabel')}</label>
            <select id={`${listId}-kinds`} value={kind} onChange={(event) => setKind(event.target.value as SearchKind | 'all')}>
              <option value="all">{t('search.kinds.all')}</option>
              {SEARCH_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`search.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <ul id={listId} role="listbox" aria-label={t('search.results')} data-query={state.status === 'done' ? state.query : undefined}>
            {groups.map((group) => (
              <HitGroup key={group.key} label={t(`search.groups.${group.key}`)} hits={group.hits} offset={group.offset} {...{ listId, active, setActive, choose }} />
            ))}
          </ul>
          <SearchStatus state={state} kind={kind} onShowAll={() => setKind('all')} onExample={setQuery} />
        </div>
      )}
    </div>
  );
}

interface Group {
  key: 'kb' | 'records';
  hits: Hit[];
  offset: number;
}

/** The non-empty groups in the order the core ranked them, each with its place in the keyboard list. */
function orderedGroups(results: Results): Group[] {
  const order: Array<Group['key']> = results.first === 'records' ? ['records', 'kb'] : ['kb', 'records'];
  let offset = 0;
  return order.flatMap((key) => {
    const hits: Hit[] = results[key];
    if (hits.length === 0) return [];
    const group = { key, hits, offset };
    offset += hits.length;
    return [group];
  });
}

interface GroupProps {
  label: string;
  hits: Hit[];
  /** Position of the group's first hit in the keyboard list. */
  offset: number;
  listId: string;
  active: number;
  setActive: (index: number) => void;
  choose: (hit: Hit) => void;
}

function HitGroup({ label, hits, offset, listId, active, setActive, choose }: GroupProps) {
  const { t } = useTranslation('kb');
  return (
    <li role="presentation">
      <div className="kb-hit-group" aria-hidden="true">
        {label}
      </div>
      <ul role="group" aria-label={label}>
        {hits.map((hit, i) => {
          const index = offset + i;
          return (
            <li
              key={`${hit.kind}:${hit.id}:${hit.kind === 'section' ? hit.anchor : ''}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="kb-hit"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(hit)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="kb-hit-kind">{hit.kind === 'record' ? t(`search.entity.${hit.entity}`) : t(`search.kind.${hit.kind}`)}</span>
              <span className="kb-hit-title">
                {hit.kind === 'record' ? hit.title : <MarkedText value={hit.title} />}
                {hit.kind === 'section' && (
                  <>
                    {' › '}
                    <MarkedText value={hit.heading} />
                  </>
                )}
                {hit.kind !== 'record' && hit.match === 'typo' && <span className="kb-hit-typo">{t('search.typo')}</span>}
              </span>
              <span className="kb-hit-snippet">
                <MarkedText value={hit.snippet} />
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function SearchStatus({
  state,
  kind,
  onShowAll,
  onExample,
}: {
  state: ReturnType<typeof useSearch>;
  kind: SearchKind | 'all';
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
  const count = state.results.kb.length + state.results.records.length;
  const lockedNote = !state.results.recordsSearched && <p className="hint">{t('search.recordsLocked')}</p>;
  if (count > 0) {
    return (
      <div className="kb-search-status">
        <p className="hint" role="status">
          {t('search.count', { count })}
        </p>
        {lockedNote}
      </div>
    );
  }
  return (
    <div className="kb-search-status" role="status">
      <p>{t('search.none', { query: state.query })}</p>
      <p className="hint">{t('search.noneHelp')}</p>
      {lockedNote}
      {kind !== 'all' && (
        <button type="button" className="button" onClick={onShowAll}>
          {t('search.showAll')}
        </button>
      )}
      {examples}
    </div>
  );
}
