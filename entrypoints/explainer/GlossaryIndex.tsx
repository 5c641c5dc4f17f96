// The explainer's front page: every guide and every term (grouped by category) as links `#<id>`,
// with a search box that filters them; when a search finds nothing, the whole index stays in view.
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import { UI } from '@/components/i18n';
import { SearchBox } from '@/components/SearchBox';
import type { GlossarySearch, SearchItem } from '@/glossary/runtime/search';
import type { Catalog, Category, Entry, Lang } from '@/glossary/runtime/types';

export interface GlossaryIndexProps {
  catalog: Catalog;
  search: GlossarySearch;
  lang: Lang;
  query: string;
  onQuery: (query: string) => void;
  onChoose: (item: SearchItem) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  focusSearch?: boolean;
}

export function GlossaryIndex({ catalog, search, lang, query, onQuery, onChoose, headingRef, focusSearch }: GlossaryIndexProps) {
  const t = UI[lang];
  const results = useMemo(() => search(query, 500), [search, query]);
  const byTitle = (a: Entry, b: Entry) => a[lang].title.localeCompare(b[lang].title, lang, { sensitivity: 'base' });
  const guides = useMemo(() => Object.values(catalog.guides).sort(byTitle), [catalog, lang]);
  const groups = useMemo(() => {
    const terms = Object.values(catalog.terms).sort(byTitle);
    return (Object.keys(t.categories) as Category[])
      .map((category) => ({ category, terms: terms.filter((a) => a.category === category) }))
      .concat([{ category: 'other' as Category, terms: terms.filter((a) => !a.category || !(a.category in t.categories)) }])
      .filter((g) => g.terms.length > 0);
  }, [catalog, lang]);
  const filtering = query.trim().length > 0 && results.length > 0;

  return (
    <div class="index">
      <h1 ref={headingRef} tabIndex={-1}>
        {t.glossaryTitle}
      </h1>
      <p class="lede">{t.glossaryIntro}</p>
      <p class="disclaimer-note">{t.disclaimer}</p>

      <div class="index-search">
        <SearchBox
          id="glossary-search"
          lang={lang}
          value={query}
          results={results}
          onInput={onQuery}
          onChoose={onChoose}
          whenNothingFits={t.indexBelow}
          autoFocus={focusSearch}
        />
      </div>

      <div hidden={filtering}>
        {guides.length > 0 && (
          <section class="index-section" aria-labelledby="guides-heading">
            <h2 id="guides-heading">{t.guides}</h2>
            <ul class="guide-list">
              {guides.map((guide) => (
                <li key={guide.id}>
                  <a href={`#${guide.id}`}>
                    <span class="guide-title">{guide[lang].title}</span>
                    <span class="guide-summary">{guide[lang].summary}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section class="index-section" aria-labelledby="terms-heading">
          <h2 id="terms-heading">{t.allTerms}</h2>
          {groups.map(({ category, terms }) => (
            <section key={category} class="category" aria-labelledby={`category-${category}`}>
              <h3 id={`category-${category}`}>
                {t.categories[category] ?? category}
                <span class="category-count">{t.termCount(terms.length)}</span>
              </h3>
              <ul class="term-list">
                {terms.map((term) => (
                  <li key={term.id}>
                    <a href={`#${term.id}`}>{term[lang].title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      </div>
    </div>
  );
}
