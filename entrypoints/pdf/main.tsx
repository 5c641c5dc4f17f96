// The PDF reader page (pdf.html): wires settings, the glossary, the browser's permission and tab APIs and pdf.js
// into the Reader. pdf.html opens a local file (picker or drop); pdf.html?url=<encoded URL> opens the PDF the user
// asked for (DESIGN.md, "Contracts").
import { render } from 'preact';
import { browser } from 'wxt/browser';
import cards from 'virtual:glossary/cards';
import categories from 'virtual:glossary/categories';
import matcherIndex from 'virtual:glossary/matcher-index';
import '@/components/pages.css';
import '@/components/page/highlight.css';
import { pickLang } from '@/components/card-strings';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { loadSettings, watchSettings } from '@/utils/settings';
import { ensureWorker, openPdf } from './pdfjs';
import { Reader, type ReaderInput } from './Reader';
import './reader.css';
import { ReaderSession } from './session';
import { originPattern } from './source';

async function start() {
  ensureWorker();
  let settings = await loadSettings();
  const matcher = compileMatcher(matcherIndex);
  const uiLang = pickLang(settings.language, browser.i18n.getUILanguage());
  const url = new URLSearchParams(location.search).get('url');
  const initial: ReaderInput | null = url ? { kind: 'url', url } : null;
  const explainerHref = (id: string) => browser.runtime.getURL(`/explainer.html#${id}` as '/explainer.html');

  const draw = () =>
    render(
      <Reader
        cards={cards}
        settings={settings}
        uiLang={uiLang}
        initial={initial}
        fetchDeps={{
          fetch: (input, init) => fetch(input, init),
          hasAccess: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
        }}
        requestAccess={(origin) => browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false)}
        openSession={async (bytes, password, scroller, pages, onUpdate) => {
          const doc = await openPdf(bytes, password);
          const firstPage = await doc.getPage(1);
          return new ReaderSession(scroller, pages, doc, firstPage, {
            matcher,
            cards,
            categories,
            settings,
            explainerHref,
            openExplainer: (id, lang) => void browser.tabs.create({ url: browser.runtime.getURL(`/explainer.html?lang=${lang}#${id}` as '/explainer.html') }),
          }, onUpdate);
        }}
      />,
      document.getElementById('app')!,
    );
  draw();
  watchSettings((next) => {
    settings = next;
    draw();
  });
}
void start();
