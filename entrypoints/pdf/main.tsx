// The PDF reader page (pdf.html): wires settings, the glossary, the browser's permission and tab APIs and pdf.js
// into the Reader. pdf.html opens a local file (picker or drop); pdf.html?url=<encoded URL> opens the PDF the user
// asked for (DESIGN.md, "Contracts").
import { render } from 'preact';
import { browser } from 'wxt/browser';
import catalog from 'virtual:glossary/catalog';
import shippedGlossary from 'virtual:glossary/matcher-index';
import '@/components/pages.css';
import '@/components/page/highlight.css';
import { pickLang } from '@/components/card-strings';
import type { CardUi } from '@/components/card-ui';
import { CardView } from '@/components/card-view';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { loadShippedGlossary } from '@/glossary/runtime/shipped-glossary';
import { inputRelay } from '@/utils/input-relay';
import { loadSettings, watchSettings } from '@/utils/settings';
import { ensureWorker, openPdf } from './pdfjs';
import { Reader, type ReaderInput } from './Reader';
import './reader.css';
import { ReaderSession } from './session';
import { originPattern } from './source';

async function start() {
  const cards = catalog.terms; // a catalog's terms are card data too
  ensureWorker();
  // the whole glossary, compiled here (a PDF is read whole, and an extension page needs no background round trip):
  // the deflated shipped index, inflated while the settings load; should it be unreadable (reported on the
  // console), the PDF is still shown, with no term marked
  const [loaded, shipped] = await Promise.all([loadSettings(), loadShippedGlossary(shippedGlossary)]);
  let settings = loaded;
  const matcher = compileMatcher(shipped?.index ?? { ids: [], lines: '' });
  const categories = shipped?.categories ?? {};
  const input = inputRelay(window);
  // The same card as on web pages (PageCard and its lazy view), but its UI is bundled here instead of injected
  // on first use: the background cannot inject scripts into the extension's own pages (scripting and
  // tabs.executeScript refuse them), and what injection keeps out of every web page matters little in a page
  // whose own UI is Preact.
  const cardUi: CardUi = { createView: (doc, options) => new CardView(doc, options) };
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
            input,
            loadCardUi: () => Promise.resolve(cardUi),
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
