// Content script: a table of contents of the pipeline in DESIGN.md.
// settings ► matcher ► highlighter (collect ► match ► paint ► observe ► schedule) ► hit-test ► hover card.
import shippedGlossary from 'virtual:glossary/matcher-index';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { loadShippedGlossary } from '@/glossary/runtime/shipped-glossary';
import { parseMessage, type PageStatsResponse, type PageTermsResponse } from '@/utils/messages';
import { inputRelay } from '@/utils/input-relay';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '@/utils/settings';
import { TermHighlighter } from './highlighter';
import { lazyMatcher } from './lazy-matcher';
import { topLevelUrl } from './top-site';
import { FetchedCardTexts } from './card/card-texts';
import { loadCardUi } from './card/card-ui-loader';
import { explainerHref, openExplainer } from './card/explainer-link';
import { openFirstVisibleCard, watchKeyboard } from './card/keyboard';
import { PageCard } from './card/page-card';
import { watchPointer } from './card/pointer';
import { watchTouch } from './card/touch';
import './highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_end',
  allFrames: true,
  matchAboutBlank: true,
  // never post WXT's "content-script-started" into the page's window (our own context, script-context.ts, posts
  // nothing at all; this keeps it so should WXT's context ever be used again)
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // no Custom Highlight API: do nothing
    // the glossary inflates while the settings load; an unreadable one is reported and leaves the page alone
    const [loaded, glossary] = await Promise.all([loadSettings(), loadShippedGlossary(shippedGlossary)]);
    if (!glossary) return;
    let settings: Settings = loaded;
    const { categories, inflateMs } = glossary;
    // compiled when the first text is to be matched: a frame with no words never builds it
    const matcher = lazyMatcher(() => compileMatcher(glossary.index), (e) => console.error(`Legal Lens: highlighting is off on this page: ${String((e as Error)?.message ?? e)}`));
    let highlighter: TermHighlighter | null = null;
    let card: PageCard | null = null;
    let stats: PageStatsResponse = null;

    const turnOn = () => {
      if (highlighter) return;
      highlighter = new TermHighlighter(document, matcher, categories, settings, () => card?.onRepaint());
      card = new PageCard({
        doc: document,
        input: inputRelay(window), // started at document_start by early-input.content.ts
        highlighter,
        texts: new FetchedCardTexts(),
        settings,
        setTimer: (run, ms) => ctx.setTimeout(run, ms), // nothing fires after the script is invalidated
        explainerHref,
        openExplainer,
        loadCardUi,
      });
      watchPointer(card);
      watchTouch(card);
      watchKeyboard(card);
      const h = highlighter;
      // for `npm run bench`, which asks over the extension's messaging: the first full scan's cost
      void h.start().then(() => {
        // (the compile runs inside the scan's first slice with words, so busyMs holds it)
        stats ??= { busyMs: inflateMs + h.busyMs, startupMs: inflateMs + matcher.compileMs, longestSliceMs: Math.max(inflateMs, h.longestSliceMs), matches: h.painter.size, paintedAt: performance.now() };
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
      // a frame follows the site of the tab's top-level page ("off on this site" reaches its frames)
      if (!isActiveOn(settings, topLevelUrl(window))) return turnOff();
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
      if (msg.type === 'legal-lens:page-stats') {
        if (window !== window.top) return undefined;
        sendResponse(stats);
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
