// A search field with its results: the ARIA combobox + listbox pattern. Focus stays in the field while
// ↓/↑ move through the results (aria-activedescendant) and Enter opens the one picked (or the first).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/glossary/runtime/types';
import type { SearchItem } from '@/glossary/runtime/search';
import { UI } from './i18n';

export interface SearchBoxProps {
  /** prefix for element ids; must be unique on the page */
  id: string;
  lang: Lang;
  value: string;
  results: SearchItem[];
  onInput: (value: string) => void;
  onChoose: (item: SearchItem) => void;
  /** show each result's summary under its title */
  summaries?: boolean;
  /** shown under "no matching terms" when a query finds nothing: where to look instead */
  whenNothingFits?: ComponentChildren;
  autoFocus?: boolean;
}

export function SearchBox({ id, lang, value, results, onInput, onChoose, summaries = true, whenNothingFits, autoFocus }: SearchBoxProps) {
  const t = UI[lang];
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const listId = `${id}-results`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const hasQuery = value.trim().length > 0;
  const open = hasQuery && results.length > 0;
  const picked = active < results.length ? active : -1;


  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (picked < 0) return;
    list.current?.children[picked]?.scrollIntoView?.({ block: 'nearest' });
  }, [picked]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case 'ArrowDown':
        if (!open) return;
        e.preventDefault();
        setActive((i) => (i + 1 < results.length ? i + 1 : 0));
        break;
      case 'ArrowUp':
        if (!open) return;
        e.preventDefault();
        setActive((i) => (i <= 0 || i > results.length ? results.length - 1 : i - 1));
        break;
      case 'Enter': {
        const item = results[picked >= 0 ? picked : 0];
        if (!open || !item) return;
        e.preventDefault();
        onChoose(item);
        break;
      }
      case 'Escape':
        // first Escape drops the pick, the next one clears the field
        if (picked >= 0) {
          e.preventDefault();
          setActive(-1);
        } else if (value) {
          e.preventDefault();
          onInput('');
        }
        break;
    }
  };

  return (
    <div class="search" role="search">
      <div class="search-field">
        <label class="search-label" for={`${id}-input`}>
          {t.search}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          class="search-input"
          type="search"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          placeholder={t.searchPlaceholder}
          value={value}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && picked >= 0 ? optionId(picked) : undefined}
          aria-describedby={`${id}-hint`}
          onInput={(e) => {
            // a new query starts with nothing picked
            setActive(-1);
            onInput(e.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id={`${id}-hint`} class="visually-hidden">
        {t.searchHint}
      </p>
      <ul ref={list} id={listId} class="search-results" role="listbox" aria-label={t.searchResults} hidden={!open}>
        {open &&
          results.map((item, i) => (
            <li
              key={item.id}
              id={optionId(i)}
              class="search-result"
              role="option"
              aria-selected={i === picked}
              // keep focus in the field; the click still picks the result
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChoose(item)}
            >
              <span class="search-result-title">
                {item[lang].title}
                {item.kind === 'guide' && <span class="badge">{t.kindGuide}</span>}
              </span>
              {summaries && <span class="search-result-summary">{item[lang].summary}</span>}
            </li>
          ))}
      </ul>
      <p class="search-status" role="status">
        {hasQuery ? (results.length ? <span class="visually-hidden">{t.resultCount(results.length)}</span> : t.noResults) : ''}
      </p>
      {hasQuery && !results.length && whenNothingFits && <p class="search-elsewhere">{whenNothingFits}</p>}
    </div>
  );
}
