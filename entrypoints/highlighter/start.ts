// The highlighter: a table of contents of the pipeline in DESIGN.md, started in a frame by the content script's
// first pass (entrypoints/first-pass/scout.ts) once the frame's text holds a term.
// settings ► matcher ► highlighter (collect ► match ► paint ► observe ► schedule) ► hit-test ► hover card.
// The matcher holds only what the page needs: the glossary's parts come from the background as the page's
// words ask for them (glossary-source.ts, glossary/runtime/paged-matcher.ts), starting from what the first pass
// already fetched (HeadStart).
import { browser } from 'wxt/browser';
import { PagedMatcher, type HeadStart } from '@/glossary/runtime/paged-matcher';
import type { ScriptContext } from '@/utils/script-context';
import { parseMessage, type PageStatsResponse, type PageTermsResponse } from '@/utils/messages';
import { inputRelay } from '@/utils/input-relay';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '@/utils/settings';
import { backgroundGlossary } from './glossary-source';
import { TermHighlighter } from './highlighter';
import { topLevelUrl } from './top-site';
import { FetchedCardTexts } from './card/card-texts';
import { loadCardUi } from './card/card-ui-loader';
import { pageLanguage } from './page-lang';
import { explainerHref, openExplainer } from './card/explainer-link';
import { openFirstVisibleCard, watchKeyboard } from '@/components/page/card/keyboard';
import { PageCard } from '@/components/page/card/page-card';
import { watchPointer } from '@/components/page/card/pointer';
import { watchTouch } from '@/components/page/card/touch';

/**
 * Marks the frame's terms and opens their cards, until `ctx` is invalidated (the extension gone) or the settings
 * turn it off for the site (it turns on again with them). `head`: the first pass's filter, words and keys.
 */
export async function startHighlighter(ctx: ScriptContext, head: HeadStart): Promise<void> {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
    head.unchanged?.(); // lets the first pass's observer go
    return; // no Custom Highlight API: do nothing
  }
  let settings: Settings = await loadSettings();
  if (ctx.isInvalid) {
    head.unchanged?.(); // lets the first pass's observer go
    return; // the extension went while the settings were read: nothing may start now
  }
  // one report per page: the background gone or the glossary unreadable leaves the page unmarked, never broken
  // (nothing is said once the extension was reloaded or removed: this script is then done anyway)
  let reported = false;
  const matcher = new PagedMatcher(
    backgroundGlossary,
    (e) => {
      if (reported || ctx.isInvalid) return;
      reported = true;
      console.error(`Legal Lens: highlighting is off on this page: ${String((e as Error)?.message ?? e)}`);
    },
    head,
  );
  let highlighter: TermHighlighter | null = null;
  let card: PageCard | null = null;
  let stats: PageStatsResponse = null;

  /** The card's controllers, once the page has a mark to explain: a page or frame without terms never builds them. */
  const cardFor = (h: TermHighlighter): PageCard | null => {
    if (card || highlighter !== h || h.painter.size === 0) return card;
    card = new PageCard({
      doc: document,
      input: inputRelay(window), // started at document_start by early-input.ts
      highlighter: h,
      texts: new FetchedCardTexts(),
      settings,
      setTimer: (run, ms) => ctx.setTimeout(run, ms), // nothing fires after the script is invalidated
      explainerHref,
      openExplainer,
      loadCardUi,
      pageLanguage: (sample) => pageLanguage(document, browser.i18n, sample),
    });
    watchPointer(card);
    watchTouch(card);
    watchKeyboard(card);
    return card;
  };

  const turnOn = () => {
    if (highlighter) return;
    const created: TermHighlighter = new TermHighlighter(document, matcher, matcher.categories, settings, () => cardFor(created)?.onRepaint());
    highlighter = created;
    const h = highlighter;
    // for the privacy test, which asks over the extension's messaging: the first full scan's cost and marks
    void h.start().then(() => {
      stats ??= { busyMs: h.busyMs, longestSliceMs: h.longestSliceMs, matches: h.painter.size, paintedAt: performance.now() };
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
    void highlighter.applySettings(settings);
    // marks a category setting just showed may be the page's first
    if (card) card.applySettings(settings);
    else cardFor(highlighter);
  };

  ctx.onInvalidated(turnOff);
  const unwatch = watchSettings(apply);
  ctx.onInvalidated(unwatch);

  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
    const msg = parseMessage(raw);
    if (!msg) return undefined;
    if (msg.type === 'legal-lens:page-terms') {
      if (window !== window.top) return undefined; // the top frame answers for the tab
      const answer = (terms: PageTermsResponse['terms']) => sendResponse({ terms } satisfies PageTermsResponse);
      if (highlighter) void highlighter.pageTerms().then(answer, () => answer([]));
      else answer([]);
      return true;
    }
    if (msg.type === 'legal-lens:page-stats') {
      if (window !== window.top) return undefined;
      sendResponse(stats);
      return true;
    }
    if (msg.type === 'legal-lens:focus-card') {
      if (card) void openFirstVisibleCard(card);
      return undefined;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));

  apply(settings);
  // off for this site: the first pass's observer, kept for the first scan's question, is let go
  if (!highlighter) matcher.coversDocument();
}
