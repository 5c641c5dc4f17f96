// The full explainer for one term or guide, as the explainer page shows it. Presentational only: the heading,
// summary, dates and related terms come from the catalog at once; the body and sources when they have loaded.
import type { Ref } from 'preact';
import type { ArticleBody, Entry, Lang } from '@/glossary/runtime/types';
import { formatDate, formatMonth } from '@/glossary/runtime/dates';
import { UI } from './i18n';
import { sourceLangNote } from './source-label';

export interface TermArticleProps {
  entry: Entry;
  /** the article's body, or null while it loads */
  body: ArticleBody | null;
  lang: Lang;
  /** the title of another term or guide in `lang`, or undefined when it does not exist */
  titleOf: (id: string) => string | undefined;
  hrefFor: (id: string) => string;
  headingRef?: Ref<HTMLHeadingElement>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function TermArticle({ entry, body, lang, titleOf, hrefFor, headingRef }: TermArticleProps) {
  const t = UI[lang];
  const text = entry[lang];
  const sources = body?.[lang].sources ?? [];
  const related = entry.related.flatMap((id) => {
    const title = titleOf(id);
    return title ? [{ id, title }] : [];
  });
  const eyebrow = entry.kind === 'guide' ? t.guideLabel : entry.category ? t.categories[entry.category] : t.kindTerm;
  return (
    <article class="article" lang={lang} aria-labelledby="article-title">
      <header class="article-header">
        <p class="eyebrow">
          {entry.kind === 'term' && entry.category && <span class="visually-hidden">{t.category}: </span>}
          {eyebrow}
        </p>
        <h1 id="article-title" ref={headingRef} tabIndex={-1}>
          {text.title}
        </h1>
        <p class="lede">{text.summary}</p>
        <p class="disclaimer-note">{t.disclaimer}</p>
      </header>

      {/* build-time rendered from our own glossary files: trusted */}
      {body ? <div class="article-body" dangerouslySetInnerHTML={{ __html: body[lang].html }} /> : <div class="article-body" aria-busy="true" />}

      {related.length > 0 && (
        <section class="article-section" aria-labelledby="related-heading">
          <h2 id="related-heading">{t.related}</h2>
          <ul class="chips">
            {related.map(({ id, title }) => (
              <li key={id}>
                <a class="chip" href={hrefFor(id)} data-term={id}>
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {sources.length > 0 && (
        <section class="article-section" aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t.sources}</h2>
          <ol class="sources">
            {sources.map((source) => {
              const note = sourceLangNote(source, lang);
              return (
                <li key={source.url}>
                  <a href={source.url} hreflang={source.lang} target="_blank" rel="noopener noreferrer">
                    {source.title}
                  </a>{' '}
                  {note && `${note} `}
                  <span class="source-host">({hostOf(source.url)})</span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <footer class="article-meta">
        <p>
          <time dateTime={text.reviewed}>{t.reviewed(formatDate(text.reviewed, lang))}</time>
        </p>
        {text.asOf && <p>{t.asOf(formatMonth(text.asOf, lang))}</p>}
        {entry.kind === 'term' && entry.category && (
          <p>
            {t.category}: {t.categories[entry.category]}
          </p>
        )}
      </footer>
    </article>
  );
}
