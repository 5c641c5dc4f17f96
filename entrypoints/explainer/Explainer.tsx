// The explainer page: `#<id>` shows one term's or guide's article; no hash shows the index of everything.
// The language comes from `?lang=`, else the user's setting, else the browser's UI language; `?q=` fills
// the index's search (the context menu's "Look up" opens it that way). The index and every article's heading
// come from the catalog; an article's body is loaded (its own chunk) when it is shown.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pickLang, UI } from '@/components/i18n';
import { TermArticle } from '@/components/TermArticle';
import { useBodyWords } from '@/components/use-body-words';
import { createGlossarySearch, itemsFromCatalog, type SearchItem } from '@/glossary/runtime/search';
import { LANGS, type Lang } from '@/glossary/runtime/categories';
import type { ArticleBody, BodyWordIndex, Catalog } from '@/glossary/runtime/types';
import type { Settings } from '@/utils/settings';
import { GlossaryIndex } from './GlossaryIndex';
import { TermPopover } from './term-popover';

export interface ExplainerProps {
  /** every term and guide without its body; its terms are the cards of term links */
  catalog: Catalog;
  /** the body of one article; rejects when it cannot be loaded */
  loadBody: (id: string) => Promise<ArticleBody>;
  /** the words of the article bodies, for search at a lower weight */
  loadBodyWords?: () => Promise<BodyWordIndex>;
  settings: Settings;
  /** the browser's UI language, for the "page" language setting */
  uiLanguage: string;
}

const idFromHash = (hash: string) => {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
};

/** `?lang=` when it names a glossary language, else the setting ("page": the browser's UI language). */
function initialLang(search: string, settings: Settings, uiLanguage: string): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  return LANGS.find((lang) => lang === fromUrl) ?? pickLang(settings.language, uiLanguage);
}

type Body = { id: string; body: ArticleBody | null; failed?: boolean };

export function Explainer({ catalog, loadBody, loadBodyWords, settings, uiLanguage }: ExplainerProps) {
  const cards = catalog.terms;
  const [lang, setLang] = useState<Lang>(() => initialLang(location.search, settings, uiLanguage));
  const [id, setId] = useState(() => idFromHash(location.hash));
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [focusSearch] = useState(() => !id && query.length > 0);
  const heading = useRef<HTMLHeadingElement>(null);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const langRef = useRef(lang);
  langRef.current = lang;
  const t = UI[lang];

  const bodyWords = useBodyWords(loadBodyWords);
  const search = useMemo(() => createGlossarySearch(itemsFromCatalog(catalog), bodyWords), [catalog, bodyWords]);
  const entry = id ? (catalog.terms[id] ?? catalog.guides[id]) : undefined;
  const titleOf = (other: string) => (catalog.terms[other] ?? catalog.guides[other])?.[lang].title;
  const [body, setBody] = useState<Body | null>(null);

  useEffect(() => {
    if (!entry) return;
    let live = true;
    setBody({ id: entry.id, body: null });
    loadBody(entry.id).then(
      (loaded) => live && setBody({ id: entry.id, body: loaded }),
      () => live && setBody({ id: entry.id, body: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [entry, loadBody]);
  const shownBody = body?.id === entry?.id ? body : null;

  useEffect(() => {
    const onHash = () => setId(idFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const chosenLang = useRef(false);
  useEffect(() => {
    document.documentElement.lang = lang;
    if (!chosenLang.current) return;
    // keep the reader's choice across reloads, without adding history entries
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }, [lang]);
  const chooseLang = (next: Lang) => {
    chosenLang.current = true;
    setLang(next);
  };

  useEffect(() => {
    const title = entry ? entry[lang].title : id ? t.notFound : t.glossaryTitle;
    document.title = `${title} — ${t.appName}`;
  }, [entry, id, lang]);

  // after moving to another article, start at its top with focus on its heading
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [id]);

  const navigate = (next: string) => {
    location.hash = next;
  };

  // hover cards on term links, the same as on web pages
  useEffect(() => {
    if (!main.current) return;
    const popover = new TermPopover(main.current, { cards, lang: () => langRef.current, hoverDelay: settings.hoverDelay, navigate });
    return () => popover.destroy();
  }, [cards, settings.hoverDelay, id, shownBody?.body]);

  // term links in article HTML point at "/explainer.html#id"; following them as written would reload the
  // page and drop `?lang=`, so change only the hash
  const onMainClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-term]');
    const term = link?.dataset.term;
    if (!term || !(catalog.terms[term] || catalog.guides[term])) return;
    e.preventDefault();
    navigate(term);
  };

  const openSettings = () => void browser.runtime.openOptionsPage();
  const skipToMain = (e: MouseEvent) => {
    e.preventDefault();
    main.current?.focus();
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="brand" href="#">
            <span class="brand-mark" aria-hidden="true" />
            {t.appName}
          </a>
          <div class="header-actions">
            <div class="lang-toggle" role="group" aria-label={t.showIn}>
              <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => chooseLang('en')}>
                English
              </button>
              <button type="button" lang="es" aria-pressed={lang === 'es'} onClick={() => chooseLang('es')}>
                Español
              </button>
            </div>
            <button type="button" class="btn" onClick={openSettings}>
              {t.settings}
            </button>
          </div>
        </div>
      </header>

      <main id="main" class="page-main" ref={main} tabIndex={-1} onClick={onMainClick}>
        {!id && (
          <GlossaryIndex
            catalog={catalog}
            search={search}
            lang={lang}
            query={query}
            onQuery={setQuery}
            onChoose={(item: SearchItem) => navigate(item.id)}
            headingRef={heading}
            focusSearch={focusSearch}
          />
        )}
        {id && (
          <>
            <nav aria-label={t.back}>
              <a class="back-link" href="#">
                <span aria-hidden="true">← </span>
                {t.back}
              </a>
            </nav>
            {entry ? (
              <>
                <TermArticle key={entry.id} entry={entry} body={shownBody?.body ?? null} lang={lang} titleOf={titleOf} hrefFor={(other) => `#${other}`} headingRef={heading} />
                {shownBody?.failed && (
                  <p class="note" role="alert">
                    {t.articleFailed}
                  </p>
                )}
              </>
            ) : (
              <div class="not-found">
                <h1 ref={heading} tabIndex={-1}>
                  {t.notFound}
                </h1>
                <p class="disclaimer-note">{t.disclaimer}</p>
              </div>
            )}
          </>
        )}
      </main>

      <footer class="site-footer">
        <div class="site-footer-inner">
          <p>{t.privacyText}</p>
        </div>
      </footer>
    </>
  );
}
