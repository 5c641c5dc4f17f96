// The toolbar popup: search the glossary, see the terms found on this page, turn Legal Lens off here or
// everywhere (a change that could not be saved is announced as an alert), and reach the full glossary and the
// settings.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pickLang, UI } from '@/components/i18n';
import { SearchBox } from '@/components/SearchBox';
import { createGlossarySearch, itemsFromCards, type SearchItem } from '@/glossary/runtime/search';
import type { CardData } from '@/glossary/runtime/types';
import type { PageTerm } from '@/utils/messages';
import { SettingsSaveError, loadSettings, saveSettings, setSiteDisabled, siteOf, watchSettings, type Settings } from '@/utils/settings';
import { getActiveTab, requestPageTerms, type ActiveTab } from './active-tab';

export interface PopupProps {
  cards: CardData;
  initialSettings: Settings;
  uiLanguage: string;
}

type PageTerms = { state: 'loading' } | { state: 'found'; terms: PageTerm[] } | { state: 'unavailable' };

// after a settings change the content script rescans in slices; ask again once it has had time
const RESCAN_WAIT_MS = 600;

function explainerUrl(id?: string): string {
  return browser.runtime.getURL('/explainer.html') + (id ? `#${id}` : '');
}

function openInTab(url: string) {
  void browser.tabs.create({ url }).then(() => window.close());
}

export function Popup({ cards, initialSettings, uiLanguage }: PopupProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [pageTerms, setPageTerms] = useState<PageTerms>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [saveError, setSaveError] = useState<'too-many-sites' | 'storage' | null>(null);
  const lang = pickLang(settings.language, uiLanguage);
  const t = UI[lang];

  const search = useMemo(() => createGlossarySearch(itemsFromCards(cards)), [cards]);
  const results = useMemo(() => search(query, 8), [search, query]);
  const site = tab?.url ? siteOf(tab.url) : null;
  const offHere = !!site && settings.disabledSites.includes(site);

  const refreshPageTerms = async (current: ActiveTab | null) => {
    const terms = current?.id !== undefined ? await requestPageTerms(current.id) : null;
    setPageTerms(terms ? { state: 'found', terms } : { state: 'unavailable' });
  };

  useEffect(() => {
    void getActiveTab().then((active) => {
      setTab(active);
      return refreshPageTerms(active);
    });
  }, []);

  useEffect(() => {
    let timer = 0;
    const unwatch = watchSettings((next) => {
      setSettings(next);
      clearTimeout(timer);
      timer = window.setTimeout(() => void refreshPageTerms(tab), RESCAN_WAIT_MS);
    });
    return () => {
      unwatch();
      clearTimeout(timer);
    };
  }, [tab]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  /** Saves with `write`; on failure, says so and shows what is stored. */
  const persist = (write: () => Promise<Settings>) =>
    void write().then(
      (next) => {
        setSaveError(null);
        setSettings(next);
      },
      async (error: unknown) => {
        setSaveError(error instanceof SettingsSaveError ? error.reason : 'storage');
        setSettings(await loadSettings());
      },
    );
  const setEnabled = (enabled: boolean) => persist(() => saveSettings({ enabled }));
  const setOffHere = (off: boolean) => {
    if (site) persist(() => setSiteDisabled(site, off));
  };

  const openTerm = (e: MouseEvent, id?: string) => {
    e.preventDefault();
    openInTab(explainerUrl(id));
  };
  const found = pageTerms.state === 'found' ? pageTerms.terms.filter((term) => cards[term.id]) : [];
  found.sort((a, b) => b.count - a.count || cards[a.id][lang].title.localeCompare(cards[b.id][lang].title, lang));

  return (
    <div class="popup">
      <header class="popup-header">
        <span class="brand-mark" aria-hidden="true" />
        <h1>{t.appName}</h1>
      </header>

      <main class="popup-main">
        <SearchBox
          id="popup-search"
          lang={lang}
          value={query}
          results={results}
          onInput={setQuery}
          onChoose={(item: SearchItem) => openInTab(explainerUrl(item.id))}
          autoFocus
        />

        <section aria-labelledby="on-page-heading">
          <h2 id="on-page-heading">{t.onThisPage}</h2>
          {pageTerms.state === 'loading' && <p class="note">{t.lookingForTerms}</p>}
          {pageTerms.state === 'unavailable' && <p class="note">{site ? t.reloadToScan : t.pageUnavailable}</p>}
          {pageTerms.state === 'found' && !settings.enabled && <p class="note">{t.offEverywhereNote}</p>}
          {pageTerms.state === 'found' && settings.enabled && offHere && <p class="note">{t.offHereNote}</p>}
          {pageTerms.state === 'found' && settings.enabled && !offHere && found.length === 0 && (
            <p class="note">{t.noTermsOnPage}</p>
          )}
          {pageTerms.state === 'found' && settings.enabled && !offHere && found.length > 0 && (
            <ul class="page-terms">
              {found.map((term) => (
                <li key={term.id}>
                  <a href={explainerUrl(term.id)} onClick={(e) => openTerm(e, term.id)}>
                    <span class="term-title">{cards[term.id][lang].title}</span>
                    <span class="count">{t.foundTimes(term.count)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="toggles" aria-label={t.settings}>
          <label class="switch-row">
            <span class="switch-text">
              {t.onEverywhere}
              <span class="switch-help">{t.onEverywhereHelp}</span>
            </span>
            <input
              type="checkbox"
              role="switch"
              class="switch"
              checked={settings.enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
            />
          </label>
          <label class="switch-row">
            <span class="switch-text">
              {t.offOnSite}
              {site && <span class="switch-help">{t.offOnSiteHelp(site)}</span>}
            </span>
            <input
              type="checkbox"
              role="switch"
              class="switch"
              checked={offHere}
              disabled={!site}
              onChange={(e) => setOffHere(e.currentTarget.checked)}
            />
          </label>
          <div role="alert">
            {saveError && <p class="error">{saveError === 'too-many-sites' ? t.tooManySites : t.saveFailed}</p>}
          </div>
        </section>

        <nav class="popup-links" aria-label={t.appName}>
          <a href={explainerUrl()} onClick={(e) => openTerm(e)}>
            {t.browseAll}
          </a>
          <a
            href={browser.runtime.getURL('/options.html')}
            onClick={(e) => {
              e.preventDefault();
              void browser.runtime.openOptionsPage().then(() => window.close());
            }}
          >
            {t.settings}
          </a>
        </nav>

        <p class="disclaimer-note">{t.disclaimer}</p>
      </main>
    </div>
  );
}
