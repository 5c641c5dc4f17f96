// The full explainer for one term or guide, as the explainer page shows it. Presentational only.
import type { Ref } from 'preact';
import type { Article, Lang } from '@/glossary/runtime/types';
import { formatDate, formatMonth } from './dates';
import { UI } from './i18n';

export interface TermArticleProps {
  article: Article;
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

export function TermArticle({ article, lang, titleOf, hrefFor, headingRef }: TermArticleProps) {
  const t = UI[lang];
  const text = article[lang];
  const related = article.related.flatMap((id) => {
    const title = titleOf(id);
    return title ? [{ id, title }] : [];
  });
  const eyebrow = article.kind === 'guide' ? t.guideLabel : article.category ? t.categories[article.category] : t.kindTerm;
  return (
    <article class="article" lang={lang} aria-labelledby="article-title">
      <header class="article-header">
        <p class="eyebrow">
          {article.kind === 'term' && article.category && <span class="visually-hidden">{t.category}: </span>}
          {eyebrow}
        </p>
        <h1 id="article-title" ref={headingRef} tabIndex={-1}>
          {text.title}
        </h1>
        <p class="lede">{text.summary}</p>
        <p class="disclaimer-note">{t.disclaimer}</p>
      </header>

      {/* build-time rendered from our own glossary files: trusted */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: text.html }} />

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

      {text.sources.length > 0 && (
        <section class="article-section" aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t.sources}</h2>
          <ol class="sources">
            {text.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>{' '}
                <span class="source-host">({hostOf(source.url)})</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <footer class="article-meta">
        <p>
          <time dateTime={text.reviewed}>{t.reviewed(formatDate(text.reviewed, lang))}</time>
        </p>
        {text.asOf && <p>{t.asOf(formatMonth(text.asOf, lang))}</p>}
        {article.kind === 'term' && article.category && (
          <p>
            {t.category}: {t.categories[article.category]}
          </p>
        )}
      </footer>
    </article>
  );
}
