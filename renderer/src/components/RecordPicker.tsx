import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './RecordPicker.css';

/**
 * Links records by searching for them: an ARIA 1.2 combobox whose listbox shows one page of
 * matches at a time from the API, and the linked records as removable chips. Nothing is fetched
 * until the box is used, so a form with several pickers costs nothing to open whatever the size
 * of the vault.
 */
export interface PickerOption {
  id: string;
  label: string;
  /** Second line: company, date, tags. */
  detail?: string;
}

export interface PickerPage {
  items: PickerOption[];
  /** Where the next page starts, or null at the end. */
  next: string | null;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** One page of matches for the typed text (empty: the most recent), after `cursor` if given. */
  search: (text: string, cursor: string | null) => Promise<PickerPage>;
  /** Labels of records linked before, loaded with the form. */
  known: ReadonlyMap<string, PickerOption>;
  /** Shown for a linked id that is no longer in the vault, so the link can still be removed. */
  missingLabel: string;
}

const TYPING_PAUSE_MS = 150;

type Results = { status: 'idle' } | { status: 'loading'; items: PickerOption[] } | { status: 'ready'; items: PickerOption[]; next: string | null } | { status: 'error'; message: string };

export function RecordPicker({ id, label, hint, value, onChange, search, known, missingLabel }: Props) {
  const { t } = useTranslation('common');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, PickerOption>());
  const request = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = `${id}-input`;
  const listId = `${id}-listbox`;
  const helpId = `${id}-help`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const labelOf = (recordId: string): PickerOption => known.get(recordId) ?? seen.current.get(recordId) ?? { id: recordId, label: missingLabel };

  const load = async (query: string, cursor: string | null) => {
    const ticket = ++request.current;
    const before = cursor && results.status === 'ready' ? results.items : [];
    setResults({ status: 'loading', items: before });
    try {
      const page = await search(query.trim(), cursor);
      if (ticket !== request.current) return; // a newer query answered first
      for (const item of page.items) seen.current.set(item.id, item);
      setResults({ status: 'ready', items: [...before, ...page.items], next: page.next });
      if (!cursor) setActive(page.items.length ? 0 : -1);
    } catch (caught) {
      if (ticket === request.current) setResults({ status: 'error', message: (caught as Error).message });
    }
  };

  // Search once typing pauses, and only while the list is open.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load(text, null), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new search only when the text or openness changes
  }, [text, open]);

  const items = results.status === 'ready' || results.status === 'loading' ? results.items : [];
  const next = results.status === 'ready' ? results.next : null;

  const loadMore = () => {
    if (next && results.status === 'ready') void load(text, next);
  };

  const add = (option: PickerOption) => {
    if (value.includes(option.id)) return;
    seen.current.set(option.id, option);
    onChange([...value, option.id]);
    setAnnouncement(t('recordPicker.added', { label: option.label }));
  };

  const remove = (recordId: string) => {
    onChange(value.filter((v) => v !== recordId));
    setAnnouncement(t('recordPicker.removed', { label: labelOf(recordId).label }));
  };

  const moveTo = (index: number) => {
    setActive(index);
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else if (active < items.length - 1) moveTo(active + 1);
        else loadMore();
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (active > 0) moveTo(active - 1);
        break;
      case 'Home':
      case 'End':
        if (!open || items.length === 0) return;
        event.preventDefault();
        moveTo(event.key === 'Home' ? 0 : items.length - 1);
        break;
      case 'Enter':
        // Enter never submits the surrounding form from here.
        event.preventDefault();
        if (open && items[active]) add(items[active]);
        else setOpen(true);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
      case 'Backspace':
        if (text === '' && value.length > 0) {
          event.preventDefault();
          remove(value[value.length - 1]!);
        }
        break;
    }
  };

  const status =
    results.status === 'loading'
      ? t('recordPicker.searching')
      : results.status === 'error'
        ? results.message
        : results.status === 'ready' && items.length === 0
          ? text.trim()
            ? t('recordPicker.noMatches', { text: text.trim() })
            : t('recordPicker.noRecords')
          : results.status === 'ready'
            ? `${t('recordPicker.shown', { count: items.length })}${next ? ` ${t('recordPicker.more')}` : ''}`
            : '';

  return (
    <div className="field record-picker" data-testid={`${id}-picker`}>
      <label htmlFor={inputId}>{label}</label>
      {value.length === 0 ? (
        <p className="hint">{t('recordPicker.noneLinked')}</p>
      ) : (
        <ul className="chips" aria-label={`${label}: ${t('recordPicker.linked')}`}>
          {value.map((recordId) => {
            const option = labelOf(recordId);
            return (
              <li key={recordId} className="chip" data-id={recordId}>
                <span>{option.label}</span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('recordPicker.remove', { label: option.label })}
                  onClick={() => {
                    remove(recordId);
                    inputRef.current?.focus();
                  }}
                  onKeyDown={(event) => {
                    if (event.key !== 'Backspace' && event.key !== 'Delete') return;
                    event.preventDefault();
                    remove(recordId);
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        id={inputId}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && items[active] ? optionId(active) : undefined}
        aria-describedby={helpId}
        placeholder={t('recordPicker.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={helpId} className="hint">
        {hint ? `${hint} ` : ''}
        {t('recordPicker.help')}
      </span>
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        className="record-picker-list"
        hidden={!open}
        onScroll={(event) => {
          const list = event.currentTarget;
          if (list.scrollTop + list.clientHeight >= list.scrollHeight - 24) loadMore();
        }}
      >
        {open &&
          items.map((option, index) => {
            const linked = value.includes(option.id);
            return (
              <li
                key={option.id}
                id={optionId(index)}
                data-id={option.id}
                role="option"
                aria-selected={linked}
                className={`${index === active ? 'active' : ''}${linked ? ' linked' : ''}`}
                // Keep focus in the box so the list stays open while a pointer picks.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setActive(index);
                  add(option);
                }}
              >
                <span className="option-label">{option.label}</span>
                {option.detail && <span className="option-detail">{option.detail}</span>}
                {linked && <span className="option-linked">{t('recordPicker.alreadyLinked')}</span>}
              </li>
            );
          })}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {open ? status : ''} {announcement}
      </span>
      {/* Always there, so opening and closing the list never moves what follows under the pointer. */}
      <span className="hint record-picker-status" aria-hidden="true">
        {open ? status : ''}
      </span>
    </div>
  );
}
