// Content script: a table of contents of the pipeline in DESIGN.md.
// settings ► matcher ► highlighter (collect ► match ► paint ► observe ► schedule) ► hit-test ► hover card.
import matcherIndex from 'virtual:glossary/matcher-index';
import categories from 'virtual:glossary/categories';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { parseMessage, type PageTermsResponse } from '@/utils/messages';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '@/utils/settings';
import { TermHighlighter } from './highlighter';
import { FetchedCardTexts } from './card/card-texts';
import { explainerHref, openExplainer } from './card/explainer-link';
import { openFirstVisibleCard, watchKeyboard } from '@/components/page/card/keyboard';
import { PageCard } from '@/components/page/card/page-card';
import { watchPointer } from '@/components/page/card/pointer';
import { watchTouch } from '@/components/page/card/touch';
import '@/components/page/highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_end',
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // no Custom Highlight API: do nothing
    let settings: Settings = await loadSettings();
    const t0 = performance.now();
    const matcher = compileMatcher(matcherIndex);
    const startupMs = performance.now() - t0;
    let highlighter: TermHighlighter | null = null;
    let card: PageCard | null = null;

    const turnOn = () => {
      if (highlighter) return;
      highlighter = new TermHighlighter(document, matcher, categories, settings, () => card?.onRepaint());
      card = new PageCard({
        doc: document,
        highlighter,
        texts: new FetchedCardTexts(),
        settings,
        setTimer: (run, ms) => ctx.setTimeout(run, ms), // nothing fires after the script is invalidated
        explainerHref,
        openExplainer,
      });
      watchPointer(card);
      watchTouch(card);
      watchKeyboard(card);
      const h = highlighter;
      // for `npm run bench`: when the first full scan is painted, and the main-thread time it took
      void h.start().then(() => {
        performance.mark('legal-lens:painted', {
          detail: { busyMs: startupMs + h.busyMs, startupMs, longestSliceMs: Math.max(startupMs, h.longestSliceMs), matches: h.painter.size },
        });
      });
    };
    const turnOff = () => {
      card?.destroy();
      highlighter?.stop();
      card = null;
      highlighter = null;
    };
    const apply = (next: Settings) => {
      settings = next;
      if (!isActiveOn(settings, location.href)) return turnOff();
      if (!highlighter) return turnOn();
      highlighter.applySettings(settings);
      card?.applySettings(settings);
    };

    ctx.onInvalidated(turnOff);
    const unwatch = watchSettings(apply);
    ctx.onInvalidated(unwatch);

    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
      const msg = parseMessage(raw);
      if (!msg) return undefined;
      if (msg.type === 'legal-lens:page-terms') {
        if (window !== window.top) return undefined; // the top frame answers for the tab
        const response: PageTermsResponse = { terms: highlighter?.pageTerms() ?? [] };
        sendResponse(response);
        return true;
      }
      if (msg.type === 'legal-lens:focus-card') {
        if (card) openFirstVisibleCard(card);
        return undefined;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage as never);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));

    apply(settings);
  },
});
